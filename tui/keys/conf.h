/* SPDX-License-Identifier: MIT */
/* The line grammar shared by key files and theme files: words split on blanks, `#` starts a
 * comment, errors name FILE:LINE. */
#ifndef CD_TUI_KEYS_CONF_H
#define CD_TUI_KEYS_CONF_H

#include "core/base/error.h"

#define CONF_MAX_WORDS 16

/* Called for each non-empty line with its words (borrowed; valid during the call). Returns 0,
 * or a CD_E* code after filling ERR (without the file:line prefix, which conf_parse adds). */
typedef int (*conf_line_fn)(void *ctx, int argc, char **argv, struct cd_error *err);

/* Split TEXT (named NAME in messages) into lines and words and call FN for each line. Stops at
 * the first error, prefixed "NAME:LINE: ". A line with more than CONF_MAX_WORDS words is an
 * error. Returns 0 or the error's code. */
int conf_parse(const char *name, const char *text, conf_line_fn fn, void *ctx,
               struct cd_error *err);

/* Read the whole file PATH into a new string (caller frees *OUT). CD_ENOTFOUND when it does not
 * exist, CD_EIO when it cannot be read. */
int conf_read_file(const char *path, char **out, struct cd_error *err);

#endif
