/* SPDX-License-Identifier: MIT */
/* Theme files (tig's `color` command, ncdu's monochrome column): parse, layer, look up. */
#include "config.h"
#include "tui/screen/theme.h"

#include <stdlib.h>
#include <string.h>

#include "core/base/builtin.h"
#include "core/base/strbuf.h"
#include "tui/keys/conf.h"

static const struct {
    const char *name;
    unsigned mono;
} roles[ROLE_COUNT] = {
#define ROLE(id, name, mono) {name, mono},
#include "tui/screen/roles.def"
#undef ROLE
};

const char *const theme_builtin_names[] = {"default", "light", "high-contrast", "mono", NULL};

const char *role_name(enum role role)
{
    return (unsigned)role < ROLE_COUNT ? roles[role].name : "?";
}

int role_find(const char *name)
{
    for (int i = 0; i < ROLE_COUNT; i++)
        if (strcmp(roles[i].name, name) == 0)
            return i;
    return -1;
}

unsigned role_mono(enum role role)
{
    return (unsigned)role < ROLE_COUNT ? roles[role].mono : 0;
}

void theme_init(struct theme *t)
{
    memset(t, 0, sizeof *t);
    for (int s = 0; s < SCOPE_COUNT; s++)
        for (int r = 0; r < ROLE_COUNT; r++)
            t->style[s][r] = (struct theme_style){-1, -1, roles[r].mono, false};
}

static int colour(const char *s, short *out, struct cd_error *err)
{
    static const char *const names[] = {"black", "red",     "green", "yellow",
                                        "blue",  "magenta", "cyan",  "white"};
    if (strcmp(s, "default") == 0)
        return *out = -1, 0;
    for (short i = 0; i < 8; i++)
        if (strcmp(s, names[i]) == 0)
            return *out = i, 0;
    if (s[0] >= '0' && s[0] <= '9' && strlen(s) <= 3) {
        int v = 0;
        for (const char *p = s; *p; p++) {
            if (*p < '0' || *p > '9')
                goto bad;
            v = v * 10 + (*p - '0');
        }
        if (v > 255)
            return cd_error_set(err, CD_EINVAL, "color '%s' is not 0-255", s);
        return *out = (short)v, 0;
    }
bad:
    return cd_error_set(err, CD_EINVAL,
                        "unknown color '%s' (default, black, red, green, yellow, blue, magenta, "
                        "cyan, white or 0-255)",
                        s);
}

static int attribute(const char *s, unsigned *out, struct cd_error *err)
{
    static const struct {
        const char *name;
        unsigned bit;
    } attrs[] = {{"normal", 0},
                 {"bold", THEME_BOLD},
                 {"dim", THEME_DIM},
                 {"reverse", THEME_REVERSE},
                 {"underline", THEME_UNDERLINE},
                 {"standout", THEME_STANDOUT}};
    for (size_t i = 0; i < sizeof attrs / sizeof attrs[0]; i++)
        if (strcmp(s, attrs[i].name) == 0)
            return *out |= attrs[i].bit, 0;
    return cd_error_set(err, CD_EINVAL,
                        "unknown attribute '%s' (normal, bold, dim, reverse, underline, standout)",
                        s);
}

/* Resolve "ROLE" or "VIEW.ROLE": the whole word as a role first (roles may hold a dot). */
static int target(const char *s, int *scope, int *role, struct cd_error *err)
{
    *scope = SCOPE_GENERIC;
    if ((*role = role_find(s)) >= 0)
        return 0;
    const char *dot = strchr(s, '.');
    if (dot) {
        int sc = scope_find(s, (unsigned long)(dot - s));
        if (sc > SCOPE_GENERIC) {
            *scope = sc;
            if ((*role = role_find(dot + 1)) >= 0)
                return 0;
            return cd_error_set(err, CD_EINVAL, "unknown role '%s' in view '%s'", dot + 1,
                                scope_name(sc));
        }
    }
    return cd_error_set(err, CD_EINVAL, "unknown role '%s'", s);
}

