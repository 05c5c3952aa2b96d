/* SPDX-License-Identifier: MIT */
/* The minutes bar: filled cells toward the next threshold, then the figures. */
#include "config.h"
#include "tui/screen/minutes_bar.h"

#include <stdio.h>
#include <string.h>

int minutes_bar_fill(int minutes, int threshold, int width)
{
    if (width <= 0)
        return 0;
    if (threshold <= 0 || minutes >= threshold)
        return width;
    if (minutes <= 0)
        return 0;
    /* a started bar shows at least one cell; a full one only when the threshold is met */
    int fill = (int)((long)minutes * width / threshold);
    return fill < 1 ? 1 : fill >= width ? width - 1 : fill;
}

int minutes_bar_draw(const struct canvas *c, int y, int x, int width, int minutes, int threshold)
{
    return minutes_bar_draw_in(c, y, x, width, minutes, threshold, ROLE_DEFAULT);
}

int minutes_bar_draw_in(const struct canvas *c, int y, int x, int width, int minutes, int threshold,
                        enum role label_role)
{
    char label[40];
    if (threshold > 0)
        snprintf(label, sizeof label, " %d/%d min", minutes, threshold);
    else
        snprintf(label, sizeof label, " %d min", minutes);
    int lw = (int)strlen(label);
    int cells = width - lw >= 4 ? width - lw : width;
    int fill = minutes_bar_fill(minutes, threshold, cells);
    for (int i = 0; i < cells; i++)
        canvas_text(c, y, x + i, 1, i < fill ? ROLE_BAR_FILL : ROLE_BAR_EMPTY, 0,
                    i < fill ? " " : "·");
    if (cells < width)
        canvas_text(c, y, x + cells, lw, label_role, 0, label);
    return width;
}
