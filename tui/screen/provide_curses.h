/* SPDX-License-Identifier: MIT */
/* The one place <curses.h> is included: ncursesw with the wide-character API.
 * Only term.c and canvas.c include this header; every other screen file draws through canvas.h. */
#ifndef CD_TUI_SCREEN_PROVIDE_CURSES_H
#define CD_TUI_SCREEN_PROVIDE_CURSES_H

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <curses.h>

#endif
