/* SPDX-License-Identifier: MIT */
/* Unit tests of core/base/builtin: the reference tables' row reader (comments and blank lines
 * skipped, fields split at tabs, the last field keeping the rest of its line), and the built-in
 * tables it reads. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/base/builtin.h"
#include "tests/lib/tap.h"

static void rows(void)
{
    char text[] = "# a comment\n\ncode\tkey\ttext with spaces\tmore\tand more\nlonely\n\tempty "
                  "key\nlast\tline";
    char *cursor = text, *col[3];
    is_int((int)cd_tsv_row(&cursor, col, 3), 3, "a row of five fields read as three");
    is_str(col[0], "code", "first field");
    is_str(col[1], "key", "second field");
    is_str(col[2], "text with spaces\tmore\tand more", "the last keeps the rest of the line");
    is_int((int)cd_tsv_row(&cursor, col, 3), 1, "a line without a tab: one field");
    is_str(col[0], "lonely", "its text");
    is_int((int)cd_tsv_row(&cursor, col, 3), 2, "an empty first field");
    is_str(col[0], "", "empty");
    is_str(col[1], "empty key", "then the text");
    is_int((int)cd_tsv_row(&cursor, col, 3), 2, "the last line, without a newline");
    is_str(col[1], "line", "its second field");
    is_int((int)cd_tsv_row(&cursor, col, 3), 0, "then the end");
    is_int((int)cd_tsv_row(&cursor, col, 3), 0, "and it stays at the end");
}

static void builtin_tables(void)
{
    const char *src = cd_builtin_get("disenroll_reasons.tsv");
    ok(src != NULL, "the end reasons are built in");
    char *copy = strdup(src ? src : ""), *cursor = copy, *col[2];
    int n = 0, died = 0;
    while (cd_tsv_row(&cursor, col, 2) == 2) {
        n++;
        died += strcmp(col[0], "died") == 0;
    }
    ok(n >= 2, "the end reasons have rows");
    is_int(died, 1, "died is one of them");
    free(copy);
}

int main(void)
{
    rows();
    builtin_tables();
    return done_testing();
}
