/* SPDX-License-Identifier: MIT */
/* The patient timeline: one UNION ALL over every event source, each arm read through an index on
 * (patient, time); SQLite flattens it and merges the arms, so LIMIT stops after one page. */
#include "config.h"
#include "core/timeline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/db.h"
#include "core/strbuf.h"

#define NL "char(10)"
/* the first line of X */
#define LINE1(x) "substr(" x ", 1, instr(" x " || " NL ", " NL ") - 1)"

/* Every arm's columns must have the same affinity or SQLite will not flatten the UNION ALL
 * (and would then sort every row): WHO is always CAST to TEXT, TEXT and DETAIL are expressions. */
#define TIMELINE_SQL                                                                               \
    "SELECT at, kind, id, who, text, detail FROM (" /* admissions (not ED) */                      \
    "SELECT e.admit_at AS at, 'admission' AS kind, e.id AS id, CAST(e.facility AS TEXT) AS who, "  \
    " 'Admitted' || ifnull(' to ' || e.facility, '') || ' (' || e.setting || ')' AS text, "        \
    " 'Admitted to ' || ifnull(e.facility, 'a facility') || ' (' || e.setting || ')' "             \
    " || ifnull(" NL " || 'Admission type: ' || e.admission_type, '') "                            \
    " || ifnull(" NL " || 'Diagnoses: ' || e.diagnoses, '') AS detail "                            \
    "FROM encounters e WHERE e.patient_id = :pid AND e.setting <> 'ed' "                           \
    "UNION ALL " /* discharges (not ED) */                                                         \
    "SELECT e.discharge_at, 'discharge', e.id, CAST(e.facility AS TEXT), "                         \
    " 'Discharged from ' || ifnull(e.facility, 'a facility') "                                     \
    " || ifnull(' to ' || coalesce(e.disposition_text, e.discharged_to), '') "                     \
    " || ifnull(' (' || e.disposition || ')', ''), "                                               \
    " 'Discharged from ' || ifnull(e.facility, 'a facility') || ' (' || e.setting || ')' "         \
    " || ifnull(' on ' || e.discharge_date, '') "                                                  \
    " || ifnull(" NL                                                                               \
    " || 'Disposition: ' || e.disposition || ifnull(' ' || e.disposition_text, ''), '') "          \
    " || ifnull(" NL " || 'Discharged to: ' || e.discharged_to, '') "                              \
    " || ifnull(" NL " || 'Diagnoses: ' || e.diagnoses, '') "                                      \
    " || " NL " || CASE WHEN e.tcm_eligible THEN 'TCM: eligible' "                                 \
    "    ELSE 'TCM: not eligible' || ifnull(' (' || e.ineligible_reason || ')', '') END "          \
    " || CASE e.status WHEN 'cancelled' THEN " NL " || 'Discharge cancelled' ELSE '' END "         \
    "FROM encounters e WHERE e.patient_id = :pid AND e.setting <> 'ed' "                           \
    "UNION ALL " /* emergency department visits */                                                 \
    "SELECT e.discharge_at, 'ed_visit', e.id, CAST(e.facility AS TEXT), "                          \
    " 'ED visit' || ifnull(' at ' || e.facility, '') "                                             \
    " || ifnull(', ' || coalesce(e.disposition_text, e.disposition), ''), "                        \
    " 'Emergency department visit' || ifnull(' at ' || e.facility, '') "                           \
    " || ifnull(" NL                                                                               \
    " || 'Disposition: ' || e.disposition || ifnull(' ' || e.disposition_text, ''), '') "          \
    " || ifnull(" NL " || 'Diagnoses: ' || e.diagnoses, '') "                                      \
    "FROM encounters e WHERE e.patient_id = :pid AND e.setting = 'ed' "                            \
    "UNION ALL " /* tasks created */                                                               \
    "SELECT t.created_at, 'task_created', t.id, CAST(ifnull(u.name, 'caredesk') AS TEXT), "        \
    " 'Task ' || replace(t.kind, '_', ' ') || ifnull(': ' || t.title, '') || ', due ' || "         \
    "t.due_date, "                                                                                 \
    " 'Task ' || replace(t.kind, '_', ' ') || ifnull(': ' || t.title, '') "                        \
    " || " NL " || 'Due: ' || t.due_date || " NL " || 'Status: ' || t.status "                     \
    " || ifnull(" NL                                                                               \
    " || 'Assigned to: ' || (SELECT a.name FROM users a WHERE a.id = t.assignee_id), '') "         \
    "FROM tasks t LEFT JOIN users u ON u.id = t.created_by WHERE t.patient_id = :pid "             \
    "UNION ALL " /* tasks closed */                                                                \
    "SELECT t.closed_at, 'task_closed', t.id, CAST(ifnull(u.name, 'caredesk') AS TEXT), "          \
    " 'Task ' || CASE t.status WHEN 'done' THEN 'done' ELSE 'cancelled' END || ': ' "              \
    " || replace(t.kind, '_', ' ') || ifnull(' - ' || t.close_reason, ''), "                       \
    " 'Task ' || replace(t.kind, '_', ' ') || ifnull(': ' || t.title, '') "                        \
    " || " NL " || 'Closed: ' || t.status || ifnull(" NL " || 'Reason: ' || t.close_reason, '') "  \
    "FROM tasks t LEFT JOIN users u ON u.id = t.closed_by WHERE t.patient_id = :pid "              \
    "UNION ALL " /* contact attempts */                                                            \
    "SELECT c.at, 'call', c.id, CAST(u.name AS TEXT), "                                            \
    " CASE c.channel WHEN 'phone' THEN 'Call' ELSE 'Contact (' || replace(c.channel, '_', ' ') "   \
    "|| ')' END "                                                                                  \
    " || ': ' || replace(c.outcome, '_', ' ') || ifnull(' - ' || " LINE1(                          \
        "c.note") ", ''), "                                                                        \
                  " 'Contact by ' || replace(c.channel, '_', ' ') || ': ' || replace(c.outcome, "  \
                  "'_', ' ') "                                                                     \
                  " || CASE WHEN c.interactive THEN ' (interactive)' ELSE '' END "                 \
                  " || CASE WHEN c.late THEN ' (late)' ELSE '' END || ifnull(" NL                  \
                  " || c.note, '') "                                                               \
                  "FROM contacts c LEFT JOIN users u ON u.id = c.user_id WHERE c.patient_id = "    \
                  ":pid "                                                                          \
                  "UNION ALL " /* notes */                                                         \
                  "SELECT n.at, 'note', n.id, CAST(u.name AS TEXT), " LINE1(                       \
                      "n.text") ", n.text || '' "                                                  \
                                "FROM notes n LEFT JOIN users u ON u.id = n.user_id WHERE "        \
                                "n.patient_id = :pid "                                             \
                                "UNION ALL " /* time entries */                                    \
                                "SELECT te.start_at, 'time', te.id, CAST(u.name AS TEXT), "        \
                                " (te.seconds / 60) || ':' || substr('0' || (te.seconds % 60), "   \
                                "-2) || ' ' "                                                      \
                                " || replace(te.activity, '_', ' ') || ' (' || te.program || ')' " \
                                " || CASE WHEN te.voided THEN ' (voided)' ELSE '' END, "           \
                                " (te.seconds / 60) || ':' || substr('0' || (te.seconds % 60), "   \
                                "-2) || ' of ' "                                                   \
                                " || replace(te.activity, '_', ' ') || ' for ' || te.program || "  \
                                "' (' || te.source || ')' "                                        \
                                " || ifnull(" NL " || te.note, '') "                               \
                                " || CASE WHEN te.voided THEN " NL                                 \
                                " || 'Voided: ' || te.void_reason ELSE '' END "                    \
                                "FROM time_entries te LEFT JOIN users u ON u.id = te.user_id "     \
                                "WHERE te.patient_id = :pid "                                      \
                                "UNION ALL " /* care plan versions */                              \
                                "SELECT v.created_at, 'careplan', v.version, CAST(u.name AS "      \
                                "TEXT), "                                                          \
                                " 'Care plan version ' || v.version || ifnull(': ' || v.summary, " \
                                "''), "                                                            \
                                " 'Care plan version ' || v.version || ifnull(" NL                 \
                                " || v.summary, '') "                                              \
                                " || ifnull(" NL " || 'Next review: ' || v.next_review_date, '') " \
                                "FROM care_plans p JOIN care_plan_versions v ON v.care_plan_id = " \
                                "p.id "                                                            \
                                "LEFT JOIN users u ON u.id = v.created_by WHERE p.patient_id = "   \
                                ":pid "                                                            \
                                "UNION ALL " /* appointments booked */                             \
                                "SELECT a.created_at, 'appointment', a.id, CAST(u.name AS TEXT), " \
                                " 'Booked ' || replace(a.kind, '_', ' ') || ' with ' || "          \
                                "a.provider || ' on ' "                                            \
                                " || replace(a.start_local, 'T', ' '), "                           \
                                " 'Booked ' || replace(a.kind, '_', ' ') || ' with ' || "          \
                                "a.provider || " NL " || 'When: ' || replace(a.start_local, 'T', " \
                                "' ') || ' (' || a.duration_min || ' min)' "                       \
                                " || ifnull(" NL " || 'Where: ' || a.location, '') || ifnull(" NL  \
                                " || a.note, '') "                                                 \
                                "FROM appointments a LEFT JOIN users u ON u.id = a.created_by "    \
                                "WHERE a.patient_id = :pid "                                       \
                                "UNION ALL " /* appointments moved, cancelled, kept or missed: the \
                                                latest change */                                   \
                                "SELECT a.updated_at, 'appointment_update', a.id, CAST(NULL AS "   \
                                "TEXT), "                                                          \
                                " CASE a.status WHEN 'cancelled' THEN 'Cancelled' WHEN 'kept' "    \
                                "THEN 'Kept' "                                                     \
                                "   WHEN 'no_show' THEN 'Missed' ELSE 'Moved' END || ' ' || "      \
                                "replace(a.kind, '_', ' ') "                                       \
                                " || ' with ' || a.provider || ' on ' || replace(a.start_local, "  \
                                "'T', ' '), "                                                      \
                                " 'Appointment ' || a.status || ': ' || replace(a.kind, '_', ' "   \
                                "') || ' with ' || a.provider "                                    \
                                " || " NL " || 'When: ' || replace(a.start_local, 'T', ' ') "      \
                                " || CASE WHEN a.sequence > 0 THEN " NL                            \
                                " || 'Rescheduled ' || a.sequence || ' time(s)' ELSE '' END "      \
                                " || ifnull(" NL " || 'Reason: ' || a.cancel_reason, '') "         \
                                "FROM appointments a WHERE a.patient_id = :pid AND (a.status <> "  \
                                "'booked' OR a.sequence > 0) "                                     \
                                "UNION ALL " /* referrals sent */                                  \
                                "SELECT r.sent_at, 'referral', r.id, CAST(u.name AS TEXT), "       \
                                " 'Referral sent to ' || r.to_provider || ifnull(' (' || "         \
                                "r.specialty || ')', '') "                                         \
                                " || ifnull(': ' || r.reason, ''), "                               \
                                " 'Referral to ' || r.to_provider || ifnull(' (' || r.specialty "  \
                                "|| ')', '') "                                                     \
                                " || ifnull(" NL " || 'Reason: ' || r.reason, '') || " NL          \
                                " || 'Status: ' || r.status "                                      \
                                " || ifnull(" NL " || r.note, '') "                                \
                                "FROM referrals r LEFT JOIN users u ON u.id = r.created_by WHERE " \
                                "r.patient_id = :pid "                                             \
                                "UNION ALL " /* referrals closed */                                \
                                "SELECT r.closed_at, 'referral_closed', r.id, CAST(NULL AS "       \
                                "TEXT), "                                                          \
                                " 'Referral ' || r.status || ': ' || r.to_provider, "              \
                                " 'Referral to ' || r.to_provider || ' ' || r.status || "          \
                                "ifnull(" NL " || r.note, '') "                                    \
                                "FROM referrals r WHERE r.patient_id = :pid "                      \
                                "UNION ALL " /* enrollments with their consent */                  \
                                "SELECT en.created_at, 'enrollment', en.id, CAST(u.name AS "       \
                                "TEXT), "                                                          \
                                " 'Enrolled in ' || upper(en.program) || ' (' || en.status || "    \
                                "')' "                                                             \
                                " || ifnull(', consent ' || en.consent_method || ifnull(' on ' "   \
                                "|| en.consent_date, ''), ''), "                                   \
                                " 'Program ' || upper(en.program) || ': ' || en.status || ' from " \
                                "' || en.start_date "                                              \
                                " || ifnull(' to ' || en.end_date, '') "                           \
                                " || ifnull(" NL " || 'Consent: ' || en.consent_method || "        \
                                "ifnull(' on ' || en.consent_date, ''), '') "                      \
                                " || ifnull(" NL                                                   \
                                " || 'Ended: ' || en.end_reason, '') || ifnull(" NL                \
                                " || en.note, '') "                                                \
                                "FROM enrollments en LEFT JOIN users u ON u.id = en.created_by "   \
                                "WHERE en.patient_id = :pid "                                      \
                                ") WHERE at <= :at AND (at < :at OR kind < :kind OR (kind = "      \
                                ":kind AND id < :id)) "                                            \
                                "AND (:kinds IS NULL OR instr(:kinds, ',' || kind || ',') > 0) "   \
                                "AND (:search IS NULL OR text LIKE :search ESCAPE '\\' OR detail " \
                                "LIKE :search ESCAPE '\\') "                                       \
                                "ORDER BY at DESC, kind DESC, id DESC LIMIT :limit"

