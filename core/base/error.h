/* SPDX-License-Identifier: MIT */
/* Error codes plus a sentence a person can act on (the SQLite / tig pattern). */
#ifndef CD_CORE_BASE_ERROR_H
#define CD_CORE_BASE_ERROR_H

#include <stddef.h>

#define CD_ERRORS(X)                                                                               \
    X(OK, 0, "no error")                                                                           \
    X(EINVAL, -1, "invalid input")                                                                 \
    X(ENOTFOUND, -2, "not found")                                                                  \
    X(ECONFLICT, -3, "changed by someone else")                                                    \
    X(EBUSY, -4, "the database is busy")                                                           \
    X(EPERM, -5, "not allowed for this role")                                                      \
    X(ESCHEMA, -6, "database written by a newer caredesk")                                         \
    X(EFOREIGN, -7, "not a caredesk database")                                                     \
    X(ENOMEM, -8, "out of memory")                                                                 \
    X(EIO, -9, "input/output error")                                                               \
    X(EEXIST, -10, "already exists")

enum cd_code {
#define CD_ERR_ENUM(name, num, text) CD_##name = num,
    CD_ERRORS(CD_ERR_ENUM)
#undef CD_ERR_ENUM
};

#define CD_ERROR_MSG_MAX 512

/* An error: the code and one line of text. Stack-allocate; no cleanup needed. */
struct cd_error {
    int code;
    char msg[CD_ERROR_MSG_MAX];
};

/* The default text of CODE (static). */
const char *cd_strerror(int code);

/* Fill ERR (may be NULL) with CODE and a printf-style message; returns CODE. */
int cd_error_set(struct cd_error *err, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Prefix ERR's message (may be NULL) with a printf-style context ("file.csv:12: ") for the
 * failure CODE; returns CODE, so the real code survives a NULL ERR. */
int cd_error_prefix(struct cd_error *err, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Reset ERR to CD_OK with an empty message. */
void cd_error_clear(struct cd_error *err);

#endif
