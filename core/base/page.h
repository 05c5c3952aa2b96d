/* SPDX-License-Identifier: MIT */
/* A page of query results: rows of nullable strings in one arena, with column names.
 * Every list a view or a sub-command shows comes back as one of these. */
#ifndef CD_CORE_BASE_PAGE_H
#define CD_CORE_BASE_PAGE_H

#include <assert.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/base/strbuf.h"

struct cd_page {
    size_t nrows, ncols;
    size_t rowcap;
    size_t *cells;          /* nrows * ncols offsets into arena; CD_PAGE_NULL for NULL */
    size_t *names;          /* ncols offsets into arena */
    struct cd_strbuf arena; /* owned */
};

#define CD_PAGE_NULL ((size_t)-1)
#define CD_PAGE_INIT                                                                               \
    {                                                                                              \
        0, 0, 0, NULL, NULL, CD_STRBUF_INIT                                                        \
    }

/* A page's columns are declared once, in the header of the module that makes the page, as an
 * X-macro of (enum constant, column name) pairs, which gives readers an enum of indexes:
 *     #define CD_NOUN_COLUMNS(X) X(CD_NOUN_COL_ID, "id") X(CD_NOUN_COL_MRN, "mrn")
 *     enum cd_noun_col { CD_NOUN_COLUMNS(CD_PAGE_COL_ENUM) CD_NOUN_NCOLS };
 * A misspelt column then fails to compile, and the module checks its query's names against the
 * same table (CD_PAGE_ASSERT_COLUMNS), so a query that renames or reorders one fails the tests. */
#define CD_PAGE_COL_ENUM(id, name) id,
#define CD_PAGE_COL_NAME(id, name) name,
/* Assert that PAGE's columns are those of TABLE (a CD_NOUN_COLUMNS macro), in order: once per
 * query, where the module has filled the page. */
#define CD_PAGE_ASSERT_COLUMNS(page, TABLE)                                                        \
    do {                                                                                           \
        static const char *const cd_page_names_[] = {TABLE(CD_PAGE_COL_NAME)};                     \
        assert(cd_page_columns_are((page), cd_page_names_,                                         \
                                   sizeof cd_page_names_ / sizeof cd_page_names_[0]) &&            \
               "the query's columns are not the ones its header declares");                        \
        (void)cd_page_names_;                                                                      \
    } while (0)

/* Set the column names (only on an empty page). Returns 0 or CD_ENOMEM. */
int cd_page_set_columns(struct cd_page *page, size_t ncols, const char *const *names);
/* Append a row of NCOLS values (NULL entries allowed). */
int cd_page_add_row(struct cd_page *page, const char *const *values);
/* Cell ROW, COL (borrowed; NULL for SQL NULL or out of range): the read that tells NULL from "". */
const char *cd_page_get(const struct cd_page *page, size_t row, size_t col);
/* Cell ROW, COL, "" for SQL NULL (borrowed). Both must exist (asserted): COL is a module's column
 * enum (CD_CONTACT_COL_NOTE), never a name looked up or a bare number. */
const char *cd_page_cell(const struct cd_page *page, size_t row, int col);
/* Cell ROW, COL as an integer (0 for NULL); as cd_page_cell. */
int64_t cd_page_cell_int(const struct cd_page *page, size_t row, int col);
/* True when PAGE's columns are NAMES[0..N-1], in order and no more. */
bool cd_page_columns_are(const struct cd_page *page, const char *const *names, size_t n);
/* Name of column COL (borrowed). */
const char *cd_page_name(const struct cd_page *page, size_t col);
/* Write the page as TSV (header line, then rows) or as a JSON array of objects. Integer-looking
 * cells stay strings in JSON unless listed in NUMERIC (comma-separated column names, may be NULL).
 */
int cd_page_write_tsv(const struct cd_page *page, struct cd_strbuf *out);
int cd_page_write_json(const struct cd_page *page, const char *numeric, struct cd_strbuf *out);
/* Drop all rows and columns, keep memory. */
void cd_page_reset(struct cd_page *page);
/* Free the memory (the struct itself is the caller's). */
void cd_page_free(struct cd_page *page);

#endif
