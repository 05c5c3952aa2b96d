/* SPDX-License-Identifier: MIT */
/* A modal form of labelled text fields (intake, notes, care plans): single- and multi-line UTF-8
 * fields, per-field validation as you type, Tab/Shift-Tab between fields, Enter (or F10 / Ctrl-D
 * in a multi-line field) submits, Esc asks before discarding edits. */
#ifndef CD_TUI_SCREEN_FORM_H
#define CD_TUI_SCREEN_FORM_H

#include <stdbool.h>
#include <stddef.h>

#include "core/base/error.h"
#include "tui/screen/canvas.h"
#include "tui/screen/view.h"

struct form;

enum form_flags {
    FORM_MULTILINE = 1, /* several lines, word-wrapped; Enter inserts a line break */
    FORM_REQUIRED = 2,  /* empty is an error ("is empty") */
};

/* Check VALUE as typed: 0, or a CD_E* code with ERR's message shown under the form. */
typedef int (*form_validate_fn)(const char *value, void *ctx, struct cd_error *err);
/* Save the form (e.g. one core call in one transaction): 0 closes it; an error keeps it open
 * with ERR's message, so nothing typed is lost. */
typedef int (*form_submit_fn)(struct view *v, struct form *f, void *ctx, struct cd_error *err);

/* A new empty form titled TITLE (copied); NULL on OOM. */
struct form *form_new(const char *title);
/* Add a field: LABEL (copied), INITIAL text (may be NULL), FORM_* FLAGS, at most MAX bytes
 * (0: no limit), HEIGHT rows for a multi-line field, VALIDATE (may be NULL) with CTX. Returns the
 * field's index, or CD_ENOMEM. */
int form_add(struct form *f, const char *label, const char *initial, unsigned flags, size_t max,
             int height, form_validate_fn validate, void *ctx);
/* Add a choice field: LABEL, the N CHOICES (copied) starting at INITIAL; Left/Right or Space
 * step through them and a letter picks the next one starting with it. Its value is the chosen
 * label. Returns the field's index, or CD_ENOMEM. */
int form_add_choice(struct form *f, const char *label, const char *const *choices, size_t n,
                    size_t initial, form_validate_fn validate, void *ctx);
/* Replace field I's text with TEXT as if typed (the form is edited; the field is checked again),
 * e.g. details filled in from a look-up. Returns 0, CD_EINVAL or CD_ENOMEM. */
int form_set(struct form *f, int i, const char *text);
/* The current text of field I (borrowed; valid until the next edit). */
const char *form_value(const struct form *f, int i);
/* True when a field changed since the form opened. */
bool form_dirty(const struct form *f);
/* The field with the cursor. */
int form_current(const struct form *f);

enum form_result { FORM_CONTINUE, FORM_SUBMIT, FORM_CANCEL };
/* Apply KEY; FORM_SUBMIT only when every field validates (else the cursor goes to the first bad
 * one). Esc on an edited form asks "Discard your changes? y/n" first. */
enum form_result form_key(struct form *f, int key);
/* Show MSG (NULL clears) as the form's error line, e.g. the submit's failure. */
void form_set_error(struct form *f, const char *msg);
/* Draw F centred on SCREEN. */
void form_draw(struct form *f, const struct canvas *screen);
/* Free F (NULL is a no-op). */
void form_free(struct form *f);

/* Open F over V as a modal (the app takes ownership): SUBMIT runs on a valid submit; CTX goes
 * to SUBMIT. Returns 0 or CD_ENOMEM (F freed). */
int form_open(struct view *v, struct form *f, form_submit_fn submit, void *ctx);

#endif
