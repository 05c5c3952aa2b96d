/* SPDX-License-Identifier: MIT */
/* The keymap: key names both ways, bind lines, errors naming file:line, scope over generic,
 * all-or-nothing, the built-in defaults and the user's file. */
#include "config.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tests/lib/tap.h"
#include "tui/keys/keymap.h"

static void names(void)
{
    char buf[32];
    is_int(key_parse("q"), 'q', "a letter");
    is_int(key_parse("<Enter>"), TK_ENTER, "<Enter>");
    is_int(key_parse("<esc>"), TK_ESC, "names are case-insensitive");
    is_int(key_parse("<PgDown>"), TK_PGDOWN, "<PgDown>");
    is_int(key_parse("<F12>"), TK_F0 + 12, "<F12>");
    is_int(key_parse("<F13>"), TK_NONE, "no F13");
    is_int(key_parse("<C-x>"), 24, "<C-x>");
    is_int(key_parse("é"), 0xe9, "a UTF-8 character");
    is_int(key_parse("ab"), TK_NONE, "two characters");
    is_int(key_parse("<Nope>"), TK_NONE, "unknown name");
    is_str(key_format(TK_PGUP, buf, sizeof buf), "<PgUp>", "format <PgUp>");
    is_str(key_format(TK_CTRL('l'), buf, sizeof buf), "<C-l>", "format <C-l>");
    is_str(key_format(0xe9, buf, sizeof buf), "é", "format é");
    is_str(key_label(TK_F0 + 1, buf, sizeof buf), "F1", "label F1");
    is_str(key_label(TK_PGDOWN, buf, sizeof buf), "PgDn", "label PgDn");
    is_int(action_find("move-down"), ACT_MOVE_DOWN, "action by name");
    is_int(action_find("none"), ACT_NONE, "none");
    is_int(action_find("fly"), -1, "unknown action");
    is_str(action_name(ACT_QUIT), "quit", "action name");
}

static void parse(void)
{
    struct keymap km = KEYMAP_INIT;
    struct cd_error err = {0};
    int rc = keymap_parse(&km, "k",
                          "# comment\n"
                          "bind generic j move-down\n"
                          "bind generic x quit\n"
                          "bind home x refresh\n"
                          "bind generic <Down> move-down\n",
                          &err);
    is_int(rc, 0, "parses");
    is_int(keymap_lookup(&km, SCOPE_HOME, 'j'), ACT_MOVE_DOWN, "generic binding in home");
    is_int(keymap_lookup(&km, SCOPE_HOME, 'x'), ACT_REFRESH, "the view's binding wins");
    is_int(keymap_lookup(&km, SCOPE_GENERIC, 'x'), ACT_QUIT, "generic keeps its own");
    is_int(keymap_lookup(&km, SCOPE_HOME, 'z'), ACT_NONE, "unbound");
    is_int(keymap_key_for(&km, SCOPE_HOME, ACT_QUIT), TK_NONE, "quit has no key left in home");
    is_int(keymap_key_for(&km, SCOPE_HOME, ACT_MOVE_DOWN), 'j', "first key for move-down");
    rc = keymap_parse(&km, "k", "bind generic j none\n", &err);
    is_int(keymap_lookup(&km, SCOPE_HOME, 'j'), ACT_NONE, "a later none unbinds");
    int keys[4];
    is_int(keymap_keys(&km, SCOPE_GENERIC, ACT_MOVE_DOWN, keys, 4), 1, "one key left");
    is_int(keys[0], TK_DOWN, "<Down>");
    size_t before = km.n;
    rc = keymap_parse(&km, "keys", "bind generic a quit\nbind generic b fly\n", &err);
    is_int(rc, CD_EINVAL, "bad line");
    is_str(err.msg, "keys:2: unknown action 'fly'", "unknown action message");
    is_int(km.n, before, "nothing added");
    keymap_parse(&km, "keys", "\nbind nowhere a quit\n", &err);
    is_str(err.msg, "keys:2: unknown scope 'nowhere'", "unknown scope message");
    keymap_parse(&km, "keys", "bind generic <Foo> quit\n", &err);
    is_str(err.msg, "keys:1: unknown key '<Foo>'", "unknown key message");
    keymap_parse(&km, "keys", "bind worklist F5 refresh\n", &err);
    is_str(err.msg, "keys:1: unknown key 'F5' (write it as <F5>)", "the spelling that works");
    keymap_parse(&km, "keys", "bind generic a\n", &err);
    is_str(err.msg, "keys:1: expected 'bind SCOPE KEY ACTION'", "too few words");
    keymap_parse(&km, "keys", "map generic a quit\n", &err);
    is_str(err.msg, "keys:1: unknown command 'map' (expected 'bind SCOPE KEY ACTION')",
           "unknown command");
    keymap_free(&km);
}

