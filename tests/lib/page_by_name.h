/* SPDX-License-Identifier: MIT */
/* Tests read a page by the names a person or a script sees (the TSV header, the JSON keys), for
 * lists no screen reads; caredesk itself reads by column enum (core/base/page.h). A name or a row
 * the page lacks ends the test with a "Bail out!", never a blank cell that might pass. */
#ifndef CD_TESTS_PAGE_BY_NAME_H
#define CD_TESTS_PAGE_BY_NAME_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/page.h"

/* Cell ROW of column NAME, "" for NULL (borrowed). */
static inline const char *page_str(const struct cd_page *page, size_t row, const char *name)
{
    for (size_t c = 0; c < page->ncols; c++) {
        if (strcmp(cd_page_name(page, c), name) != 0)
            continue;
        if (row >= page->nrows) {
            printf("Bail out! no row %zu of column '%s': the page has %zu\n", row, name,
                   page->nrows);
            exit(1);
        }
        const char *v = cd_page_get(page, row, c);
        return v ? v : "";
    }
    printf("Bail out! the page has no column '%s'\n", name);
    exit(1);
}

/* Cell ROW of column NAME as an integer (0 for NULL); as page_str. */
static inline int64_t page_int(const struct cd_page *page, size_t row, const char *name)
{
    return strtoll(page_str(page, row, name), NULL, 10);
}

#endif
