/* SPDX-License-Identifier: MIT */
/* Audit log writes and reads; the schema's triggers make it append-only. */
#include "config.h"
#include "core/store/audit.h"

#include "core/base/clock.h"
#include "core/store/db.h"

static const char SQL_INSERT[] =
    "INSERT INTO audit_log(at, user_id, entity, entity_id, action, detail) "
    "VALUES (:at, :user, :entity, :id, :action, :detail)";

static const char SQL_LIST[] =
    "SELECT a.at, u.login AS user, a.entity, a.entity_id, a.action, a.detail "
    "FROM audit_log a LEFT JOIN users u ON u.id = a.user_id "
    "WHERE a.entity = :entity AND a.entity_id = :id ORDER BY a.id";

int cd_audit_log(struct cd_store *store, const char *entity, int64_t entity_id, const char *action,
                 const char *detail, struct cd_error *err)
{
    int rc;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(store, SQL_INSERT, &st, err)))
        return rc;
    char at[CD_INSTANT_LEN];
    cd_db_bind_text(st, ":at", cd_instant_format(cd_clock_now(), at));
    cd_db_bind_id(st, ":user", cd_store_actor(store));
    cd_db_bind_text(st, ":entity", entity);
    cd_db_bind_id(st, ":id", entity_id);
    cd_db_bind_text(st, ":action", action);
    cd_db_bind_opt(st, ":detail", detail);
    rc = cd_db_exec(store, st, err);
    cd_db_done(st);
    return rc;
}

int cd_audit_list(struct cd_store *store, const char *entity, int64_t entity_id,
                  struct cd_page *page, struct cd_error *err)
{
    return cd_db_query_page(store, SQL_LIST, ":id", entity_id, ":entity", entity, page, err);
}
