/* SPDX-License-Identifier: MIT */
/* Writing the audit log: change entries inside the writer's transaction, access entries in a
 * short one of their own, each chained to the entry before by a SHA-256 computed here. The
 * schema's triggers refuse UPDATE and DELETE and accept an INSERT only at the chain's end
 * (data/schema/003_audit_chain.sql); core/store/audit_read.c walks the chain and browses. */
#include "config.h"
#include "core/store/audit.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <nettle/sha2.h>
#include <sqlite3.h>

#include "core/base/clock.h"
#include "core/store/db.h"
#include "core/store/store_impl.h"

/* The canonical encoding of an entry, version 1: what its hash covers. Every stored chain depends
 * on it, so it never changes.
 *
 *   hash = SHA-256( enc(prev_hash) enc(id) enc(at) enc(user_id) enc(entity) enc(entity_id)
 *                   enc(action) enc(detail) enc(patient_id) )
 *
 *   enc(NULL)  = the one byte "~"
 *   enc(value) = LEN ":" BYTES ","   a netstring: BYTES are the value's bytes, LEN their count in
 *                                    decimal ASCII without leading zeros ("0:," when empty)
 *
 * prev_hash is the previous entry's hash as stored (32 bytes), or 32 zero bytes for the first
 * entry. The integers (id, user_id, entity_id, patient_id) are their decimal text as SQLite prints
 * them ("-" for a negative, no "+", no leading zeros); at (a UTC instant), entity, action and
 * detail are their UTF-8 text as stored. The writer stores a 0 user, entity or patient id and an
 * empty detail as NULL, and hashes what it stores. A value can never be mistaken for the next one:
 * every field says its length, and "~" is not a digit. */
static void hash_field(struct sha256_ctx *ctx, const void *bytes, size_t len)
{
    if (!bytes) {
        sha256_update(ctx, 1, (const uint8_t *)"~");
        return;
    }
    char head[24];
    int n = snprintf(head, sizeof head, "%zu:", len);
    sha256_update(ctx, (size_t)n, (const uint8_t *)head);
    sha256_update(ctx, len, bytes);
    sha256_update(ctx, 1, (const uint8_t *)",");
}

void cd_audit_hash_n(const unsigned char *prev, size_t prev_len, const char *const *fields,
                     const size_t *lens, unsigned char *out)
{
    struct sha256_ctx ctx;
    sha256_init(&ctx);
    hash_field(&ctx, prev, prev_len);
    for (int i = 0; i < CD_AUDIT_FIELDS; i++)
        hash_field(&ctx, fields[i], fields[i] ? lens[i] : 0);
    sha256_digest(&ctx, SHA256_DIGEST_SIZE, out);
}

void cd_audit_hash(const unsigned char *prev, size_t prev_len,
                   const char *const fields[CD_AUDIT_FIELDS], unsigned char out[CD_AUDIT_HASH_LEN])
{
    size_t lens[CD_AUDIT_FIELDS];
    for (int i = 0; i < CD_AUDIT_FIELDS; i++)
        lens[i] = fields[i] ? strlen(fields[i]) : 0;
    cd_audit_hash_n(prev, prev_len, fields, lens, out);
}

/* cd_audit_hash(prev_hash, id, at, user_id, entity, entity_id, action, detail, patient_id): the
 * same hash in SQL, for the migration that chains the entries a database already had. */
static void sql_audit_hash(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    const char *fields[CD_AUDIT_FIELDS];
    size_t lens[CD_AUDIT_FIELDS];
    for (int i = 0; i < CD_AUDIT_FIELDS && i + 1 < argc; i++) {
        sqlite3_value *v = argv[i + 1];
        bool null = sqlite3_value_type(v) == SQLITE_NULL;
        fields[i] = null ? NULL : (const char *)sqlite3_value_text(v);
        lens[i] = null ? 0 : (size_t)sqlite3_value_bytes(v);
    }
    unsigned char out[CD_AUDIT_HASH_LEN];
    cd_audit_hash_n(sqlite3_value_blob(argv[0]), (size_t)sqlite3_value_bytes(argv[0]), fields, lens,
                    out);
    sqlite3_result_blob(ctx, out, sizeof out, SQLITE_TRANSIENT);
}

int cd_store_register_audit(sqlite3 *db)
{
    return sqlite3_create_function_v2(db, "cd_audit_hash", 1 + CD_AUDIT_FIELDS,
                                      SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY, NULL,
                                      sql_audit_hash, NULL, NULL, NULL);
}

/* The last entry: one step down the primary key (NOT INDEXED: with statistics from when the log
 * was small the planner would scan an index and sort instead). Inside the writer's BEGIN
 * IMMEDIATE no other connection can append, so the chain stays linear with any number of
 * processes. */
static const char SQL_HEAD[] =
    "SELECT id, hash FROM audit_log NOT INDEXED ORDER BY id DESC LIMIT 1";

