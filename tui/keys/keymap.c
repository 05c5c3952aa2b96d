/* SPDX-License-Identifier: MIT */
/* The keymap: action table, key names and `bind SCOPE KEY ACTION` files (tig's keys, without
 * curses: term.c turns terminal keys into TK_* codes). */
#include "config.h"
#include "tui/keys/keymap.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/base/builtin.h"
#include "core/base/strbuf.h"
#include "core/base/text.h"
#include "tui/keys/conf.h"

const struct action_info action_table[] = {
#define ACTION_GROUP(title) {ACT_NONE, NULL, title},
#define ACTION(id, name, help) {ACT_##id, name, help},
#include "tui/keys/actions.def"
#undef ACTION
#undef ACTION_GROUP
    {ACT_NONE, NULL, NULL},
};

static const struct action_info *info(enum action action)
{
    for (const struct action_info *a = action_table; a->help; a++)
        if (a->name && a->action == action)
            return a;
    return NULL;
}

const char *action_name(enum action action)
{
    const struct action_info *a = info(action);
    return a ? a->name : "none";
}

const char *action_help(enum action action)
{
    const struct action_info *a = info(action);
    return a ? a->help : "";
}

int action_find(const char *name)
{
    if (strcmp(name, "none") == 0)
        return ACT_NONE;
    for (const struct action_info *a = action_table; a->help; a++)
        if (a->name && strcmp(a->name, name) == 0)
            return a->action;
    return -1;
}

static const struct {
    const char *name;  /* inside <> */
    const char *label; /* key bar */
    int key;
} named[] = {
    {"Enter", "Enter", TK_ENTER},  {"Esc", "Esc", TK_ESC},
    {"Tab", "Tab", TK_TAB},        {"S-Tab", "S-Tab", TK_BTAB},
    {"Space", "Space", TK_SPACE},  {"Up", "Up", TK_UP},
    {"Down", "Down", TK_DOWN},     {"Left", "Left", TK_LEFT},
    {"Right", "Right", TK_RIGHT},  {"PgUp", "PgUp", TK_PGUP},
    {"PgDown", "PgDn", TK_PGDOWN}, {"Home", "Home", TK_HOME},
    {"End", "End", TK_END},        {"Ins", "Ins", TK_INS},
    {"Del", "Del", TK_DEL},        {"Backspace", "BkSp", TK_BACKSPACE},
};
#define N_NAMED (sizeof named / sizeof named[0])

int key_parse(const char *name)
{
    size_t n = strlen(name);
    if (n >= 3 && name[0] == '<' && name[n - 1] == '>') {
        const char *in = name + 1;
        size_t m = n - 2;
        for (size_t i = 0; i < N_NAMED; i++)
            if (strlen(named[i].name) == m && strncasecmp(named[i].name, in, m) == 0)
                return named[i].key;
        if ((in[0] == 'F' || in[0] == 'f') && m >= 2 && m <= 3) {
            int f = 0;
            for (size_t i = 1; i < m; i++) {
                if (in[i] < '0' || in[i] > '9')
                    return TK_NONE;
                f = f * 10 + (in[i] - '0');
            }
            return f >= 1 && f <= 12 ? TK_F0 + f : TK_NONE;
        }
        if (m == 3 && (in[0] == 'C' || in[0] == 'c') && in[1] == '-') {
            char c = in[2];
            if (c >= 'A' && c <= 'Z')
                c = (char)(c - 'A' + 'a');
            return c >= 'a' && c <= 'z' ? TK_CTRL(c) : TK_NONE;
        }
        return TK_NONE;
    }
    size_t len;
    int32_t c = n ? cd_utf8_decode(name, n, &len) : -1;
    if (c <= ' ' || c == 0x7f || len != n)
        return TK_NONE;
    return c;
}

static int named_index(int key)
{
    for (size_t i = 0; i < N_NAMED; i++)
        if (named[i].key == key)
            return (int)i;
    return -1;
}

char *key_format(int key, char *buf, size_t size)
{
    int i = named_index(key);
    if (i >= 0)
        snprintf(buf, size, "<%s>", named[i].name);
    else if (key > TK_F0 && key <= TK_F0 + 12)
        snprintf(buf, size, "<F%d>", key - TK_F0);
    else if (key >= 1 && key <= 26)
        snprintf(buf, size, "<C-%c>", 'a' + key - 1);
    else if (key > ' ' && key < TK_SPECIAL && key != 0x7f) {
        char u[5] = {0};
        cd_utf8_encode(key, u);
        snprintf(buf, size, "%s", u);
    } else
        snprintf(buf, size, "<?%d>", key);
    return buf;
}

char *key_label(int key, char *buf, size_t size)
{
    int i = named_index(key);
    if (i >= 0)
        snprintf(buf, size, "%s", named[i].label);
    else if (key > TK_F0 && key <= TK_F0 + 12)
        snprintf(buf, size, "F%d", key - TK_F0);
    else if (key >= 1 && key <= 26)
        snprintf(buf, size, "^%c", 'A' + key - 1);
    else
        key_format(key, buf, size);
    return buf;
}

struct parse_ctx {
    struct keymap add;
};

static int push(struct keymap *km, struct binding b)
{
    if (km->n == km->cap) {
        size_t cap = km->cap ? km->cap * 2 : 64;
        struct binding *nb = realloc(km->b, cap * sizeof *nb);
        if (!nb)
            return CD_ENOMEM;
        km->b = nb;
        km->cap = cap;
    }
    km->b[km->n++] = b;
    return 0;
}

