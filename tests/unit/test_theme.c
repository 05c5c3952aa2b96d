/* SPDX-License-Identifier: MIT */
/* The theme parser: a good file, each error with its exact message, the default theme as the
 * fallback for roles a theme leaves out, all-or-nothing loading, the built-in themes. */
#include "config.h"

#include <stdlib.h>

#include "tests/lib/tap.h"
#include "tui/screen/theme.h"

static void good(void)
{
    struct theme t;
    struct cd_error err = {0};
    theme_init(&t);
    int rc = theme_parse(&t, "x.theme",
                         "# a comment\n"
                         "\n"
                         "color overdue red default bold underline   # trailing comment\n"
                         "color key-bar.key 15 0 bold\n"
                         "color home.overdue magenta black\n",
                         &err);
    is_int(rc, 0, "good file parses");
    struct theme_style s = theme_get(&t, SCOPE_GENERIC, ROLE_OVERDUE);
    is_int(s.fg, 1, "overdue fg red");
    is_int(s.bg, -1, "overdue bg default");
    is_int(s.attrs, THEME_BOLD | THEME_UNDERLINE, "overdue attrs");
    s = theme_get(&t, SCOPE_GENERIC, ROLE_KEY_BAR_KEY);
    is_int(s.fg, 15, "a role with a dot, numeric colour");
    s = theme_get(&t, SCOPE_HOME, ROLE_OVERDUE);
    is_int(s.fg, 5, "home.overdue overrides in the home view");
    is_int(s.bg, 0, "home.overdue bg black");
    s = theme_get(&t, SCOPE_HOME, ROLE_DUE_TODAY);
    is_int(s.attrs, THEME_BOLD, "unset roles keep their monochrome attributes");
    is_int(s.fg, -1, "and default colours");
}

static void error_is(const char *text, const char *want, const char *desc)
{
    struct theme t;
    struct cd_error err = {0};
    theme_init(&t);
    int rc = theme_parse(&t, "themes/x.theme", text, &err);
    is_int(rc, CD_EINVAL, "%s: rejected", desc);
    is_str(err.msg, want, "%s: message", desc);
}

static void errors(void)
{
    error_is(
        "color default default default\n\n# comment\n\n\n\n\n\n\n\n\ncolor overdew red default\n",
        "themes/x.theme:12: unknown role 'overdew'", "unknown role");
    error_is("color home.overdew red default\n",
             "themes/x.theme:1: unknown role 'overdew' in view 'home'", "unknown role in a view");
    error_is("color nowhere.overdue red default\n",
             "themes/x.theme:1: unknown role 'nowhere.overdue'", "unknown view");
    error_is("color overdue pink default\n",
             "themes/x.theme:1: unknown color 'pink' (default, black, red, green, yellow, blue, "
             "magenta, cyan, white or 0-255)",
             "unknown colour");
    error_is("color overdue 256 default\n", "themes/x.theme:1: color '256' is not 0-255",
             "colour out of range");
    error_is("color overdue red default blink\n",
             "themes/x.theme:1: unknown attribute 'blink' (normal, bold, dim, reverse, underline, "
             "standout)",
             "unknown attribute");
    error_is("color overdue red\n",
             "themes/x.theme:1: expected 'color [VIEW.]ROLE FG BG [ATTR...]'", "too few words");
    error_is("colour overdue red default\n",
             "themes/x.theme:1: unknown command 'colour' (expected 'color [VIEW.]ROLE FG BG "
             "[ATTR...]')",
             "unknown command");
}

static void all_or_nothing(void)
{
    struct theme t;
    struct cd_error err = {0};
    theme_init(&t);
    int rc = theme_parse(&t, "t", "color overdue red default\ncolor selected nope default\n", &err);
    is_int(rc, CD_EINVAL, "second line bad");
    is_int(theme_get(&t, SCOPE_GENERIC, ROLE_OVERDUE).fg, -1, "first line not applied");
}

static void load(void)
{
    struct theme t;
    struct cd_error err = {0};
    is_int(theme_load(&t, NULL, &err), 0, "default theme loads");
    is_int(theme_get(&t, SCOPE_GENERIC, ROLE_OVERDUE).fg, 1, "default: overdue red");
    for (int i = 0; theme_builtin_names[i]; i++)
        is_int(theme_load(&t, theme_builtin_names[i], &err), 0, "built-in %s loads",
               theme_builtin_names[i]);
    is_int(theme_load(&t, "mono", &err), 0, "mono");
    is_int(theme_get(&t, SCOPE_GENERIC, ROLE_OVERDUE).fg, -1, "mono: no colour");
    is_int(theme_get(&t, SCOPE_GENERIC, ROLE_SELECTED).attrs, THEME_REVERSE, "mono: reverse");
    setenv("XDG_CONFIG_HOME", "/nonexistent", 1);
    is_int(theme_load(&t, "nosuch", &err), CD_ENOTFOUND, "unknown theme");
    is_str(err.msg,
           "unknown theme 'nosuch' (default, light, high-contrast, mono, or a file in "
           "/nonexistent/caredesk/themes/)",
           "unknown theme message");
    /* a theme that sets one role keeps the default theme's other roles */
    char path[] = "/tmp/caredesk-theme-XXXXXX";
    int fd = mkstemp(path);
    FILE *f = fdopen(fd, "w");
    fputs("color overdue blue default\n", f);
    fclose(f);
    is_int(theme_load(&t, path, &err), 0, "a theme file by path");
    is_int(theme_get(&t, SCOPE_GENERIC, ROLE_OVERDUE).fg, 4, "its role applies");
    is_int(theme_get(&t, SCOPE_GENERIC, ROLE_SELECTED).bg, 6, "missing roles from the default");
    remove(path);
}

int main(void)
{
    good();
    errors();
    all_or_nothing();
    load();
    return done_testing();
}