static const char SQL_PAGE[] = TIMELINE_SQL;
static const char SQL_EXPLAIN[] = "EXPLAIN QUERY PLAN " TIMELINE_SQL;

static const char *const kind_names[] = {
#define CD_TL_NAME(id, name) name,
    CD_TIMELINE_KINDS(CD_TL_NAME)
#undef CD_TL_NAME
};

const char *cd_timeline_kind_name(int kind)
{
    return kind >= 0 && kind < CD_TIMELINE_NKINDS ? kind_names[kind] : "?";
}

int cd_timeline_kinds_parse(const char *list, unsigned *mask, struct cd_error *err)
{
    *mask = 0;
    for (const char *p = list; p && *p;) {
        const char *e = strchr(p, ',');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        int k = 0;
        while (k < CD_TIMELINE_NKINDS &&
               (strlen(kind_names[k]) != n || strncmp(p, kind_names[k], n)))
            k++;
        if (k == CD_TIMELINE_NKINDS && n)
            return cd_error_set(err, CD_EINVAL,
                                "kind: '%.*s' is not a timeline kind (admission, discharge, "
                                "ed_visit, task_created, task_closed, call, note, time, careplan, "
                                "appointment, appointment_update, referral, referral_closed, "
                                "enrollment)",
                                (int)(n > 40 ? 40 : n), p);
        if (n)
            *mask |= 1u << k;
        p = e ? e + 1 : p + n;
    }
    return 0;
}

