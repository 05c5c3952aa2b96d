/* SPDX-License-Identifier: MIT */
/* Core-internal query helpers over core/db.h (the statement cache and binding are in store.c). */
#include "config.h"
#include "core/store/db.h"

int cd_db_query_page(struct cd_store *store, const char *sql, const char *id_name, int64_t id,
                     const char *text_name, const char *text, struct cd_page *page,
                     struct cd_error *err)
{
    sqlite3_stmt *st = cd_db_stmt(store, sql, err);
    if (!st)
        return err ? err->code : CD_EIO;
    if (id_name)
        cd_db_bind_int(st, id_name, id);
    if (text_name)
        cd_db_bind_text(st, text_name, text);
    int rc = cd_db_fill_page(store, st, page, err);
    cd_db_done(st);
    return rc;
}
