/* SPDX-License-Identifier: MIT */
/* The store's typed access for core's modules: cached statements, checked binding, stepping and
 * reading the current row. The seam between the domain and SQLite: no SQLite type appears here,
 * and only core/store calls SQLite, so another engine can stand behind these functions. */
#ifndef CD_CORE_STORE_DB_H
#define CD_CORE_STORE_DB_H

#include <stdbool.h>
#include <stdint.h>

#include "core/base/error.h"
#include "core/base/page.h"
#include "core/store/store.h"

/* A prepared statement of a store's connection. */
struct cd_stmt;

/* The statement for the static string SQL, prepared once per connection and cached by the
 * string's address, in *OUT (borrowed; release with cd_db_done after use). CD_EINVAL when SQL
 * does not prepare or has text after its one statement. */
int cd_db_stmt(struct cd_store *store, const char *sql, struct cd_stmt **out, struct cd_error *err);
/* A statement for SQL built at run time (*OUT owned by the caller: cd_db_finalize). */
int cd_db_prepare(struct cd_store *store, const char *sql, struct cd_stmt **out,
                  struct cd_error *err);
/* Free a statement from cd_db_prepare (NULL is a no-op). */
void cd_db_finalize(struct cd_stmt *st);
/* Reset a statement after use and clear its bindings (NULL is a no-op). */
void cd_db_done(struct cd_stmt *st);

/* Bind VALUE to the parameter NAME (":mrn"). A name the statement lacks, or a bind that fails, is
 * remembered: the next cd_db_step or cd_db_exec fails with CD_EINVAL naming the parameter, so a
 * misspelt name never runs with NULL. The return value says the same at once. */
int cd_db_bind_text(struct cd_stmt *st, const char *name, const char *value);
int cd_db_bind_int(struct cd_stmt *st, const char *name, int64_t value);
int cd_db_bind_null(struct cd_stmt *st, const char *name);
/* Bind VALUE, or NULL when VALUE is NULL or empty. */
int cd_db_bind_opt(struct cd_stmt *st, const char *name, const char *value);
/* Bind an ID, or NULL when ID is 0. */
int cd_db_bind_id(struct cd_stmt *st, const char *name, int64_t id);
/* True when the statement has the parameter NAME (a statement that several callers share). */
bool cd_db_has_param(const struct cd_stmt *st, const char *name);

/* Step once: 1 = a row, 0 = done, <0 = a CD_E* code (a bad bind: CD_EINVAL naming it). */
int cd_db_step(struct cd_store *store, struct cd_stmt *st, struct cd_error *err);
/* Run a statement that returns no row (INSERT/UPDATE/DELETE) inside a transaction. */
int cd_db_exec(struct cd_store *store, struct cd_stmt *st, struct cd_error *err);

/* Column COL of the current row as text (borrowed until the next step or cd_db_done; NULL for
 * SQL NULL). */
const char *cd_db_col_text(struct cd_stmt *st, int col);
/* Column COL of the current row as an integer (0 for NULL). */
int64_t cd_db_col_int(struct cd_stmt *st, int col);
/* True when column COL of the current row is NULL. */
bool cd_db_col_null(struct cd_stmt *st, int col);
/* A copy of column COL of the current row (NULL stays NULL). Caller frees. */
char *cd_db_col_dup(struct cd_stmt *st, int col);

/* Run all remaining rows of ST into PAGE (appended; column names taken from ST). */
int cd_db_fill_page(struct cd_store *store, struct cd_stmt *st, struct cd_page *page,
                    struct cd_error *err);
/* Run the cached query SQL and append its rows to PAGE (as cd_db_fill_page), with ID bound to the
 * parameter ID_NAME and TEXT (NULL: SQL NULL) to TEXT_NAME; a NULL name binds nothing. The one
 * body of the lists read by an id (a patient's, an entity's) and perhaps one text. */
int cd_db_query_page(struct cd_store *store, const char *sql, const char *id_name, int64_t id,
                     const char *text_name, const char *text, struct cd_page *page,
                     struct cd_error *err);
/* Last inserted row id. */
int64_t cd_db_last_id(struct cd_store *store);
/* Rows changed by the last statement. */
int cd_db_changes(struct cd_store *store);
/* Run a one-off script (pragmas, migrations, tests). */
int cd_db_exec_script(struct cd_store *store, const char *sql, struct cd_error *err);

#endif
