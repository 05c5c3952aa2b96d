/* SPDX-License-Identifier: MIT */
/* Text checks shared by every input path: UTF-8, control characters, name keys. */
#ifndef CD_CORE_BASE_TEXT_H
#define CD_CORE_BASE_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* True when the N bytes of S are well-formed UTF-8 (no overlongs, no surrogates). */
bool cd_utf8_valid(const char *s, size_t n);
/* True when S has a control character (below 0x20 or DEL); newline and tab allowed if MULTILINE. */
bool cd_text_has_control(const char *s, bool multiline);
/* Check a one-line text field: valid UTF-8, no control characters, at most MAX bytes, not empty
 * when REQUIRED. Returns NULL when fine, else a static reason ("is empty", ...). */
const char *cd_text_check(const char *s, size_t max, bool required);
/* Lower-case ASCII letters of S into a new string (caller frees); NULL on OOM. */
char *cd_text_lower(const char *s);
/* The display width of the first N bytes of UTF-8 text S would need a terminal; core only needs
 * the byte length of the longest prefix of S that fits MAX code points. */
size_t cd_utf8_prefix(const char *s, size_t max_codepoints);

#endif