/* A view inside a frame (a chart's tab): its keys, then the frame's, then generic's. */
static void layered(void)
{
    struct keymap km = KEYMAP_INIT;
    struct cd_error err = {0};
    int rc = keymap_parse(&km, "k",
                          "bind generic q back\n"
                          "bind generic c quit\n"
                          "bind chart c log-call\n"
                          "bind chart <Tab> next-tab\n"
                          "bind chart 2 open-timeline\n"
                          "bind appointments c cancel-appointment\n",
                          &err);
    is_int(rc, 0, "parses");
    is_int(keymap_lookup_in(&km, SCOPE_TIMELINE, SCOPE_CHART, TK_TAB), ACT_NEXT_TAB,
           "the frame's key on a tab");
    is_int(keymap_lookup_in(&km, SCOPE_TIMELINE, SCOPE_CHART, 'c'), ACT_LOG_CALL,
           "the frame's key wins over generic");
    is_int(keymap_lookup_in(&km, SCOPE_APPOINTMENTS, SCOPE_CHART, 'c'), ACT_APPT_CANCEL,
           "the tab's own key wins over the frame's");
    is_int(keymap_lookup_in(&km, SCOPE_TIMELINE, SCOPE_CHART, 'q'), ACT_BACK, "then generic");
    is_int(keymap_lookup_in(&km, SCOPE_TIMELINE, SCOPE_GENERIC, TK_TAB), ACT_NONE,
           "no frame: no frame keys");
    is_int(keymap_lookup(&km, SCOPE_TIMELINE, 'c'), ACT_QUIT, "keymap_lookup: no frame");
    is_int(keymap_key_for_in(&km, SCOPE_TIMELINE, SCOPE_CHART, ACT_OPEN_TIMELINE), '2',
           "the frame's key for an action");
    is_int(keymap_key_for_in(&km, SCOPE_APPOINTMENTS, SCOPE_CHART, ACT_LOG_CALL), TK_NONE,
           "a frame key the tab took over has no key there");
    is_int(keymap_key_for_in(&km, SCOPE_TIMELINE, SCOPE_CHART, ACT_QUIT), TK_NONE,
           "a generic key the frame took over has no key there");
    is_int(keymap_key_for_in(&km, SCOPE_TIMELINE, SCOPE_CHART, ACT_BACK), 'q', "generic's key");
    keymap_free(&km);
}

static void load(void)
{
    struct keymap km = KEYMAP_INIT;
    struct cd_error err = {0};
    char dir[] = "/tmp/caredesk-keys-XXXXXX";
    if (!mkdtemp(dir))
        return;
    setenv("XDG_CONFIG_HOME", dir, 1);
    is_int(keymap_load(&km, &err), 0, "defaults load without a user file");
    is_int(keymap_lookup(&km, SCOPE_HOME, 'q'), ACT_BACK, "q is back");
    is_int(keymap_lookup(&km, SCOPE_HOME, '?'), ACT_HELP, "? is help");
    is_int(keymap_lookup(&km, SCOPE_HOME, TK_CTRL('l')), ACT_REFRESH, "C-l refreshes");
    keymap_free(&km);
    char path[300];
    snprintf(path, sizeof path, "%s/caredesk", dir);
    mkdir(path, 0700);
    snprintf(path, sizeof path, "%s/caredesk/keys", dir);
    FILE *f = fopen(path, "w");
    fputs("bind generic x quit\nbind home q none\n", f);
    fclose(f);
    is_int(keymap_load(&km, &err), 0, "user file loads");
    is_int(keymap_lookup(&km, SCOPE_HOME, 'x'), ACT_QUIT, "user binding");
    is_int(keymap_lookup(&km, SCOPE_HOME, 'q'), ACT_NONE, "user unbinds q in home");
    keymap_free(&km);
    f = fopen(path, "w");
    fputs("bind generic x quit\nbind generic y jump\n", f);
    fclose(f);
    is_int(keymap_load(&km, &err), CD_EINVAL, "bad user file");
    char want[400];
    snprintf(want, sizeof want, "%s:2: unknown action 'jump'", path);
    is_str(err.msg, want, "error names the user file and line");
    keymap_free(&km);
    remove(path);
    snprintf(path, sizeof path, "%s/caredesk", dir);
    rmdir(path);
    rmdir(dir);
}

int main(void)
{
    names();
    parse();
    layered();
    load();
    return done_testing();
}
