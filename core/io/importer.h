/* SPDX-License-Identifier: MIT */
/* Discharge import: one file, one transaction. The format (CSV or HL7 v2) is given or guessed
 * from the content; the whole file is rejected at its first bad record, with
 * "FILE:LINE: field: what is wrong", and nothing is written. Re-importing changes nothing. */
#ifndef CD_CORE_IO_IMPORTER_H
#define CD_CORE_IO_IMPORTER_H

#include <stdbool.h>
#include <stddef.h>

#include "core/base/error.h"
#include "core/base/strbuf.h"
#include "core/store/store.h"

struct cd_discharge_result;

enum cd_import_format { CD_IMPORT_GUESS, CD_IMPORT_CSV, CD_IMPORT_HL7 };

/* The longest field either importer accepts. */
#define CD_IMPORT_FIELD_MAX 65536
/* The largest file read. */
#define CD_IMPORT_FILE_MAX (512L * 1024 * 1024)

/* What an import did. */
struct cd_import_summary {
    int patients_new, patients_updated;
    int discharges_new, discharges_known, discharges_ineligible, discharges_cancelled;
    int tasks_created, tasks_cancelled;
    int messages_skipped; /* HL7 messages of other types (and cancels of unknown visits) */
    int deaths;           /* discharges that recorded a death, and what it ended: */
    int death_enrollments, death_tasks, death_visits;
    int records; /* CSV records or HL7 messages read */
};

/* "csv" or "hl7" (CD_EINVAL otherwise). */
int cd_import_format_parse(const char *name, enum cd_import_format *out, struct cd_error *err);
/* HL7 when the content (after a byte-order mark, blank space or an MLLP start byte) begins with
 * "MSH", else CSV. */
enum cd_import_format cd_import_guess(const char *data, size_t len);
/* Import LEN bytes of DATA named NAME (for messages) in one transaction. UTF-8 only (a
 * byte-order mark is skipped): UTF-16 and UTF-32 are refused with "NAME: UTF-16 is not
 * supported; save the file as UTF-8". */
int cd_import_buffer(struct cd_store *store, const char *name, const char *data, size_t len,
                     enum cd_import_format format, struct cd_import_summary *sum,
                     struct cd_error *err);
/* Read and import the file at PATH. */
int cd_import_file(struct cd_store *store, const char *path, enum cd_import_format format,
                   struct cd_import_summary *sum, struct cd_error *err);
/* True when the import wrote anything. */
bool cd_import_changed(const struct cd_import_summary *sum);
/* The summary line: "import NAME: patients 3 new, 1 updated; discharges 4 new, 0 already known;
 * tasks 6 created; messages 1 skipped" (plus cancellations, deaths and "; nothing changed"). */
int cd_import_summary_format(const char *name, const struct cd_import_summary *sum,
                             struct cd_strbuf *out);

/* Count one recorded discharge RES into SUM (what both parsers tally per record). */
void cd_import_count(struct cd_import_summary *sum, const struct cd_discharge_result *res);

/* The format parsers, inside the caller's transaction; errors read "LINE: field: what". */
int cd_import_csv(struct cd_store *store, const char *data, size_t len,
                  struct cd_import_summary *sum, struct cd_error *err);
int cd_import_hl7(struct cd_store *store, const char *data, size_t len,
                  struct cd_import_summary *sum, struct cd_error *err);

#endif