static int bind_line(void *ctx, int argc, char **argv, struct cd_error *err)
{
    struct parse_ctx *pc = ctx;
    if (strcmp(argv[0], "bind") != 0)
        return cd_error_set(err, CD_EINVAL,
                            "unknown command '%s' (expected 'bind SCOPE KEY ACTION')", argv[0]);
    if (argc != 4)
        return cd_error_set(err, CD_EINVAL, "expected 'bind SCOPE KEY ACTION'");
    int scope = scope_find(argv[1], strlen(argv[1]));
    if (scope < 0)
        return cd_error_set(err, CD_EINVAL, "unknown scope '%s'", argv[1]);
    int key = key_parse(argv[2]);
    if (key == TK_NONE) {
        /* 'F5' for '<F5>', 'Enter' for '<Enter>': name the spelling that works */
        char bracketed[40];
        snprintf(bracketed, sizeof bracketed, "<%s>", argv[2]);
        if (argv[2][0] != '<' && key_parse(bracketed) != TK_NONE)
            return cd_error_set(err, CD_EINVAL, "unknown key '%s' (write it as %s)", argv[2],
                                bracketed);
        return cd_error_set(err, CD_EINVAL, "unknown key '%s'", argv[2]);
    }
    int action = action_find(argv[3]);
    if (action < 0)
        return cd_error_set(err, CD_EINVAL, "unknown action '%s'", argv[3]);
    struct binding b = {(unsigned char)scope, key, (enum action)action};
    if (push(&pc->add, b))
        return cd_error_set(err, CD_ENOMEM, "out of memory");
    return 0;
}

int keymap_parse(struct keymap *km, const char *name, const char *text, struct cd_error *err)
{
    struct parse_ctx pc = {KEYMAP_INIT};
    int rc = conf_parse(name, text, bind_line, &pc, err);
    for (size_t i = 0; !rc && i < pc.add.n; i++)
        if (push(km, pc.add.b[i]))
            rc = cd_error_set(err, CD_ENOMEM, "out of memory");
    keymap_free(&pc.add);
    return rc;
}

char *keymap_user_path(void)
{
    struct cd_strbuf sb = CD_STRBUF_INIT;
    const char *xdg = getenv("XDG_CONFIG_HOME");
    const char *home = getenv("HOME");
    if (xdg && *xdg == '/')
        cd_strbuf_addf(&sb, "%s/caredesk/keys", xdg);
    else
        cd_strbuf_addf(&sb, "%s/.config/caredesk/keys", home && *home ? home : ".");
    return cd_strbuf_take(&sb);
}

int keymap_load(struct keymap *km, struct cd_error *err)
{
    const char *def = cd_builtin_get("keys.default");
    int rc = keymap_parse(km, "keys.default", def ? def : "", err);
    if (rc)
        return rc;
    char *path = keymap_user_path(), *text = NULL;
    if (!path)
        return cd_error_set(err, CD_ENOMEM, "out of memory");
    rc = conf_read_file(path, &text, err);
    if (rc == CD_ENOTFOUND) {
        cd_error_clear(err);
        rc = 0;
    } else if (!rc) {
        rc = keymap_parse(km, path, text, err);
    }
    free(text);
    free(path);
    return rc;
}

/* The binding in force for SCOPE and KEY (the last line wins), or NULL. */
static const struct binding *find(const struct keymap *km, enum scope scope, int key)
{
    for (size_t i = km->n; i-- > 0;)
        if (km->b[i].scope == scope && km->b[i].key == key)
            return &km->b[i];
    return NULL;
}

enum action keymap_lookup(const struct keymap *km, enum scope scope, int key)
{
    return keymap_lookup_in(km, scope, SCOPE_GENERIC, key);
}

enum action keymap_lookup_in(const struct keymap *km, enum scope scope, enum scope outer, int key)
{
    const struct binding *b = find(km, scope, key);
    if (!b && outer != scope && outer != SCOPE_GENERIC)
        b = find(km, outer, key);
    if (!b && scope != SCOPE_GENERIC)
        b = find(km, SCOPE_GENERIC, key);
    return b ? b->action : ACT_NONE;
}

size_t keymap_keys(const struct keymap *km, enum scope scope, enum action action, int *keys,
                   size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < km->n && n < max; i++) {
        const struct binding *b = &km->b[i];
        if (b->scope != scope || b->action != action || find(km, scope, b->key) != b)
            continue;
        keys[n++] = b->key;
    }
    return n;
}

int keymap_key_for(const struct keymap *km, enum scope scope, enum action action)
{
    return keymap_key_for_in(km, scope, SCOPE_GENERIC, action);
}

int keymap_key_for_in(const struct keymap *km, enum scope scope, enum scope outer,
                      enum action action)
{
    const enum scope order[] = {scope, outer, SCOPE_GENERIC};
    for (size_t s = 0; s < 3; s++) {
        if (s > 0 && (order[s] == scope || (s == 1 && order[s] == SCOPE_GENERIC)))
            continue;
        int keys[8];
        size_t n = keymap_keys(km, order[s], action, keys, 8);
        for (size_t i = 0; i < n; i++)
            if (keymap_lookup_in(km, scope, outer, keys[i]) == action)
                return keys[i];
    }
    return TK_NONE;
}

void keymap_free(struct keymap *km)
{
    free(km->b);
    km->b = NULL;
    km->n = km->cap = 0;
}
