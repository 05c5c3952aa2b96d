/* SPDX-License-Identifier: MIT */
/* The patient timeline: one UNION ALL over every event source, each arm read through an index on
 * (patient, time); SQLite flattens it and merges the arms, so LIMIT stops after one page. */
#include "config.h"
#include "core/timeline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/strbuf.h"
#include "core/store/audit.h"
#include "core/store/db.h"

/* Every arm's columns must have the same affinity or SQLite will not flatten the UNION ALL
 * (and would then sort every row): WHO is always CAST to TEXT, TEXT and DETAIL are expressions.
 * char(10) is a newline; substr(x, 1, instr(x || char(10), char(10)) - 1) the first line of x;
 * cd_label() names stored keys as people say them (core/labels.c). */
// clang-format off
#define TIMELINE_SQL                                                                               \
    "SELECT at, kind, id, who, text, detail FROM ("                                                \
    /* admissions (not ED) */                                                                      \
    "SELECT e.admit_at AS at, 'admission' AS kind, e.id AS id, CAST(e.facility AS TEXT) AS "       \
    "who, 'Admitted' || ifnull(' to ' || e.facility, '') || ' (' || e.setting || ')' AS "          \
    "text, 'Admitted to ' || ifnull(e.facility, 'a facility') || ' (' || e.setting || ')' || "     \
    "ifnull(char(10) || 'Admission type: ' || e.admission_type, '') || ifnull(char(10) || "        \
    "'Diagnoses: ' || e.diagnoses, '') AS detail FROM encounters e WHERE e.patient_id = :pid "     \
    "AND e.setting <> 'ed' "                                                                       \
    /* discharges (not ED) */                                                                    \
    "UNION ALL SELECT e.discharge_at, 'discharge', e.id, CAST(e.facility AS TEXT), "               \
    "'Discharged from ' || ifnull(e.facility, 'a facility') || ifnull(' to ' || "                  \
    "coalesce(e.disposition_text, e.discharged_to), '') || ifnull(' (' || e.disposition || "       \
    "')', ''), 'Discharged from ' || ifnull(e.facility, 'a facility') || ' (' || e.setting "       \
    "|| ')' || ifnull(' on ' || e.discharge_date, '') || ifnull(char(10) || 'Disposition: ' "      \
    "|| e.disposition || ifnull(' ' || e.disposition_text, ''), '') || ifnull(char(10) || "        \
    "'Discharged to: ' || e.discharged_to, '') || ifnull(char(10) || 'Diagnoses: ' || "            \
    "e.diagnoses, '') || char(10) || CASE WHEN e.tcm_eligible THEN 'TCM: eligible' ELSE "          \
    "'TCM: not eligible' || ifnull(' (' || e.ineligible_reason || ')', '') END || CASE "           \
    "e.status WHEN 'cancelled' THEN char(10) || 'Discharge cancelled' ELSE '' END FROM "           \
    "encounters e WHERE e.patient_id = :pid AND e.setting <> 'ed' "                                \
    /* emergency department visits */                                                              \
    "UNION ALL SELECT e.discharge_at, 'ed_visit', e.id, CAST(e.facility AS TEXT), 'ED visit' "     \
    "|| ifnull(' at ' || e.facility, '') || ifnull(', ' || coalesce(e.disposition_text, "          \
    "e.disposition), ''), 'Emergency department visit' || ifnull(' at ' || e.facility, '') "       \
    "|| ifnull(char(10) || 'Disposition: ' || e.disposition || ifnull(' ' || "                     \
    "e.disposition_text, ''), '') || ifnull(char(10) || 'Diagnoses: ' || e.diagnoses, '') "        \
    "FROM encounters e WHERE e.patient_id = :pid AND e.setting = 'ed' "                            \
    /* tasks created */                                                                            \
    "UNION ALL SELECT t.created_at, 'task_created', t.id, CAST(ifnull(u.name, 'caredesk') AS "     \
    "TEXT), 'Task ' || cd_label('task', t.kind) || ifnull(': ' || t.title, '') || ', due ' "       \
    "|| t.due_date, 'Task ' || cd_label('task', t.kind) || ifnull(': ' || t.title, '') || "        \
    "char(10) || 'Due: ' || t.due_date || char(10) || 'Status: ' || t.status || "                  \
    "ifnull(char(10) || 'Assigned to: ' || (SELECT a.name FROM users a WHERE a.id = "              \
    "t.assignee_id), '') FROM tasks t LEFT JOIN users u ON u.id = t.created_by WHERE "             \
    "t.patient_id = :pid "                                                                         \
    /* tasks closed */                                                                             \
    "UNION ALL SELECT t.closed_at, 'task_closed', t.id, CAST(ifnull(u.name, 'caredesk') AS "       \
    "TEXT), 'Task ' || CASE t.status WHEN 'done' THEN 'done' ELSE 'cancelled' END || ': ' || "     \
    "cd_label('task', t.kind) || ifnull(' - ' || t.close_reason, ''), 'Task ' || "                 \
    "cd_label('task', t.kind) || ifnull(': ' || t.title, '') || char(10) || 'Closed: ' || "        \
    "t.status || ifnull(char(10) || 'Reason: ' || t.close_reason, '') FROM tasks t LEFT JOIN "     \
    "users u ON u.id = t.closed_by WHERE t.patient_id = :pid "                                     \
    /* contact attempts */                                                                         \
    "UNION ALL SELECT c.at, 'call', c.id, CAST(u.name AS TEXT), CASE c.channel WHEN 'phone' "      \
    "THEN 'Call' ELSE 'Contact (' || replace(c.channel, '_', ' ') || ')' END || ': ' || "          \
    "replace(c.outcome, '_', ' ') || ifnull(' - ' || substr(c.note, 1, instr(c.note || "           \
    "char(10), char(10)) - 1), ''), 'Contact by ' || replace(c.channel, '_', ' ') || ': ' || "     \
    "replace(c.outcome, '_', ' ') || CASE WHEN c.interactive THEN ' (interactive)' ELSE '' "       \
    "END || CASE WHEN c.late THEN ' (late)' ELSE '' END || ifnull(char(10) || c.note, '') "        \
    "FROM contacts c LEFT JOIN users u ON u.id = c.user_id WHERE c.patient_id = :pid "             \
    /* notes */                                                                                    \
    "UNION ALL SELECT n.at, 'note', n.id, CAST(u.name AS TEXT), substr(n.text, 1, "                \
    "instr(n.text || char(10), char(10)) - 1), n.text || '' FROM notes n LEFT JOIN users u "       \
    "ON u.id = n.user_id WHERE n.patient_id = :pid "                                               \
    /* time entries */                                                                             \
    "UNION ALL SELECT te.start_at, 'time', te.id, CAST(u.name AS TEXT), (te.seconds / 60) || "     \
    "':' || substr('0' || (te.seconds % 60), -2) || ' ' || cd_label('activity', te.activity) "     \
    "|| ' (' || cd_label('program', te.program) || ')' || CASE WHEN te.voided THEN ' "             \
    "(voided)' ELSE '' END, (te.seconds / 60) || ':' || substr('0' || (te.seconds % 60), -2) "     \
    "|| ' of ' || cd_label('activity', te.activity) || ' for ' || cd_label('program', "            \
    "te.program) || ' (' || te.source || ')' || ifnull(char(10) || te.note, '') || CASE WHEN "     \
    "te.voided THEN char(10) || 'Voided: ' || te.void_reason ELSE '' END FROM time_entries "       \
    "te LEFT JOIN users u ON u.id = te.user_id WHERE te.patient_id = :pid "                        \
    /* care plan versions */                                                                       \
    "UNION ALL SELECT v.created_at, 'careplan', v.version, CAST(u.name AS TEXT), 'Care plan "      \
    "version ' || v.version || ifnull(': ' || v.summary, ''), 'Care plan version ' || "            \
    "v.version || ifnull(char(10) || v.summary, '') || ifnull(char(10) || 'Next review: ' || "     \
    "v.next_review_date, '') FROM care_plans p JOIN care_plan_versions v ON v.care_plan_id = "     \
    "p.id LEFT JOIN users u ON u.id = v.created_by WHERE p.patient_id = :pid "                     \
    /* appointments booked */                                                                      \
    "UNION ALL SELECT a.created_at, 'appointment', a.id, CAST(u.name AS TEXT), 'Booked: ' || "     \
    "cd_label('appointment', a.kind) || ' with ' || a.provider || ' on ' || "                      \
    "replace(a.start_local, 'T', ' '), 'Booked: ' || cd_label('appointment', a.kind) || ' "        \
    "with ' || a.provider || char(10) || 'When: ' || replace(a.start_local, 'T', ' ') || ' "       \
    "(' || a.duration_min || ' min)' || ifnull(char(10) || 'Where: ' || a.location, '') || "       \
    "ifnull(char(10) || a.note, '') FROM appointments a LEFT JOIN users u ON u.id = "              \
    "a.created_by WHERE a.patient_id = :pid "                                                      \
    /* appointments moved, cancelled, kept or missed: the latest change, by whoever made it (its
     * latest audit entry: a death's cancellations are the recorder's or the import's) */                         \
    "UNION ALL SELECT a.updated_at, 'appointment_update', a.id, CAST((SELECT u.name FROM "         \
    "audit_log l JOIN users u ON u.id = l.user_id WHERE l.entity = 'appointment' AND "             \
    "l.entity_id = a.id ORDER BY l.id DESC LIMIT 1) AS TEXT), CASE "                               \
    "a.status WHEN 'cancelled' THEN 'Cancelled' WHEN 'kept' THEN 'Kept' WHEN 'no_show' THEN "      \
    "'Missed' ELSE 'Moved' END || ': ' || cd_label('appointment', a.kind) || ' with ' || "         \
    "a.provider || ' on ' || replace(a.start_local, 'T', ' '), 'Appointment ' || "                 \
    "replace(a.status, '_', ' ') || ': ' || cd_label('appointment', a.kind) || ' with ' || "       \
    "a.provider || char(10) || 'When: ' || replace(a.start_local, 'T', ' ') || CASE WHEN "         \
    "a.sequence > 0 THEN char(10) || 'Rescheduled ' || a.sequence || ' time(s)' ELSE '' END "      \
    "|| ifnull(char(10) || 'Reason: ' || a.cancel_reason, '') FROM appointments a WHERE "          \
    "a.patient_id = :pid AND (a.status <> 'booked' OR a.sequence > 0) "                            \
    /* referrals sent */                                                                           \
    "UNION ALL SELECT r.sent_at, 'referral', r.id, CAST(u.name AS TEXT), 'Referral sent to ' "     \
    "|| r.to_provider || ifnull(' (' || r.specialty || ')', '') || ifnull(': ' || r.reason, "      \
    "''), 'Referral to ' || r.to_provider || ifnull(' (' || r.specialty || ')', '') || "           \
    "ifnull(char(10) || 'Reason: ' || r.reason, '') || char(10) || 'Status: ' || r.status || "     \
    "ifnull(char(10) || r.note, '') FROM referrals r LEFT JOIN users u ON u.id = "                 \
    "r.created_by WHERE r.patient_id = :pid "                                                      \
    /* referrals closed */                                                                         \
    "UNION ALL SELECT r.closed_at, 'referral_closed', r.id, CAST(NULL AS TEXT), 'Referral ' "      \
    "|| r.status || ': ' || r.to_provider, 'Referral to ' || r.to_provider || ' ' || "             \
    "r.status || ifnull(char(10) || r.note, '') FROM referrals r WHERE r.patient_id = :pid "       \
    /* enrollments with their consent */                                                           \
    "UNION ALL SELECT en.created_at, 'enrollment', en.id, CAST(u.name AS TEXT), 'Enrolled in "     \
    "' || cd_label('program', en.program) || ' (' || en.status || ')' || ifnull(', consent ' "     \
    "|| en.consent_method || ifnull(' on ' || en.consent_date, ''), ''), 'Program ' || "           \
    "cd_label('program', en.program) || ': ' || en.status || ' from ' || en.start_date || "        \
    "ifnull(' to ' || en.end_date, '') || ifnull(char(10) || 'Consent: ' || "                      \
    "en.consent_method || ifnull(' on ' || en.consent_date, ''), '') || ifnull(char(10) || "       \
    "'Ended: ' || en.end_reason, '') || ifnull(char(10) || en.note, '') FROM enrollments en "      \
    "LEFT JOIN users u ON u.id = en.created_by WHERE en.patient_id = :pid "                        \
    /* the page: keyset after (:at, :kind, :id), newest first */                                   \
    ") WHERE at <= :at AND (at < :at OR kind < :kind OR (kind = :kind AND id < :id)) AND "         \
    "(:kinds IS NULL OR instr(:kinds, ',' || kind || ',') > 0) AND (:search IS NULL OR text "      \
    "LIKE :search ESCAPE '\\' OR detail LIKE :search ESCAPE '\\') ORDER BY at DESC, kind "         \
    "DESC, id DESC LIMIT :limit"
