/* SPDX-License-Identifier: MIT */
/* Drawing by role into a rectangle of the screen: UTF-8 aware, never past its edges, long text
 * cut cleanly with an ellipsis. Views draw only through this (no curses in their files). */
#ifndef CD_TUI_SCREEN_CANVAS_H
#define CD_TUI_SCREEN_CANVAS_H

#include <stdbool.h>

#include "tui/keys/scope.h"
#include "tui/screen/theme.h"

/* A rectangle of the screen and the scope its roles are looked up in. */
struct canvas {
    int y, x; /* top-left corner on the screen */
    int rows, cols;
    enum scope scope; /* VIEW.ROLE theme lines apply inside this scope */
};

enum canvas_flags {
    CANVAS_PAD = 1,    /* fill the rest of WIDTH with spaces in the role */
    CANVAS_RIGHT = 2,  /* align right within WIDTH */
    CANVAS_CENTER = 4, /* centre within WIDTH */
};

/* The whole screen as a canvas in SCOPE. */
struct canvas canvas_screen(enum scope scope);
/* The part of C at Y, X (relative) of ROWS x COLS, clipped to C. */
struct canvas canvas_sub(const struct canvas *c, int y, int x, int rows, int cols);
/* A ROWS x COLS rectangle centred in C (clipped to C). */
struct canvas canvas_centered(const struct canvas *c, int rows, int cols);
/* Fill all of C with spaces in ROLE. */
void canvas_clear(const struct canvas *c, enum role role);
/* Fill row Y of C with spaces in ROLE. */
void canvas_fill(const struct canvas *c, int y, enum role role);
/* Draw S at Y, X within WIDTH columns (-1: to the right edge) in ROLE, cut with "…" when too
 * wide. Returns the columns drawn (WIDTH when padded). */
int canvas_text(const struct canvas *c, int y, int x, int width, enum role role, unsigned flags,
                const char *s);
/* canvas_text with printf formatting. */
int canvas_printf(const struct canvas *c, int y, int x, int width, enum role role, unsigned flags,
                  const char *fmt, ...) __attribute__((format(printf, 7, 8)));
/* S word-wrapped at WIDTH columns (edit_wrap), drawn from row Y at X in ROLE on at most MAX lines
 * (MAX <= CANVAS_WRAP_MAX); each line without its trailing spaces and line break, and the last
 * one ending in " …" when S needs more. Returns the lines drawn. */
#define CANVAS_WRAP_MAX 64
int canvas_wrapped(const struct canvas *c, int y, int x, int width, int max, enum role role,
                   const char *s);
/* A frame around C in ROLE with TITLE (may be NULL) in its top edge; returns the inside. */
struct canvas canvas_box(const struct canvas *c, enum role role, const char *title);
/* Show the text cursor at Y, X of C after drawing (for input fields). */
void canvas_cursor(const struct canvas *c, int y, int x);

#endif
