/* SPDX-License-Identifier: MIT */
/* Core-internal access to the SQLite connection: the statement cache, checked binding and row
 * copying. Only core/ includes this header. */
#ifndef CD_CORE_STORE_DB_H
#define CD_CORE_STORE_DB_H

#include <stdint.h>

#include <sqlite3.h>

#include "core/base/error.h"
#include "core/base/page.h"
#include "core/store/store.h"

/* The raw connection (borrowed). */
sqlite3 *cd_db(struct cd_store *store);
/* Register cd_label(DOMAIN, KEY) on DB (core/labels.c): 'program', 'activity', 'task' or
 * 'appointment' keys as people say them. Returns an SQLite result code. */
int cd_db_register_labels(sqlite3 *db);

/* A statement prepared once per connection for the static string SQL, keyed by its address
 * (borrowed; reset and unbound by cd_db_done). NULL with ERR set on failure. */
sqlite3_stmt *cd_db_stmt(struct cd_store *store, const char *sql, struct cd_error *err);
/* Reset and clear a cached statement after use. */
void cd_db_done(sqlite3_stmt *stmt);

/* Bind by parameter name (":mrn"); an unknown name is a programming error reported as CD_EINVAL. */
int cd_db_bind_text(sqlite3_stmt *stmt, const char *name, const char *value);
int cd_db_bind_int(sqlite3_stmt *stmt, const char *name, int64_t value);
int cd_db_bind_null(sqlite3_stmt *stmt, const char *name);
/* Bind VALUE, or NULL when VALUE is NULL or empty. */
int cd_db_bind_opt(sqlite3_stmt *stmt, const char *name, const char *value);
/* Bind an ID, or NULL when ID is 0. */
int cd_db_bind_id(sqlite3_stmt *stmt, const char *name, int64_t id);

/* Step a statement that returns no row (INSERT/UPDATE/DELETE); maps SQLite errors to CD_E*. */
int cd_db_exec(struct cd_store *store, sqlite3_stmt *stmt, struct cd_error *err);
/* Step once: 1 = a row, 0 = done, <0 = CD_E* error. */
int cd_db_step(struct cd_store *store, sqlite3_stmt *stmt, struct cd_error *err);
/* Map the last SQLite error to a CD_E* code and a user-facing sentence prefixed by WHAT. */
int cd_db_error(struct cd_store *store, int rc, const char *what, struct cd_error *err);
/* Run all remaining rows of STMT into PAGE (appended; column names taken from STMT). */
int cd_db_fill_page(struct cd_store *store, sqlite3_stmt *stmt, struct cd_page *page,
                    struct cd_error *err);
/* Run the cached query SQL and append its rows to PAGE (as cd_db_fill_page), with ID bound to the
 * parameter ID_NAME and TEXT (NULL: SQL NULL) to TEXT_NAME; a NULL name binds nothing. The one
 * body of the lists read by an id (a patient's, an entity's) and perhaps one text. */
int cd_db_query_page(struct cd_store *store, const char *sql, const char *id_name, int64_t id,
                     const char *text_name, const char *text, struct cd_page *page,
                     struct cd_error *err);
/* Copy column COL of the current row (NULL stays NULL). Caller frees. */
char *cd_db_col_dup(sqlite3_stmt *stmt, int col);
/* Last inserted row id. */
int64_t cd_db_last_id(struct cd_store *store);
/* Rows changed by the last statement. */
int cd_db_changes(struct cd_store *store);
/* Run a one-off script (migrations, tests). */
int cd_db_exec_script(struct cd_store *store, const char *sql, struct cd_error *err);

#endif
