/* SPDX-License-Identifier: MIT */
/* The month's care management minutes as a bar toward the next billing threshold, for the chart
 * header and the minutes view: "██████····  14/20 min" in the theme's bar roles. */
#ifndef CD_TUI_SCREEN_MINUTES_BAR_H
#define CD_TUI_SCREEN_MINUTES_BAR_H

#include "tui/screen/canvas.h"

/* Cells of a WIDTH-cell bar that MINUTES of THRESHOLD fill (0..WIDTH; all of it when THRESHOLD
 * is 0 or passed). No curses: unit-tested. */
int minutes_bar_fill(int minutes, int threshold, int width);
/* Draw the bar at Y, X of C in WIDTH columns: filled cells in bar.fill, the rest in bar.empty,
 * then " 14/20 min" (" 14 min" when THRESHOLD is 0, no threshold left) in the default role when
 * the label fits after a bar of at least 4 cells. Returns the columns drawn. */
int minutes_bar_draw(const struct canvas *c, int y, int x, int width, int minutes, int threshold);
/* minutes_bar_draw with the label in LABEL_ROLE (e.g. ROLE_SELECTED on a list's cursor row). */
int minutes_bar_draw_in(const struct canvas *c, int y, int x, int width, int minutes, int threshold,
                        enum role label_role);

#endif
