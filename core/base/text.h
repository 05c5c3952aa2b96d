/* SPDX-License-Identifier: MIT */
/* Text checks shared by every input path (UTF-8, control characters, name keys, file encodings)
 * and the one function that makes untrusted text safe for a terminal (cd_text_safe). */
#ifndef CD_CORE_BASE_TEXT_H
#define CD_CORE_BASE_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/base/strbuf.h"

/* The code point at S, with N bytes available: its value, or -1 for a malformed, overlong,
 * surrogate, out-of-range or truncated sequence; *LEN gets the bytes it takes (1 when
 * malformed, so a caller can step over a bad byte). The one UTF-8 decoder. */
int32_t cd_utf8_decode(const char *s, size_t n, size_t *len);
/* Encode the code point C (0..0x10FFFF) as UTF-8 into OUT (at least 4 bytes); its length. */
size_t cd_utf8_encode(int32_t c, char *out);
/* True when the N bytes of S are well-formed UTF-8 (no overlongs, no surrogates). */
bool cd_utf8_valid(const char *s, size_t n);

/* How cd_text_safe shows text. */
enum cd_text_safe_flags {
    CD_TEXT_MULTILINE = 1, /* LF and TAB pass as they are (a note, a block of text) */
    CD_TEXT_BACKSLASH = 2, /* a backslash shows as \\, so the result reads back unambiguously */
};
/* Append the N bytes of S to OUT made safe for a terminal. Unsafe characters are shown, never
 * dropped: TAB, LF and CR as \t \n \r (TAB and LF kept with CD_TEXT_MULTILINE); the other C0
 * controls and DEL as \xHH (ESC is \x1b); C1 controls U+0080-U+009F and the bidi controls
 * U+061C, U+200E, U+200F, U+202A-U+202E and U+2066-U+2069 as \uHHHH (\u202e); each byte that is
 * not well-formed UTF-8 as \xHH. All other text, CJK, emoji and combining marks included, is
 * copied unchanged. Returns 0 or CD_ENOMEM. */
int cd_text_safe(struct cd_strbuf *out, const char *s, size_t n, unsigned flags);
/* The number of bytes at the start of S (N bytes) that cd_text_safe copies unchanged (N when the
 * whole text is safe). */
size_t cd_text_safe_span(const char *s, size_t n, unsigned flags);
/* True when cd_text_safe would show code point CP escaped under FLAGS. */
bool cd_text_unsafe_cp(int32_t cp, unsigned flags);
/* The first control character of S: with MULTILINE false (one-line text) any character
 * cd_text_safe escapes (C0, DEL, C1, bidi controls); with MULTILINE true (a note) only C0
 * controls other than LF, TAB and CR, and DEL (notes keep C1 and bidi, escaped on output).
 * Its code point, or -1 when there is none. Bytes that are not UTF-8 are not looked at. */
int32_t cd_text_find_control(const char *s, bool multiline);
/* True when S has a control character (cd_text_find_control(S, MULTILINE) >= 0). */
bool cd_text_has_control(const char *s, bool multiline);
/* The name of control character CP in BUF (at least 12 bytes): "ESC", "BEL", "DEL" for C0 and
 * DEL, "U+009B" or "U+202E" for the others. Returns BUF. */
const char *cd_text_control_name(int32_t cp, char *buf);
/* Check a one-line text field: valid UTF-8, no control characters (cd_text_find_control), at
 * most MAX bytes, not empty when REQUIRED. Returns NULL when fine, else a static reason. */
const char *cd_text_check(const char *s, size_t max, bool required);
/* A person's initials: the first character of GIVEN, then of FAMILY (a whole UTF-8 character,
 * ASCII letters upper-cased), each followed by '.' when DOTTED: "Z.N." or "ZN". A name that is
 * empty or starts with punctuation or a space gives no initial, so the result never holds a '/'
 * or a stray '.' (it names export files). Into OUT (SIZE bytes); "" when neither gives one. */
void cd_text_initials(const char *given, const char *family, bool dotted, char *out, size_t size);
/* "UTF-16" or "UTF-32" when the N bytes of DATA look like a file in that encoding (a byte-order
 * mark, or ASCII text with NUL bytes between its letters), else NULL: caredesk reads UTF-8. */
const char *cd_text_wide_encoding(const char *data, size_t n);
/* Lower-case ASCII letters of S into a new string (caller frees); NULL on OOM. */
char *cd_text_lower(const char *s);
/* The display width of the first N bytes of UTF-8 text S would need a terminal; core only needs
 * the byte length of the longest prefix of S that fits MAX code points. */
size_t cd_utf8_prefix(const char *s, size_t max_codepoints);

#endif
