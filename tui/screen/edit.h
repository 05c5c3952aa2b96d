/* SPDX-License-Identifier: MIT */
/* A UTF-8 text editing buffer for input fields (forms, prompts): cursor moves by character,
 * Backspace/Delete/Ctrl-U, word wrap for multi-line fields. No curses; keys are TK_* codes. */
#ifndef CD_TUI_SCREEN_EDIT_H
#define CD_TUI_SCREEN_EDIT_H

#include <stdbool.h>
#include <stddef.h>

struct edit {
    char *buf; /* NUL-terminated UTF-8; owned */
    size_t len, cap;
    size_t pos;     /* cursor, a byte offset on a character boundary */
    size_t max;     /* most bytes accepted (0: no limit) */
    bool multiline; /* Enter inserts a line break; Up/Down move by wrapped line */
};

enum edit_result {
    EDIT_IGNORED, /* not an editing key */
    EDIT_MOVED,   /* the cursor moved */
    EDIT_CHANGED, /* the text changed */
    EDIT_REFUSED, /* an editing key that could not apply (at the limit, at an edge) */
};

/* Replace the text with TEXT (NULL: empty), cursor at the end. Returns 0 or CD_ENOMEM. */
int edit_set(struct edit *e, const char *text);
/* The text (borrowed; "" when empty). */
const char *edit_text(const struct edit *e);
/* Apply KEY: printable characters insert; Left Right Home End (line start/end), Backspace, Del,
 * Ctrl-U (delete to the start of the line), Ctrl-K (to its end); in multi-line fields Enter
 * inserts a line break and Up/Down move by lines wrapped at WIDTH columns. */
enum edit_result edit_key(struct edit *e, int key, int width);
/* Word wrap the text at WIDTH columns: STARTS gets the byte offset where each line begins (up to
 * MAX lines); returns the number of lines (at least 1). A line breaks after a space when it can,
 * inside a word only when the word alone is wider than WIDTH; '\n' always breaks. */
size_t edit_wrap(const char *s, size_t n, int width, size_t *starts, size_t max);
/* Free the text. */
void edit_free(struct edit *e);

#endif
