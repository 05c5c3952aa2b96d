/* SPDX-License-Identifier: MIT */
/* The terminal: the one owner of curses start and stop, colours, keys, resize and the signals
 * that must leave the terminal usable (htop CRT.c). The header needs no curses. */
#ifndef CD_TUI_SCREEN_TERM_H
#define CD_TUI_SCREEN_TERM_H

#include <stdbool.h>

#include "core/base/error.h"
#include "tui/screen/theme.h"

/* Install the signal handlers, start curses (locale, raw: Ctrl-C is a key, noecho, keypad,
 * ESCDELAY: 50 ms unless the environment sets it), and set up colour pairs from THEME; MONO (or a
 * terminal without colours) uses each role's monochrome attributes instead. */
int term_start(const struct theme *theme, bool mono, struct cd_error *err);
/* Restore the terminal (idempotent; also registered with atexit). */
void term_stop(void);
/* True between term_start and term_stop. */
bool term_active(void);
/* The signal that asked caredesk to leave (SIGINT, SIGTERM, SIGHUP), or 0. */
int term_quit_signal(void);
/* Wait up to TIMEOUT_MS for a key: a code point, a TK_* code, TK_RESIZE, or TK_NONE. */
int term_getkey(int timeout_ms);
/* The terminal's size now. */
void term_size(int *rows, int *cols);
/* The attributes and colour pair of ROLE in SCOPE (for canvas.c): curses attr bits. */
void term_role(int scope, int role, unsigned long *attrs, short *pair);
/* Place the hardware cursor at Y, X and show it; negative Y hides it. Applied by term_flush. */
void term_cursor(int y, int x);
/* Send the drawn screen to the terminal. FULL repaints every cell (after C-l). */
void term_flush(bool full);
/* True when colours are in use (not monochrome). */
bool term_has_color(void);

#endif