static int color_line(void *ctx, int argc, char **argv, struct cd_error *err)
{
    struct theme *t = ctx;
    if (strcmp(argv[0], "color") != 0)
        return cd_error_set(err, CD_EINVAL,
                            "unknown command '%s' (expected 'color [VIEW.]ROLE FG BG [ATTR...]')",
                            argv[0]);
    if (argc < 4)
        return cd_error_set(err, CD_EINVAL, "expected 'color [VIEW.]ROLE FG BG [ATTR...]'");
    int scope, role;
    struct theme_style st = {-1, -1, 0, true};
    if (target(argv[1], &scope, &role, err) || colour(argv[2], &st.fg, err) ||
        colour(argv[3], &st.bg, err))
        return CD_EINVAL;
    for (int i = 4; i < argc; i++)
        if (attribute(argv[i], &st.attrs, err))
            return CD_EINVAL;
    t->style[scope][role] = st;
    return 0;
}

int theme_parse(struct theme *t, const char *name, const char *text, struct cd_error *err)
{
    struct theme *tmp = malloc(sizeof *tmp);
    if (!tmp)
        return cd_error_set(err, CD_ENOMEM, "out of memory");
    *tmp = *t;
    int rc = conf_parse(name, text, color_line, tmp, err);
    if (!rc)
        *t = *tmp;
    free(tmp);
    return rc;
}

static char *user_theme_path(const char *name)
{
    struct cd_strbuf sb = CD_STRBUF_INIT;
    const char *xdg = getenv("XDG_CONFIG_HOME");
    const char *home = getenv("HOME");
    if (xdg && *xdg == '/')
        cd_strbuf_addf(&sb, "%s/caredesk/themes/%s.theme", xdg, name);
    else
        cd_strbuf_addf(&sb, "%s/.config/caredesk/themes/%s.theme", home && *home ? home : ".",
                       name);
    return cd_strbuf_take(&sb);
}

int theme_load(struct theme *t, const char *name, struct cd_error *err)
{
    theme_init(t);
    int rc = theme_parse(t, "themes/default.theme", cd_builtin_get("themes/default.theme"), err);
    if (rc || !name || strcmp(name, "default") == 0)
        return rc;
    if (!*name)
        return cd_error_set(err, CD_EINVAL, "--theme: the theme name is empty");
    char *path = strchr(name, '/') ? cd_strdup(name) : user_theme_path(name), *text = NULL;
    if (!path)
        return cd_error_set(err, CD_ENOMEM, "out of memory");
    rc = conf_read_file(path, &text, err);
    if (!rc) {
        rc = theme_parse(t, path, text, err);
    } else if (rc == CD_ENOTFOUND && !strchr(name, '/')) {
        struct cd_strbuf key = CD_STRBUF_INIT;
        cd_strbuf_addf(&key, "themes/%s.theme", name);
        const char *builtin = cd_builtin_get(cd_strbuf_str(&key));
        if (builtin) {
            cd_error_clear(err);
            rc = theme_parse(t, cd_strbuf_str(&key), builtin, err);
        } else {
            rc = cd_error_set(err, CD_ENOTFOUND,
                              "unknown theme '%s' (default, light, high-contrast, mono, or a "
                              "file in %.*s)",
                              name, (int)(strlen(path) - strlen(name) - 6), path);
        }
        cd_strbuf_free(&key);
    }
    free(text);
    free(path);
    return rc;
}

struct theme_style theme_get(const struct theme *t, enum scope scope, enum role role)
{
    if ((unsigned)role >= ROLE_COUNT)
        role = ROLE_DEFAULT;
    if ((unsigned)scope < SCOPE_COUNT && t->style[scope][role].set)
        return t->style[scope][role];
    return t->style[SCOPE_GENERIC][role];
}