/* The patient an entry is about, from the row it names (one lookup by primary key). */
static const char SQL_PATIENT[] =
    "SELECT CASE :entity"
    " WHEN 'patient' THEN :id WHEN 'timer' THEN :id"
    " WHEN 'appointment' THEN (SELECT patient_id FROM appointments WHERE id = :id)"
    " WHEN 'care_plan' THEN (SELECT patient_id FROM care_plans WHERE id = :id)"
    " WHEN 'contact' THEN (SELECT patient_id FROM contacts WHERE id = :id)"
    " WHEN 'encounter' THEN (SELECT patient_id FROM encounters WHERE id = :id)"
    " WHEN 'enrollment' THEN (SELECT patient_id FROM enrollments WHERE id = :id)"
    " WHEN 'note' THEN (SELECT patient_id FROM notes WHERE id = :id)"
    " WHEN 'task' THEN (SELECT patient_id FROM tasks WHERE id = :id)"
    " WHEN 'time_entry' THEN (SELECT patient_id FROM time_entries WHERE id = :id) END";

/* A transaction's entries are staged in a table of the connection's own, each hashed onto the one
 * before, and appended to the log by one INSERT ... SELECT when it commits (cd_audit_flush): a
 * statement on a table with a trigger opens a statement journal, and one such statement per entry
 * made an import of 10,000 discharges 2.3 times as slow. */
static const char SQL_STAGE_TABLE[] =
    "CREATE TEMP TABLE IF NOT EXISTS audit_stage (id INTEGER PRIMARY KEY, at TEXT, user_id "
    "INTEGER, entity TEXT, entity_id INTEGER, action TEXT, detail TEXT, patient_id INTEGER, "
    "prev_hash BLOB, hash BLOB)";
static const char SQL_STAGE[] =
    "INSERT INTO temp.audit_stage(id, at, user_id, entity, entity_id, action, detail, patient_id, "
    "prev_hash, hash) VALUES (:id, :at, :user, :entity, :eid, :action, :detail, :patient, :prev, "
    ":hash)";
static const char SQL_UNSTAGE[] =
    "INSERT INTO main.audit_log(id, at, user_id, entity, entity_id, action, detail, patient_id, "
    "prev_hash, hash) SELECT id, at, user_id, entity, entity_id, action, detail, patient_id, "
    "prev_hash, hash FROM temp.audit_stage ORDER BY id";
static const char SQL_STAGE_CLEAR[] = "DELETE FROM temp.audit_stage";

static const char SQL_LIST[] =
    "SELECT a.at, u.login AS user, a.entity, a.entity_id, a.action, a.detail "
    "FROM audit_log a LEFT JOIN users u ON u.id = a.user_id "
    "WHERE a.entity = :entity AND a.entity_id = :id ORDER BY a.id";

static void bind_blob(struct cd_stmt *st, const char *name, const void *bytes, int len)
{
    sqlite3_bind_blob(st->st, sqlite3_bind_parameter_index(st->st, name), bytes, len,
                      SQLITE_TRANSIENT);
}

/* "1234", or NULL for 0 (the writer stores a 0 id as NULL). */
static const char *id_text(int64_t id, char *buf, size_t size)
{
    if (!id)
        return NULL;
    snprintf(buf, size, "%" PRId64, id);
    return buf;
}

/* The patient ENTITY/ENTITY_ID is about, into *PATIENT (0: none). */
static int patient_of(struct cd_store *store, const char *entity, int64_t entity_id,
                      int64_t *patient, struct cd_error *err)
{
    struct cd_stmt *st;
    int rc;
    *patient = 0;
    if (!entity_id)
        return 0;
    if ((rc = cd_db_stmt(store, SQL_PATIENT, &st, err)))
        return rc;
    cd_db_bind_text(st, ":entity", entity);
    cd_db_bind_int(st, ":id", entity_id);
    if ((rc = cd_db_step(store, st, err)) == 1)
        *patient = cd_db_col_int(st, 0);
    cd_db_done(st);
    return rc < 0 ? rc : 0;
}

/* Where the transaction's first entry goes: after the last entry of the log. Inside the writer's
 * BEGIN IMMEDIATE no other connection can append, so the chain stays linear with any number of
 * processes; the entries after it are staged, so the store keeps the end until it commits. */
static int chain_end(struct cd_store *store, struct cd_error *err)
{
    struct cd_stmt *st;
    int rc = cd_db_stmt(store, SQL_HEAD, &st, err);
    if (rc)
        return rc;
    store->audit_end_id = 0;
    memset(store->audit_end_hash, 0, sizeof store->audit_end_hash);
    if ((rc = cd_db_step(store, st, err)) == 1) {
        store->audit_end_id = cd_db_col_int(st, 0);
        /* a NULL hash (an entry put there by hand) chains on as the first entry would: the
         * schema's trigger expects the same */
        int len = sqlite3_column_bytes(st->st, 1);
        if (!cd_db_col_null(st, 1) && len != CD_AUDIT_HASH_LEN)
            rc = cd_error_set(err, CD_ECONFLICT,
                              "audit entry %" PRId64 " has a damaged hash, so nothing can be "
                              "chained to it (see 'caredesk audit verify')",
                              store->audit_end_id);
        else if (len)
            memcpy(store->audit_end_hash, sqlite3_column_blob(st->st, 1), CD_AUDIT_HASH_LEN);
    }
    cd_db_done(st);
    return rc < 0 ? rc : 0;
}

