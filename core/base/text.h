/* SPDX-License-Identifier: MIT */
/* Text checks shared by every input path: UTF-8, control characters, name keys. */
#ifndef CD_CORE_BASE_TEXT_H
#define CD_CORE_BASE_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The code point at S, with N bytes available: its value, or -1 for a malformed, overlong,
 * surrogate, out-of-range or truncated sequence; *LEN gets the bytes it takes (1 when
 * malformed, so a caller can step over a bad byte). The one UTF-8 decoder. */
int32_t cd_utf8_decode(const char *s, size_t n, size_t *len);
/* Encode the code point C (0..0x10FFFF) as UTF-8 into OUT (at least 4 bytes); its length. */
size_t cd_utf8_encode(int32_t c, char *out);
/* True when the N bytes of S are well-formed UTF-8 (no overlongs, no surrogates). */
bool cd_utf8_valid(const char *s, size_t n);
/* True when S has a control character (below 0x20 or DEL); newline and tab allowed if MULTILINE. */
bool cd_text_has_control(const char *s, bool multiline);
/* Check a one-line text field: valid UTF-8, no control characters, at most MAX bytes, not empty
 * when REQUIRED. Returns NULL when fine, else a static reason ("is empty", ...). */
const char *cd_text_check(const char *s, size_t max, bool required);
/* A person's initials: the first character of GIVEN, then of FAMILY (a whole UTF-8 character,
 * ASCII letters upper-cased), each followed by '.' when DOTTED: "Z.N." or "ZN". A name that is
 * empty or starts with punctuation or a space gives no initial, so the result never holds a '/'
 * or a stray '.' (it names export files). Into OUT (SIZE bytes); "" when neither gives one. */
void cd_text_initials(const char *given, const char *family, bool dotted, char *out, size_t size);
/* Lower-case ASCII letters of S into a new string (caller frees); NULL on OOM. */
char *cd_text_lower(const char *s);
/* The display width of the first N bytes of UTF-8 text S would need a terminal; core only needs
 * the byte length of the longest prefix of S that fits MAX code points. */
size_t cd_utf8_prefix(const char *s, size_t max_codepoints);

#endif