int cd_timeline_cursor_at_date(struct cd_timeline_cursor *cursor, const char *date,
                               struct cd_error *err)
{
    int day;
    if (cd_date_parse(date, &day, NULL))
        return cd_error_set(err, CD_EINVAL, "date: '%.40s' is not a date (YYYY-MM-DD)", date);
    /* just before local midnight after DATE: every entry of that day and older */
    memset(cursor, 0, sizeof *cursor);
    cd_instant_format(cd_local_to_instant(day + 1, 0, 0, 0) - 1, cursor->at);
    snprintf(cursor->kind, sizeof cursor->kind, "~");
    cursor->id = INT64_MAX;
    return 0;
}

void cd_timeline_cursor_from_page(struct cd_timeline_cursor *cursor, const struct cd_page *page,
                                  size_t row)
{
    snprintf(cursor->at, sizeof cursor->at, "%s", cd_page_str(page, row, "at"));
    snprintf(cursor->kind, sizeof cursor->kind, "%s", cd_page_str(page, row, "kind"));
    cursor->id = cd_page_int(page, row, "id");
}

/* "%text%" with LIKE's wildcards escaped. */
static char *like_pattern(const char *s)
{
    struct cd_strbuf sb = CD_STRBUF_INIT;
    cd_strbuf_addc(&sb, '%');
    for (; *s; s++) {
        if (*s == '%' || *s == '_' || *s == '\\')
            cd_strbuf_addc(&sb, '\\');
        cd_strbuf_addc(&sb, *s);
    }
    cd_strbuf_addc(&sb, '%');
    return cd_strbuf_take(&sb);
}

