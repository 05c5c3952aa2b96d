/* SPDX-License-Identifier: MIT */
/* The per-file import: read, guess the format, one transaction, the tally and the summary line. */
#include "config.h"
#include "core/io/importer.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/text.h"
#include "core/encounter.h"

int cd_import_format_parse(const char *name, enum cd_import_format *out, struct cd_error *err)
{
    if (name && strcmp(name, "csv") == 0)
        *out = CD_IMPORT_CSV;
    else if (name && strcmp(name, "hl7") == 0)
        *out = CD_IMPORT_HL7;
    else
        return cd_error_set(err, CD_EINVAL, "format: '%s' is not csv or hl7", name ? name : "");
    return 0;
}

enum cd_import_format cd_import_guess(const char *data, size_t len)
{
    size_t i = 0;
    if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
        i = 3;
    while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n' ||
                       data[i] == 0x0b))
        i++;
    return len - i >= 4 && memcmp(data + i, "MSH", 3) == 0 ? CD_IMPORT_HL7 : CD_IMPORT_CSV;
}

int cd_import_buffer(struct cd_store *store, const char *name, const char *data, size_t len,
                     enum cd_import_format format, struct cd_import_summary *sum,
                     struct cd_error *err)
{
    memset(sum, 0, sizeof *sum);
    const char *wide = cd_text_wide_encoding(data, len);
    if (wide) /* before any parsing: "unknown column 'M-~M-^?'" would send the user astray */
        return cd_error_set(err, CD_EINVAL, "%s: %s is not supported; save the file as UTF-8", name,
                            wide);
    if (format == CD_IMPORT_GUESS)
        format = cd_import_guess(data, len);
    int rc = cd_store_begin(store, err);
    if (rc)
        return cd_error_prefix(err, rc, "%s: ", name);
    rc = format == CD_IMPORT_HL7 ? cd_import_hl7(store, data, len, sum, err)
                                 : cd_import_csv(store, data, len, sum, err);
    rc = cd_store_finish(store, rc, err);
    if (rc) {
        struct cd_import_summary none = {0};
        *sum = none;
        return cd_error_prefix(err, rc, "%s:", name);
    }
    return 0;
}

int cd_import_file(struct cd_store *store, const char *path, enum cd_import_format format,
                   struct cd_import_summary *sum, struct cd_error *err)
{
    memset(sum, 0, sizeof *sum);
    FILE *f = fopen(path, "rb");
    if (!f)
        return cd_error_set(err, CD_EIO, "%s: cannot open: %s", path, strerror(errno));
    struct cd_strbuf sb = CD_STRBUF_INIT;
    char buf[65536];
    size_t n;
    int rc = 0;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
        if (sb.len + n > (size_t)CD_IMPORT_FILE_MAX) {
            rc = cd_error_set(err, CD_EINVAL, "%s: larger than %ld MiB; split it", path,
                              CD_IMPORT_FILE_MAX / (1024 * 1024));
            break;
        }
        if (cd_strbuf_addn(&sb, buf, n)) {
            rc = cd_error_set(err, CD_ENOMEM, "%s: out of memory", path);
            break;
        }
    }
    if (!rc && ferror(f))
        rc = cd_error_set(err, CD_EIO, "%s: read error", path);
    fclose(f);
    if (!rc)
        rc = cd_import_buffer(store, path, sb.buf ? sb.buf : "", sb.len, format, sum, err);
    cd_strbuf_free(&sb);
    return rc;
}

bool cd_import_changed(const struct cd_import_summary *s)
{
    return s->patients_new || s->patients_updated || s->discharges_new || s->discharges_cancelled ||
           s->tasks_created || s->tasks_cancelled;
}

int cd_import_summary_format(const char *name, const struct cd_import_summary *s,
                             struct cd_strbuf *out)
{
    cd_strbuf_addf(out, "import %s: patients %d new, %d updated; discharges %d new", name,
                   s->patients_new, s->patients_updated, s->discharges_new);
    if (s->discharges_ineligible)
        cd_strbuf_addf(out, " (%d not eligible for TCM)", s->discharges_ineligible);
    cd_strbuf_addf(out, ", %d already known; tasks %d created; messages %d skipped",
                   s->discharges_known, s->tasks_created, s->messages_skipped);
    if (s->discharges_cancelled || s->tasks_cancelled)
        cd_strbuf_addf(out, "; discharges %d cancelled, tasks %d cancelled",
                       s->discharges_cancelled, s->tasks_cancelled);
    if (s->deaths)
        cd_strbuf_addf(out, "; %d death%s recorded", s->deaths, s->deaths == 1 ? "" : "s");
    if (s->death_enrollments || s->death_tasks || s->death_visits)
        cd_strbuf_addf(out,
                       ", outreach stopped: enrollments %d ended, tasks %d cancelled, visits %d "
                       "cancelled",
                       s->death_enrollments, s->death_tasks, s->death_visits);
    if (!cd_import_changed(s))
        cd_strbuf_add(out, "; nothing changed");
    return out->oom ? CD_ENOMEM : 0;
}

void cd_import_count(struct cd_import_summary *sum, const struct cd_discharge_result *res)
{
    sum->patients_new += res->patient_created;
    sum->patients_updated += res->patient_changed;
    if (res->encounter_created) {
        sum->discharges_new++;
        sum->discharges_ineligible += !res->eligible;
    } else {
        sum->discharges_known++;
    }
    sum->tasks_created += res->tasks_created;
    sum->deaths += res->died;
    sum->death_enrollments += res->enrollments_ended;
    sum->death_tasks += res->tasks_cancelled;
    sum->death_visits += res->appointments_cancelled;
}
