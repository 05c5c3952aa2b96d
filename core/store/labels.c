/* SPDX-License-Identifier: MIT */
/* The SQL function cd_label(DOMAIN, KEY): what a person calls a stored key, from the same tables
 * the C code uses (programs as a field and inside a sentence, time activities, task kinds,
 * appointment kinds), so text built in SQL (the timeline) reads like the screens do. KEY itself
 * when the table has no entry. */
#include "config.h"

#include <string.h>

#include "core/base/vocab.h"
#include "core/store/store_impl.h"

static const char *label_of(const char *domain, const char *key)
{
    const char *label = NULL;
    if (strcmp(domain, "program") == 0)
        label = cd_program_label(key);
    else if (strcmp(domain, "program_phrase") == 0)
        label = cd_program_phrase(key);
    else if (strcmp(domain, "activity") == 0)
        label = cd_activity_name(key);
    else if (strcmp(domain, "task") == 0)
        label = cd_task_kind_label(key);
    else if (strcmp(domain, "appointment") == 0)
        label = cd_appointment_kind_label(key);
    return label && *label ? label : key;
}

static void sql_label(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    const char *domain = (const char *)sqlite3_value_text(argv[0]);
    const char *key = (const char *)sqlite3_value_text(argv[1]);
    if (!domain || !key) {
        sqlite3_result_null(ctx);
        return;
    }
    sqlite3_result_text(ctx, label_of(domain, key), -1, SQLITE_TRANSIENT);
}

int cd_store_register_labels(sqlite3 *db)
{
    return sqlite3_create_function_v2(db, "cd_label", 2,
                                      SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
                                      sql_label, NULL, NULL, NULL);
}
