/* SPDX-License-Identifier: MIT */
/* Terminal width of UTF-8 text (wcwidth), cutting without splitting a character. No curses.
 * Malformed bytes count as one column each (drawn as '?'); control characters as one column. */
#ifndef CD_TUI_SCREEN_UWIDTH_H
#define CD_TUI_SCREEN_UWIDTH_H

#include <stddef.h>
#include <stdint.h>

/* Columns of code point C: 0 for combining marks, 2 for wide ones, 1 otherwise (also for
 * controls and unknown ones). */
int uw_cp_width(int32_t c);
/* Columns the N bytes of S take. */
int uw_width_n(const char *s, size_t n);
/* Columns the string S takes. */
int uw_width(const char *s);
/* Bytes of S (N bytes) that fit in COLS columns without splitting a character (combining marks
 * stay with their base); *USED (may be NULL) gets the columns they take. */
size_t uw_fit(const char *s, size_t n, int cols, int *used);
/* The start of the character before byte I of S (0 at the start). */
size_t uw_prev(const char *s, size_t i);
/* The byte after the character at byte I of S (N bytes). */
size_t uw_next(const char *s, size_t n, size_t i);
/* Copy S cut to COLS columns into OUT (SIZE bytes): when S is wider, it ends with "…" (or "~"
 * outside a UTF-8 locale) and the result takes at most COLS columns. Returns its width. */
int uw_cut(const char *s, int cols, char *out, size_t size);

#endif