int cd_timeline_page(struct cd_store *store, const struct cd_timeline_query *q,
                     struct cd_page *page, struct cd_error *err)
{
    if (q->limit < 0 || q->limit > 1000)
        return cd_error_set(err, CD_EINVAL, "limit: %d is not between 1 and 1000", q->limit);
    char kinds[400] = ",";
    for (int k = 0; k < CD_TIMELINE_NKINDS; k++)
        if (q->kinds & (1u << k)) {
            strcat(kinds, kind_names[k]);
            strcat(kinds, ",");
        }
    char *search = q->search && *q->search ? like_pattern(q->search) : NULL;
    if (q->search && *q->search && !search)
        return cd_error_set(err, CD_ENOMEM, "out of memory");
    sqlite3_stmt *st = cd_db_stmt(store, SQL_PAGE, err);
    if (!st) {
        free(search);
        return err ? err->code : CD_EIO;
    }
    cd_db_bind_int(st, ":pid", q->patient_id);
    /* no cursor: start after everything ('~' sorts after every digit) */
    cd_db_bind_text(st, ":at", q->after.at[0] ? q->after.at : "~");
    cd_db_bind_text(st, ":kind", q->after.at[0] ? q->after.kind : "~");
    cd_db_bind_int(st, ":id", q->after.at[0] ? q->after.id : INT64_MAX);
    if (q->kinds)
        cd_db_bind_text(st, ":kinds", kinds);
    else
        cd_db_bind_null(st, ":kinds");
    cd_db_bind_opt(st, ":search", search);
    cd_db_bind_int(st, ":limit", q->limit ? q->limit : 40);
    static const char *const cols[] = {"at", "day", "time", "kind", "id", "who", "text", "detail"};
    int rc = page->ncols ? 0 : cd_page_set_columns(page, 8, cols);
    while (!rc && (rc = cd_db_step(store, st, err)) == 1) {
        const char *v[8];
        char local[20] = "";
        time_t t;
        v[0] = (const char *)sqlite3_column_text(st, 0);
        if (v[0] && !cd_instant_parse(v[0], &t, NULL))
            cd_instant_format_local(t, local);
        local[10] = '\0';
        v[1] = local;
        v[2] = local + 11;
        for (int c = 1; c < 6; c++)
            v[c + 2] = (const char *)sqlite3_column_text(st, c);
        rc = cd_page_add_row(page, v) ? CD_ENOMEM : 0;
    }
    cd_db_done(st);
    free(search);
    if (rc == CD_ENOMEM)
        return cd_error_set(err, CD_ENOMEM, "out of memory reading the timeline");
    return rc;
}

int cd_timeline_explain(struct cd_store *store, struct cd_page *page, struct cd_error *err)
{
    return cd_db_query_page(store, SQL_EXPLAIN, NULL, 0, NULL, NULL, page, err);
}
