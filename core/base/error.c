/* SPDX-License-Identifier: MIT */
/* Error codes and messages: one table, one setter. */
#include "config.h"
#include "core/base/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

const char *cd_strerror(int code)
{
    switch (code) {
#define CD_ERR_CASE(name, num, text)                                                               \
    case num: return text;
        CD_ERRORS(CD_ERR_CASE)
#undef CD_ERR_CASE
    }
    return "unknown error";
}

int cd_error_set(struct cd_error *err, int code, const char *fmt, ...)
{
    if (!err)
        return code;
    err->code = code;
    if (!fmt) {
        snprintf(err->msg, sizeof err->msg, "%s", cd_strerror(code));
        return code;
    }
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    return code;
}

int cd_error_prefix(struct cd_error *err, int code, const char *fmt, ...)
{
    if (!err)
        return code;
    char prefix[CD_ERROR_MSG_MAX], old[CD_ERROR_MSG_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(prefix, sizeof prefix, fmt, ap);
    va_end(ap);
    memcpy(old, err->msg, sizeof old);
    snprintf(err->msg, sizeof err->msg, "%.200s%.300s", prefix, old);
    err->code = code;
    return code;
}

void cd_error_clear(struct cd_error *err)
{
    if (err) {
        err->code = CD_OK;
        err->msg[0] = '\0';
    }
}