/* Stage an entry at AT after the chain's end (inside the caller's transaction); it becomes the
 * end. */
static int stage(struct cd_store *store, const char *at, const char *entity, int64_t entity_id,
                 int64_t patient, const char *action, const char *detail, struct cd_error *err)
{
    int rc;
    if (!store->audit_staged && (rc = chain_end(store, err)))
        return rc;
    char ids[4][24];
    int64_t id = store->audit_end_id + 1;
    const char *fields[CD_AUDIT_FIELDS] = {
        id_text(id, ids[0], sizeof ids[0]),
        at,
        id_text(cd_store_actor(store), ids[1], sizeof ids[1]),
        entity,
        id_text(entity_id, ids[2], sizeof ids[2]),
        action,
        detail && *detail ? detail : NULL,
        id_text(patient, ids[3], sizeof ids[3]),
    };
    unsigned char hash[CD_AUDIT_HASH_LEN];
    cd_audit_hash(store->audit_end_hash, CD_AUDIT_HASH_LEN, fields, hash);
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(store, SQL_STAGE, &st, err)))
        return rc;
    cd_db_bind_int(st, ":id", id);
    cd_db_bind_text(st, ":at", at);
    cd_db_bind_id(st, ":user", cd_store_actor(store));
    cd_db_bind_text(st, ":entity", entity);
    cd_db_bind_id(st, ":eid", entity_id);
    cd_db_bind_text(st, ":action", action);
    cd_db_bind_opt(st, ":detail", detail);
    cd_db_bind_id(st, ":patient", patient);
    bind_blob(st, ":prev", store->audit_end_hash, CD_AUDIT_HASH_LEN);
    bind_blob(st, ":hash", hash, (int)sizeof hash);
    rc = cd_db_exec(store, st, err);
    cd_db_done(st);
    if (!rc) {
        store->audit_end_id = id;
        memcpy(store->audit_end_hash, hash, sizeof hash);
        store->audit_staged++;
    }
    return rc;
}

int cd_audit_stage_table(struct cd_store *store, struct cd_error *err)
{
    return cd_db_exec_script(store, SQL_STAGE_TABLE, err);
}

int cd_audit_flush(struct cd_store *store, struct cd_error *err)
{
    if (!store->audit_staged)
        return 0;
    struct cd_stmt *st;
    int rc = cd_db_stmt(store, SQL_UNSTAGE, &st, err);
    if (!rc) {
        rc = cd_db_exec(store, st, err);
        cd_db_done(st);
    }
    if (!rc && !(rc = cd_db_stmt(store, SQL_STAGE_CLEAR, &st, err))) {
        rc = cd_db_exec(store, st, err);
        cd_db_done(st);
    }
    if (!rc)
        store->audit_staged = 0;
    return rc;
}

int cd_audit_log(struct cd_store *store, const char *entity, int64_t entity_id, const char *action,
                 const char *detail, struct cd_error *err)
{
    char at[CD_INSTANT_LEN];
    int64_t patient;
    int rc = patient_of(store, entity, entity_id, &patient, err);
    return rc ? rc
              : stage(store, cd_instant_format(cd_clock_now(), at), entity, entity_id, patient,
                      action, detail, err);
}

int cd_audit_log_rows(struct cd_store *store, struct cd_stmt *rows, int *n, struct cd_error *err)
{
    char at[CD_INSTANT_LEN];
    cd_instant_format(cd_clock_now(), at);
    int rc;
    *n = 0;
    while ((rc = cd_db_step(store, rows, err)) == 1) {
        if ((rc = stage(store, at, cd_db_col_text(rows, 0), cd_db_col_int(rows, 1),
                        cd_db_col_int(rows, 4), cd_db_col_text(rows, 2), cd_db_col_text(rows, 3),
                        err)))
            break;
        ++*n;
    }
    return rc < 0 ? rc : 0;
}

int cd_audit_access(struct cd_store *store, const char *what, int64_t patient_id,
                    const char *action, const char *detail, struct cd_error *err)
{
    /* Read-only (a read-only file, or opened so for reading): the read goes on unrecorded. */
    if (sqlite3_db_readonly(store->db, "main") == 1)
        return 0;
    char at[CD_INSTANT_LEN];
    int rc = cd_store_begin(store, err);
    if (!rc)
        rc = stage(store, cd_instant_format(cd_clock_now(), at), what, 0,
                   patient_id > 0 ? patient_id : 0, action, detail, err);
    return cd_store_finish(store, rc, err);
}

int cd_audit_list(struct cd_store *store, const char *entity, int64_t entity_id,
                  struct cd_page *page, struct cd_error *err)
{
    return cd_db_query_page(store, SQL_LIST, ":id", entity_id, ":entity", entity, page, err);
}
