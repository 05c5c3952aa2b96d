/* SPDX-License-Identifier: MIT */
/* Colour themes: `color [VIEW.]ROLE FG BG [ATTR...]` lines giving each drawing role its colours.
 * No curses here: colours are numbers (-1 default, 0-7 the named ones, up to 255) and
 * attributes THEME_* bits; term.c turns them into colour pairs. */
#ifndef CD_TUI_SCREEN_THEME_H
#define CD_TUI_SCREEN_THEME_H

#include <stdbool.h>

#include "core/base/error.h"
#include "tui/keys/scope.h"

enum theme_attr {
    THEME_BOLD = 1,
    THEME_DIM = 2,
    THEME_REVERSE = 4,
    THEME_UNDERLINE = 8,
    THEME_STANDOUT = 16,
};

enum role {
#define ROLE(id, name, mono) ROLE_##id,
#include "tui/screen/roles.def"
#undef ROLE
    ROLE_COUNT
};

struct theme_style {
    short fg, bg;   /* -1 = the terminal's default */
    unsigned attrs; /* THEME_* bits */
    bool set;       /* given by a theme line (else inherited) */
};

struct theme {
    struct theme_style style[SCOPE_COUNT][ROLE_COUNT];
};

/* The name of ROLE ("overdue"; static). */
const char *role_name(enum role role);
/* The role named NAME, or -1. */
int role_find(const char *name);
/* The monochrome attributes of ROLE (roles.def). */
unsigned role_mono(enum role role);

/* Reset T to no theme lines: every role default colours with its monochrome attributes. */
void theme_init(struct theme *t);
/* Apply the `color` lines of TEXT (named NAME in messages) to T: all of them, or none after an
 * error such as "themes/x.theme:12: unknown role 'overdew'". */
int theme_parse(struct theme *t, const char *name, const char *text, struct cd_error *err);
/* Load theme NAME (NULL: "default") into T: the built-in default theme first (so roles a theme
 * leaves out keep the default's colours), then NAME. NAME is a path when it holds a '/', else
 * $XDG_CONFIG_HOME/caredesk/themes/NAME.theme when present, else a built-in theme. CD_ENOTFOUND
 * names the built-in themes when there is no such theme. */
int theme_load(struct theme *t, const char *name, struct cd_error *err);
/* The style of ROLE inside SCOPE: the VIEW.ROLE line when given, else the generic role. */
struct theme_style theme_get(const struct theme *t, enum scope scope, enum role role);
/* The built-in theme names, NULL-terminated (static). */
extern const char *const theme_builtin_names[];

#endif