// clang-format on

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
    snprintf(cursor->at, sizeof cursor->at, "%s", cd_page_cell(page, row, CD_TIMELINE_COL_AT));
    snprintf(cursor->kind, sizeof cursor->kind, "%s",
             cd_page_cell(page, row, CD_TIMELINE_COL_KIND));
    cursor->id = cd_page_cell_int(page, row, CD_TIMELINE_COL_ID);
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
    int rc;
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
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(store, SQL_PAGE, &st, err))) {
        free(search);
        return rc;
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
    static const char *const cols[] = {CD_TIMELINE_COLUMNS(CD_PAGE_COL_NAME)};
    rc = page->ncols ? 0 : cd_page_set_columns(page, CD_TIMELINE_NCOLS, cols);
    if (!rc) /* a page being appended to holds the same columns */
        CD_PAGE_ASSERT_COLUMNS(page, CD_TIMELINE_COLUMNS);
    while (!rc && (rc = cd_db_step(store, st, err)) == 1) {
        char local[20] = "";
        time_t t;
        const char *at = cd_db_col_text(st, 0);
        if (at && !cd_instant_parse(at, &t, NULL))
            cd_instant_format_local(t, local);
        local[10] = '\0';
        /* the statement's columns: at kind id who text detail */
        const char *v[CD_TIMELINE_NCOLS] = {
            [CD_TIMELINE_COL_AT] = at,
            [CD_TIMELINE_COL_DAY] = local,
            [CD_TIMELINE_COL_TIME] = local + 11,
            [CD_TIMELINE_COL_KIND] = cd_db_col_text(st, 1),
            [CD_TIMELINE_COL_ID] = cd_db_col_text(st, 2),
            [CD_TIMELINE_COL_WHO] = cd_db_col_text(st, 3),
            [CD_TIMELINE_COL_TEXT] = cd_db_col_text(st, 4),
            [CD_TIMELINE_COL_DETAIL] = cd_db_col_text(st, 5),
        };
        rc = cd_page_add_row(page, v) ? CD_ENOMEM : 0;
    }
    cd_db_done(st);
    free(search);
    if (rc == CD_ENOMEM)
        return cd_error_set(err, CD_ENOMEM, "out of memory reading the timeline");
    return rc;
}

int cd_timeline_read(struct cd_store *store, const struct cd_timeline_query *q,
                     struct cd_page *page, struct cd_error *err)
{
    size_t before = page->nrows;
    int rc = cd_timeline_page(store, q, page, err);
    if (rc)
        return rc;
    char detail[48];
    size_t n = page->nrows - before;
    snprintf(detail, sizeof detail, "%zu entr%s", n, n == 1 ? "y" : "ies");
    return cd_audit_access(store, "timeline", q->patient_id, "read", detail, err);
}

int cd_timeline_explain(struct cd_store *store, struct cd_page *page, struct cd_error *err)
{
    return cd_db_query_page(store, SQL_EXPLAIN, NULL, 0, NULL, NULL, page, err);
}
