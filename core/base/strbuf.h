/* SPDX-License-Identifier: MIT */
/* A growable, always NUL-terminated byte string. */
#ifndef CD_CORE_BASE_STRBUF_H
#define CD_CORE_BASE_STRBUF_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

struct cd_strbuf {
    char *buf;  /* NULL until the first append; owned */
    size_t len; /* bytes used, not counting the NUL */
    size_t cap;
    bool oom; /* an append failed: the content is truncated */
};

#define CD_STRBUF_INIT                                                                             \
    {                                                                                              \
        NULL, 0, 0, false                                                                          \
    }

/* Append N bytes of S. Returns 0 or CD_ENOMEM (and sets sb->oom). */
int cd_strbuf_addn(struct cd_strbuf *sb, const char *s, size_t n);
/* Append the string S. */
int cd_strbuf_add(struct cd_strbuf *sb, const char *s);
/* Append one byte. */
int cd_strbuf_addc(struct cd_strbuf *sb, char c);
/* Append printf-style. */
int cd_strbuf_addf(struct cd_strbuf *sb, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
int cd_strbuf_vaddf(struct cd_strbuf *sb, const char *fmt, va_list ap);
/* Append S as a JSON string literal with quotes (S may be NULL: writes null). Controls, DEL, C1
 * and bidi controls are written as \uXXXX, bytes that are not UTF-8 as \ufffd. */
int cd_strbuf_add_json(struct cd_strbuf *sb, const char *s);
/* Append S for a TSV cell, terminal-safe: cd_text_safe with backslashes doubled (\t \n \r \\,
 * \x1b, \u202e ...), so the cell reads back unambiguously. */
int cd_strbuf_add_tsv(struct cd_strbuf *sb, const char *s);
/* The content, never NULL (borrowed; valid until the next change). */
const char *cd_strbuf_str(const struct cd_strbuf *sb);
/* Empty the buffer, keeping its memory. */
void cd_strbuf_reset(struct cd_strbuf *sb);
/* Hand the content to the caller (free() it) and reset SB; NULL on OOM. */
char *cd_strbuf_take(struct cd_strbuf *sb);
/* Free the memory. */
void cd_strbuf_free(struct cd_strbuf *sb);

/* strdup that returns NULL for NULL. Caller frees. */
char *cd_strdup(const char *s);

#endif
