/* SPDX-License-Identifier: MIT */
/* Query result pages: one arena of strings, offsets per cell, TSV and JSON writers. */
#include "config.h"
#include "core/base/page.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/error.h"

static int arena_add(struct cd_page *page, const char *s, size_t *off)
{
    if (!s) {
        *off = CD_PAGE_NULL;
        return 0;
    }
    *off = page->arena.len;
    if (cd_strbuf_addn(&page->arena, s, strlen(s) + 1))
        return CD_ENOMEM;
    page->arena.len = *off + strlen(s) + 1; /* keep the NUL inside the arena */
    return 0;
}

int cd_page_set_columns(struct cd_page *page, size_t ncols, const char *const *names)
{
    if (page->nrows)
        return CD_EINVAL;
    free(page->names);
    page->names = calloc(ncols ? ncols : 1, sizeof *page->names);
    if (!page->names)
        return CD_ENOMEM;
    page->ncols = ncols;
    for (size_t i = 0; i < ncols; i++)
        if (arena_add(page, names[i] ? names[i] : "", &page->names[i]))
            return CD_ENOMEM;
    return 0;
}

int cd_page_add_row(struct cd_page *page, const char *const *values)
{
    if (page->nrows == page->rowcap) {
        size_t cap = page->rowcap ? page->rowcap * 2 : 16;
        size_t *cells = realloc(page->cells, cap * (page->ncols ? page->ncols : 1) * sizeof *cells);
        if (!cells)
            return CD_ENOMEM;
        page->cells = cells;
        page->rowcap = cap;
    }
    size_t *row = page->cells + page->nrows * page->ncols;
    for (size_t c = 0; c < page->ncols; c++)
        if (arena_add(page, values[c], &row[c]))
            return CD_ENOMEM;
    page->nrows++;
    return 0;
}

const char *cd_page_get(const struct cd_page *page, size_t row, size_t col)
{
    if (row >= page->nrows || col >= page->ncols)
        return NULL;
    size_t off = page->cells[row * page->ncols + col];
    return off == CD_PAGE_NULL ? NULL : page->arena.buf + off;
}

const char *cd_page_name(const struct cd_page *page, size_t col)
{
    return col < page->ncols ? page->arena.buf + page->names[col] : "";
}

const char *cd_page_cell(const struct cd_page *page, size_t row, int col)
{
    /* a column past the page or a row past the end is a programming error, never a blank cell */
    assert(col >= 0 && (size_t)col < page->ncols && "cd_page_cell: no such column");
    assert(row < page->nrows && "cd_page_cell: no such row");
    const char *v = cd_page_get(page, row, (size_t)col);
    return v ? v : "";
}

int64_t cd_page_cell_int(const struct cd_page *page, size_t row, int col)
{
    return strtoll(cd_page_cell(page, row, col), NULL, 10);
}

bool cd_page_columns_are(const struct cd_page *page, const char *const *names, size_t n)
{
    if (page->ncols != n)
        return false;
    for (size_t c = 0; c < n; c++)
        if (strcmp(cd_page_name(page, c), names[c]) != 0)
            return false;
    return true;
}

int cd_page_write_tsv(const struct cd_page *page, struct cd_strbuf *out)
{
    for (size_t c = 0; c < page->ncols; c++) {
        if (c)
            cd_strbuf_addc(out, '\t');
        cd_strbuf_add(out, cd_page_name(page, c));
    }
    cd_strbuf_addc(out, '\n');
    for (size_t r = 0; r < page->nrows; r++) {
        for (size_t c = 0; c < page->ncols; c++) {
            if (c)
                cd_strbuf_addc(out, '\t');
            cd_strbuf_add_tsv(out, cd_page_get(page, r, c));
        }
        cd_strbuf_addc(out, '\n');
    }
    return out->oom ? CD_ENOMEM : 0;
}

static int listed(const char *list, const char *name)
{
    size_t n = strlen(name);
    for (const char *p = list; p && *p;) {
        const char *e = strchr(p, ',');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        if (len == n && strncmp(p, name, n) == 0)
            return 1;
        p = e ? e + 1 : NULL;
    }
    return 0;
}

int cd_page_write_json(const struct cd_page *page, const char *numeric, struct cd_strbuf *out)
{
    cd_strbuf_addc(out, '[');
    for (size_t r = 0; r < page->nrows; r++) {
        cd_strbuf_add(out, r ? ",\n {" : "\n {");
        for (size_t c = 0; c < page->ncols; c++) {
            const char *v = cd_page_get(page, r, c);
            if (c)
                cd_strbuf_add(out, ", ");
            cd_strbuf_add_json(out, cd_page_name(page, c));
            cd_strbuf_add(out, ": ");
            /* a numeric column is written bare only when it is a number: never raw text */
            if (v && *v && listed(numeric, cd_page_name(page, c)) &&
                strspn(v, "-+.0123456789eE") == strlen(v))
                cd_strbuf_add(out, v);
            else
                cd_strbuf_add_json(out, v);
        }
        cd_strbuf_addc(out, '}');
    }
    cd_strbuf_add(out, page->nrows ? "\n]\n" : "]\n");
    return out->oom ? CD_ENOMEM : 0;
}

void cd_page_reset(struct cd_page *page)
{
    free(page->cells);
    page->cells = NULL;
    page->rowcap = 0;
    page->nrows = 0;
    page->ncols = 0;
    cd_strbuf_reset(&page->arena);
}

void cd_page_free(struct cd_page *page)
{
    if (!page)
        return;
    free(page->cells);
    free(page->names);
    cd_strbuf_free(&page->arena);
    memset(page, 0, sizeof *page);
}
