/* SPDX-License-Identifier: MIT */
/* Small modal questions over a view: a one-key choice, yes/no, a one-line text. Each shows at
 * once and answers through a callback later (the app loop keeps running underneath). */
#ifndef CD_TUI_SCREEN_PROMPT_H
#define CD_TUI_SCREEN_PROMPT_H

#include <stdbool.h>
#include <stddef.h>

#include "tui/screen/view.h"

/* One choice: the key that picks it and its label, shown as "r reached". */
struct prompt_choice {
    int key;
    const char *label;
};

/* Called with the chosen key, or TK_NONE after Esc. */
typedef void (*prompt_choice_fn)(struct view *v, int key, void *ctx);
/* Called with true for y, false for n or Esc. */
typedef void (*prompt_confirm_fn)(struct view *v, bool yes, void *ctx);
/* Called with the text after Enter (borrowed, for the call only), or NULL after Esc. */
typedef void (*prompt_text_fn)(struct view *v, const char *text, void *ctx);

/* Ask TITLE with the N CHOICES (copied) for V; DONE gets the answer. Returns 0 or CD_ENOMEM. */
int prompt_choice(struct view *v, const char *title, const struct prompt_choice *choices, size_t n,
                  prompt_choice_fn done, void *ctx);
/* As prompt_choice, for a question asked after the fact (nothing left to cancel): Esc picks the
 * choice with ESC_KEY, shown "k/Esc keep", and no "Esc cancel" is offered. */
int prompt_choice_esc(struct view *v, const char *title, const struct prompt_choice *choices,
                      size_t n, int esc_key, prompt_choice_fn done, void *ctx);
/* Ask a yes/no QUESTION ("Discard the note?"); y or n answers, Esc means no. */
int prompt_confirm(struct view *v, const char *question, prompt_confirm_fn done, void *ctx);
/* Ask for one line of text after LABEL on the message line, starting from INITIAL (may be
 * NULL). Editing as in forms; Enter answers, Esc cancels. */
int prompt_text(struct view *v, const char *label, const char *initial, prompt_text_fn done,
                void *ctx);

#endif
