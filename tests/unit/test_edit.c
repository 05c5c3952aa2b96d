/* SPDX-License-Identifier: MIT */
/* Field editing and display width (tui/edit.c, tui/uwidth.c): UTF-8 moves, deletes, limits,
 * word wrap, cutting with an ellipsis. */
#include "config.h"

#include <locale.h>

#include "core/base/text.h"
#include "tests/lib/tap.h"
#include "tui/keys/keymap.h"
#include "tui/screen/edit.h"
#include "tui/screen/uwidth.h"

static void type(struct edit *e, const char *s)
{
    for (size_t i = 0, len; s[i]; i += len)
        edit_key(e, cd_utf8_decode(s + i, strlen(s) - i, &len), 40);
}

static void editing(void)
{
    struct edit e = {0};
    edit_set(&e, NULL);
    type(&e, "Zoë Núñez");
    is_str(edit_text(&e), "Zoë Núñez", "typed UTF-8");
    is_int(e.pos, strlen("Zoë Núñez"), "cursor at the end");
    edit_key(&e, TK_BACKSPACE, 40);
    is_str(edit_text(&e), "Zoë Núñe", "backspace removes one character");
    edit_key(&e, TK_HOME, 40);
    edit_key(&e, TK_RIGHT, 40);
    edit_key(&e, TK_RIGHT, 40);
    edit_key(&e, TK_DEL, 40);
    is_str(edit_text(&e), "Zo Núñe", "delete removes ë whole");
    edit_key(&e, TK_LEFT, 40);
    type(&e, "é");
    is_str(edit_text(&e), "Zéo Núñe", "insert in the middle");
    edit_key(&e, TK_END, 40);
    edit_key(&e, TK_CTRL('u'), 40);
    is_str(edit_text(&e), "", "C-u clears to the start");
    is_int(edit_key(&e, TK_ENTER, 40), EDIT_IGNORED, "Enter is not an edit in one line");
    is_int(edit_key(&e, 1, 40), EDIT_MOVED, "C-a is home");
    is_int(edit_key(&e, 2, 40), EDIT_IGNORED, "other controls are ignored");
    e.max = 3;
    type(&e, "abcd");
    is_str(edit_text(&e), "abc", "the limit holds");
    edit_free(&e);
}

static void wrapping(void)
{
    size_t st[8];
    const char *s = "the quick brown fox";
    is_int(edit_wrap(s, strlen(s), 10, st, 8), 2, "two lines at 10");
    is_int(st[1], 10, "breaks after 'quick '");
    is_int(edit_wrap("abcdefghij", 10, 4, st, 8), 3, "a long word is cut");
    is_int(st[1], 4, "at 4");
    is_int(edit_wrap("a\nb", 3, 10, st, 8), 2, "newline breaks");
    is_int(st[1], 2, "after the newline");
    is_int(edit_wrap("", 0, 10, st, 8), 1, "empty is one line");
    struct edit e = {0};
    e.multiline = true;
    edit_set(&e, "the quick brown fox");
    edit_key(&e, TK_UP, 10);
    is_int(e.pos, 9, "up keeps the column");
    edit_key(&e, TK_DOWN, 10);
    is_int(e.pos, 19, "down to the end of the shorter line");
    edit_free(&e);
}

static void widths(void)
{
    char buf[64];
    is_int(uw_width("Núñez"), 5, "accents are one column");
    is_int(uw_width("日本"), 4, "CJK is two columns");
    is_int(uw_width("e\xcc\x81"), 1, "a combining mark takes none");
    is_int(uw_cut("Núñez, Zoë", 20, buf, sizeof buf), 10, "fits");
    is_str(buf, "Núñez, Zoë", "unchanged");
    is_int(uw_cut("Núñez, Zoë", 6, buf, sizeof buf), 6, "cut to 6");
    is_str(buf, "Núñez…", "with an ellipsis");
    is_int(uw_cut("日本語", 4, buf, sizeof buf), 3, "never half a wide character");
    is_str(buf, "日…", "cut before it");
    is_int(uw_width("\xff"), 1, "a bad byte is one column");
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    editing();
    wrapping();
    widths();
    return done_testing();
}
