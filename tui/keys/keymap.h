/* SPDX-License-Identifier: MIT */
/* Keys, actions and bindings: `bind SCOPE KEY ACTION` lines from data/keys.default (compiled in)
 * and then $XDG_CONFIG_HOME/caredesk/keys. No curses here: keys are TK_* codes (term.c maps the
 * terminal's keys to them), so the command line and the unit tests can use the keymap. */
#ifndef CD_TUI_KEYS_KEYMAP_H
#define CD_TUI_KEYS_KEYMAP_H

#include <stdbool.h>
#include <stddef.h>

#include "core/base/error.h"
#include "tui/keys/scope.h"

/* A key: a Unicode code point (Ctrl-A is 1, Enter is '\n', Esc 27, Tab '\t'), or a TK_* code
 * for a key that has no character. */
enum tk {
    TK_NONE = -1, /* no key within the timeout */
    TK_ENTER = '\n',
    TK_TAB = '\t',
    TK_ESC = 27,
    TK_SPACE = ' ',
    TK_SPECIAL = 0x1000000, /* above every code point */
    TK_UP,
    TK_DOWN,
    TK_LEFT,
    TK_RIGHT,
    TK_PGUP,
    TK_PGDOWN,
    TK_HOME,
    TK_END,
    TK_INS,
    TK_DEL,
    TK_BACKSPACE,
    TK_BTAB,                    /* Shift-Tab */
    TK_RESIZE,                  /* the terminal changed size */
    TK_F0 = TK_SPECIAL + 0x100, /* TK_F0 + N is function key N (1..12) */
};
#define TK_CTRL(c) ((c)&0x1f)

enum action {
    ACT_NONE,
#define ACTION_GROUP(title)
#define ACTION(id, name, help) ACT_##id,
#include "tui/keys/actions.def"
#undef ACTION
#undef ACTION_GROUP
    ACT_COUNT
};

/* One row of actions.def in order: a group title (name NULL, help the title) or an action. */
struct action_info {
    enum action action; /* ACT_NONE for a group title */
    const char *name;
    const char *help;
};
/* The rows of actions.def, ending with {ACT_NONE, NULL, NULL}. */
extern const struct action_info action_table[];
/* The name of ACTION ("move-down"; static), "none" for ACT_NONE. */
const char *action_name(enum action action);
/* The help text of ACTION (static). */
const char *action_help(enum action action);
/* The action named NAME, ACT_NONE for "none", or -1 when unknown. */
int action_find(const char *name);

/* Parse a key name: a single character, or <Enter> <Esc> <Tab> <S-Tab> <Space> <Up> <Down>
 * <Left> <Right> <PgUp> <PgDown> <Home> <End> <Ins> <Del> <Backspace> <F1>...<F12> <C-a>...<C-z>
 * (names are case-insensitive). Returns the key, or TK_NONE. */
int key_parse(const char *name);
/* The canonical name of KEY ("q", "<Enter>", "<C-x>") into BUF (SIZE bytes); returns BUF. */
char *key_format(int key, char *buf, size_t size);
/* A short label for the key bar ("q", "Enter", "F1", "^X") into BUF; returns BUF. */
char *key_label(int key, char *buf, size_t size);

struct binding {
    unsigned char scope; /* enum scope */
    int key;
    enum action action; /* ACT_NONE: unbound (a `bind ... none` line) */
};

struct keymap {
    struct binding *b; /* in load order; a later line for the same scope and key wins */
    size_t n, cap;
};
#define KEYMAP_INIT                                                                                \
    {                                                                                              \
        NULL, 0, 0                                                                                 \
    }

/* Add the `bind` lines of TEXT (named NAME in messages) to KM: all of them or, after an error
 * ("NAME:LINE: unknown action 'x'"), none. */
int keymap_parse(struct keymap *km, const char *name, const char *text, struct cd_error *err);
/* Load the built-in defaults, then $XDG_CONFIG_HOME/caredesk/keys (or ~/.config/caredesk/keys)
 * when it exists. */
int keymap_load(struct keymap *km, struct cd_error *err);
/* The user key file's path (caller frees), or NULL on OOM. */
char *keymap_user_path(void);
/* The action KEY means in SCOPE: the scope's binding, else generic's, else ACT_NONE. */
enum action keymap_lookup(const struct keymap *km, enum scope scope, int key);
/* The action KEY means in SCOPE inside a frame whose keys are OUTER's: the scope's binding, else
 * OUTER's, else generic's, else ACT_NONE (OUTER SCOPE_GENERIC: as keymap_lookup). */
enum action keymap_lookup_in(const struct keymap *km, enum scope scope, enum scope outer, int key);
/* The keys bound to ACTION in SCOPE only (bindings overridden later are skipped): up to MAX
 * into KEYS; returns how many. */
size_t keymap_keys(const struct keymap *km, enum scope scope, enum action action, int *keys,
                   size_t max);
/* The first key that triggers ACTION when SCOPE is on top (scope first, then generic, and only
 * when the key still means ACTION there), or TK_NONE. */
int keymap_key_for(const struct keymap *km, enum scope scope, enum action action);
/* keymap_key_for inside a frame whose keys are OUTER's: SCOPE's key, else OUTER's, else
 * generic's, each only when the key still means ACTION there. */
int keymap_key_for_in(const struct keymap *km, enum scope scope, enum scope outer,
                      enum action action);
/* Free the bindings. */
void keymap_free(struct keymap *km);

#endif
