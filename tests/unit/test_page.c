/* SPDX-License-Identifier: MIT */
/* Unit tests of core/page and core/strbuf: cells, NULLs, TSV and JSON writers. */
#include "config.h"

#include "core/base/page.h"
#include "core/base/strbuf.h"
#include "core/base/text.h"
#include "tests/lib/tap.h"

/* A module's declaration of its page, as core's headers write them. */
#define TEST_COLUMNS(X) X(TEST_COL_ID, "id") X(TEST_COL_NAME, "name") X(TEST_COL_NOTE, "note")
enum test_col { TEST_COLUMNS(CD_PAGE_COL_ENUM) TEST_NCOLS };

static void typed_cells(void)
{
    static const char *const cols[] = {TEST_COLUMNS(CD_PAGE_COL_NAME)};
    struct cd_page page = CD_PAGE_INIT;
    is_int(TEST_NCOLS, 3, "the enum counts the declared columns");
    is_int(cd_page_set_columns(&page, TEST_NCOLS, cols), 0, "columns from the table");
    const char *r0[] = {
        [TEST_COL_ID] = "42", [TEST_COL_NAME] = "Doe, Jane", [TEST_COL_NOTE] = NULL};
    const char *r1[] = {[TEST_COL_ID] = NULL, [TEST_COL_NAME] = "", [TEST_COL_NOTE] = "x"};
    cd_page_add_row(&page, r0);
    cd_page_add_row(&page, r1);
    is_str(cd_page_cell(&page, 0, TEST_COL_NAME), "Doe, Jane", "a cell by its enum");
    is_str(cd_page_cell(&page, 0, TEST_COL_NOTE), "", "NULL reads as empty");
    ok(cd_page_get(&page, 0, TEST_COL_NOTE) == NULL, "cd_page_get still tells NULL apart");
    is_int(cd_page_cell_int(&page, 0, TEST_COL_ID), 42, "an integer cell");
    is_int(cd_page_cell_int(&page, 1, TEST_COL_ID), 0, "a NULL integer is 0");
    CD_PAGE_ASSERT_COLUMNS(&page, TEST_COLUMNS);
    ok(cd_page_columns_are(&page, cols, TEST_NCOLS), "the page has the declared columns");
    static const char *const swapped[] = {"id", "note", "name"};
    ok(!cd_page_columns_are(&page, swapped, 3), "two columns swapped are not the declared ones");
    ok(!cd_page_columns_are(&page, cols, 2), "one column more than declared is refused");
    static const char *const more[] = {"id", "name", "note", "extra"};
    ok(!cd_page_columns_are(&page, more, 4), "one column fewer than declared is refused");
    cd_page_free(&page);
}

int main(void)
{
    typed_cells();
    struct cd_page page = CD_PAGE_INIT;
    static const char *const cols[] = {"id", "name", "note"};
    is_int(cd_page_set_columns(&page, 3, cols), 0, "columns set");
    for (int i = 0; i < 40; i++) {
        char id[8];
        snprintf(id, sizeof id, "%d", i);
        const char *row[] = {id, i % 2 ? "Doe, Jane" : "Ng\tO'Brien", i == 3 ? NULL : "a\nb"};
        cd_page_add_row(&page, row);
    }
    is_int(page.nrows, 40, "40 rows after growth");
    is_str(cd_page_get(&page, 39, 0), "39", "last row id");
    ok(cd_page_get(&page, 3, 2) == NULL, "NULL stays NULL");
    is_str(cd_page_cell(&page, 3, 2), "", "NULL read as a cell is empty");
    is_int(cd_page_cell_int(&page, 17, 0), 17, "an integer after growth");

    struct cd_page small = CD_PAGE_INIT;
    cd_page_set_columns(&small, 3, cols);
    const char *r1[] = {"1", "Ng\tO\"Brien\\", NULL};
    cd_page_add_row(&small, r1);
    struct cd_strbuf out = CD_STRBUF_INIT;
    cd_page_write_tsv(&small, &out);
    is_str(cd_strbuf_str(&out), "id\tname\tnote\n1\tNg\\tO\"Brien\\\\\t\n", "TSV escapes tabs");
    cd_strbuf_reset(&out);
    cd_page_write_json(&small, "id", &out);
    is_str(cd_strbuf_str(&out),
           "[\n {\"id\": 1, \"name\": \"Ng\\tO\\\"Brien\\\\\", \"note\": null}\n]\n",
           "JSON escapes and numbers");
    cd_page_reset(&small);
    is_int(small.nrows, 0, "reset empties");
    cd_page_set_columns(&small, 3, cols);
    const char *r2[] = {"7\x1b[2J", "Ann", NULL};
    cd_page_add_row(&small, r2);
    cd_strbuf_reset(&out);
    cd_page_write_json(&small, "id", &out);
    is_str(cd_strbuf_str(&out),
           "[\n {\"id\": \"7\\u001b[2J\", \"name\": \"Ann\", \"note\": null}\n]\n",
           "a numeric column that is not a number is written as an escaped string");
    cd_page_reset(&small);

    ok(cd_utf8_valid("Zoë Ñúñez", strlen("Zoë Ñúñez")), "UTF-8 accepted");
    ok(!cd_utf8_valid("\xc0\xaf", 2), "overlong refused");
    ok(!cd_utf8_valid("\xed\xa0\x80", 3), "surrogate refused");
    ok(!cd_utf8_valid("\xe2\x82", 2), "truncated sequence refused");
    is_str(cd_text_check("a\x01", 10, true), "has a control character", "control char");
    is_str(cd_text_check("", 10, true), "is empty", "required");
    is_int(cd_utf8_prefix("Zoë Ñ", 3), 4, "prefix of 3 code points is 4 bytes");

    cd_strbuf_free(&out);
    cd_page_free(&small);
    cd_page_free(&page);
    return done_testing();
}
