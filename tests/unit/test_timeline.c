/* SPDX-License-Identifier: MIT */
/* Unit tests of core/timeline: every source, order, keyset paging across equal instants, kind
 * filter, search, jump to a date, and the query plan (an index for every source). */
#include "config.h"

#include <stdlib.h>

#include "core/careplan.h"
#include "core/note.h"
#include "core/patient.h"
#include "core/store/db.h"
#include "core/timeline.h"
#include "core/user.h"
#include "tests/lib/page_by_name.h"
#include "tests/lib/tap.h"
#include "tests/lib/testdb.h"

static const char EVENTS[] =
    "INSERT INTO encounters(patient_id, setting, facility, admit_at, discharge_at, discharge_date, "
    " disposition, disposition_text, diagnoses, tcm_eligible, source, external_id, created_at) "
    "VALUES "
    " (1, 'inpatient', 'Mercy', '2026-10-20T13:00:00Z', '2026-10-25T19:00:00Z', '2026-10-25', "
    "  '01', 'home', 'I50.9', 1, 'manual', 'v1', '2026-10-25T20:00:00Z'),"
    " (1, 'ed', 'Mercy ED', '2026-09-01T02:00:00Z', '2026-09-01T06:00:00Z', '2026-09-01', "
    "  '01', 'home', NULL, 0, 'manual', 'v2', '2026-09-01T07:00:00Z');"
    "INSERT INTO tasks(patient_id, kind, title, due_at, due_date, status, created_at, closed_at, "
    " closed_by, close_reason) VALUES (1, 'tcm_contact', 'Call after discharge', "
    " '2026-10-28T03:59:59Z', '2026-10-27', 'done', '2026-10-25T20:00:00Z', "
    " '2026-10-26T15:00:00Z', 2, 'reached');"
    "INSERT INTO contacts(patient_id, user_id, at, outcome, interactive, note) VALUES "
    " (1, 2, '2026-10-26T15:00:00Z', 'reached', 1, 'Feeling better' || char(10) || 'Weight 81 kg');"
    "INSERT INTO time_entries(patient_id, user_id, program, performer_role, start_at, end_at, "
    " seconds, month, activity, source, created_at) VALUES (1, 2, 'ccm', 'clinical_staff', "
    " '2026-10-26T15:00:00Z', '2026-10-26T15:12:30Z', 750, '2026-10', 'call', 'timer', "
    " '2026-10-26T15:12:30Z');"
    "INSERT INTO appointments(uid, patient_id, kind, status, start_at, start_local, duration_min, "
    " tzid, provider, created_at, created_by, updated_at, sequence) VALUES "
    " ('u1', 1, 'tcm_visit', 'kept', '2026-10-30T14:00:00Z', '2026-10-30T10:00', 30, "
    "  'America/New_York', 'Dr Patel', '2026-10-26T15:20:00Z', 2, '2026-10-30T15:00:00Z', 0);"
    "INSERT INTO referrals(patient_id, to_provider, specialty, reason, status, sent_at, closed_at, "
    " created_by) VALUES (1, 'Heart Clinic', 'cardiology', 'HF follow-up', 'completed', "
    " '2026-10-27T14:00:00Z', '2026-10-31T14:00:00Z', 2);"
    "INSERT INTO enrollments(patient_id, program, status, start_date, consent_date, "
    "consent_method, "
    " created_at, created_by) VALUES (1, 'ccm', 'active', '2026-10-01', '2026-10-01', 'verbal', "
    " '2026-10-01T14:00:00Z', 2);";

static int64_t pid;

static int page(struct cd_store *store, struct cd_timeline_query *q, struct cd_page *out)
{
    struct cd_error err = {0};
    q->patient_id = pid;
    cd_page_reset(out);
    int rc = cd_timeline_page(store, q, out, &err);
    if (rc)
        printf("# %s\n", err.msg);
    return rc;
}

int main(void)
{
    struct cd_store *store = testdb_open("America/New_York", "2026-11-02T09:00");
    struct cd_error err = {0};
    int64_t nurse;
    cd_user_add(store, "mrivera", "Maria Rivera", "coordinator", NULL, &nurse, &err);
    struct cd_patient_in in = {.mrn = "1001", .family = "Núñez", .given = "Zoë"};
    cd_patient_add(store, &in, &pid, &err);
    cd_store_set_actor(store, nurse);
    cd_store_begin(store, &err);
    is_int(cd_db_exec_script(store, EVENTS, &err), 0, "events inserted %s", err.msg);
    cd_store_commit(store, &err);
    cd_note_add(store, pid, "Daughter called\nasks for a ride", NULL, &err);
    struct cd_careplan *cp = NULL;
    cd_careplan_load(store, pid, 0, &cp, &err);
    struct cd_careplan_fields f = {.text = "Heart failure", .code = "I50.9"};
    cd_careplan_add(cp, CD_CAREPLAN_PROBLEM, &f, NULL, &err);
    cd_careplan_save(store, cp, 0, NULL, &err);
    cd_careplan_free(cp);

    unsigned mask = 0;
    is_int(cd_timeline_kinds_parse("note,call", &mask, &err), 0, "kinds parse");
    is_int(mask, (1u << CD_TIMELINE_NOTE) | (1u << CD_TIMELINE_CALL), "kind mask");
    is_int(cd_timeline_kinds_parse("note,calls", &mask, &err), CD_EINVAL, "unknown kind");
    ok(strncmp(err.msg, "kind: 'calls' is not a timeline kind (", 38) == 0, "kind message");

    /* every source, newest first, one line each */
    struct cd_page pg = CD_PAGE_INIT;
    struct cd_timeline_query q = {.limit = 100};
    is_int(page(store, &q, &pg), 0, "whole timeline");
    static const char *const timeline_cols[] = {CD_TIMELINE_COLUMNS(CD_PAGE_COL_NAME)};
    ok(cd_page_columns_are(&pg, timeline_cols, CD_TIMELINE_NCOLS),
       "the page has the columns timeline.h declares");
    struct cd_strbuf sb = CD_STRBUF_INIT;
    for (size_t r = 0; r < pg.nrows; r++)
        cd_strbuf_addf(&sb, "%s %s %s|%s|%s\n", page_str(&pg, r, "day"), page_str(&pg, r, "time"),
                       page_str(&pg, r, "kind"), page_str(&pg, r, "who"), page_str(&pg, r, "text"));
    is_str(
        cd_strbuf_str(&sb),
        "2026-11-02 09:00 note|Maria Rivera|Daughter called\n"
        "2026-11-02 09:00 careplan|Maria Rivera|Care plan version 1: added problem-1\n"
        "2026-10-31 10:00 referral_closed||Referral completed: Heart Clinic\n"
        "2026-10-30 11:00 appointment_update||Kept: TCM face-to-face visit with Dr Patel on "
        "2026-10-30 10:00\n"
        "2026-10-27 10:00 referral|Maria Rivera|Referral sent to Heart Clinic (cardiology): HF "
        "follow-up\n"
        "2026-10-26 11:20 appointment|Maria Rivera|Booked: TCM face-to-face visit with Dr Patel on "
        "2026-10-30 10:00\n"
        "2026-10-26 11:00 time|Maria Rivera|12:30 Call with patient or caregiver (CCM)\n"
        "2026-10-26 11:00 task_closed|Maria Rivera|Task done: TCM contact - reached\n"
        "2026-10-26 11:00 call|Maria Rivera|Call: reached - Feeling better\n"
        "2026-10-25 16:00 task_created|caredesk|Task TCM contact: Call after discharge, due "
        "2026-10-27\n"
        "2026-10-25 15:00 discharge|Mercy|Discharged from Mercy to home (01)\n"
        "2026-10-20 09:00 admission|Mercy|Admitted to Mercy (inpatient)\n"
        "2026-10-01 10:00 enrollment|Maria Rivera|Enrolled in CCM (active), consent verbal on "
        "2026-10-01\n"
        "2026-09-01 02:00 ed_visit|Mercy ED|ED visit at Mercy ED, home\n",
        "every source, newest first");
    cd_strbuf_free(&sb);
    is_str(page_str(&pg, 0, "detail"), "Daughter called\nasks for a ride", "note detail");
    is_str(page_str(&pg, 8, "detail"),
           "Contact by phone: reached (interactive)\nFeeling better\nWeight 81 kg", "call detail");
    is_str(page_str(&pg, 10, "detail"),
           "Discharged from Mercy (inpatient) on 2026-10-25\nDisposition: 01 home\n"
           "Diagnoses: I50.9\nTCM: eligible",
           "discharge detail");
    is_str(page_str(&pg, 10, "at"), "2026-10-25T19:00:00Z", "instant in UTC");

    /* filter, search, jump to a date */
    q = (struct cd_timeline_query){.kinds = mask =
                                       (1u << CD_TIMELINE_CALL) | (1u << CD_TIMELINE_NOTE)};
    page(store, &q, &pg);
    is_int(pg.nrows, 2, "kind filter");
    q = (struct cd_timeline_query){.search = "WEIGHT 81"};
    page(store, &q, &pg);
    is_int(pg.nrows, 1, "search is case-insensitive and reads the detail");
    is_str(page_str(&pg, 0, "kind"), "call", "search hit");
    q = (struct cd_timeline_query){.search = "100%"};
    page(store, &q, &pg);
    is_int(pg.nrows, 0, "LIKE wildcards are literal");
    q = (struct cd_timeline_query){.limit = 2};
    is_int(cd_timeline_cursor_at_date(&q.after, "2026-10-26", &err), 0, "jump to a date");
    page(store, &q, &pg);
    is_str(page_str(&pg, 0, "text"),
           "Booked: TCM face-to-face visit with Dr Patel on 2026-10-30 10:00",
           "starts with the last entry of that local day");
    is_int(cd_timeline_cursor_at_date(&q.after, "2026-13-01", &err), CD_EINVAL, "bad date");
    q = (struct cd_timeline_query){.limit = 1001};
    is_int(page(store, &q, &pg), CD_EINVAL, "limit checked");

    /* keyset paging across many equal instants */
    cd_store_begin(store, &err);
    cd_db_exec_script(
        store,
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 25) "
        "INSERT INTO notes(patient_id, user_id, at, text) "
        "SELECT 1, 2, '2026-08-01T12:00:00Z', 'same ' || i FROM n;"
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10) "
        "INSERT INTO contacts(patient_id, user_id, at, outcome, interactive) "
        "SELECT 1, 2, '2026-08-01T12:00:00Z', 'voicemail', 0 FROM n;",
        &err);
    cd_store_commit(store, &err);
    q = (struct cd_timeline_query){.limit = 7};
    cd_timeline_cursor_at_date(&q.after, "2026-08-01", &err);
    int seen = 0, pages = 0, ordered = 1, dup = 0;
    char last[64] = "";
    int64_t ids[64];
    while (page(store, &q, &pg) == 0 && pg.nrows > 0) {
        pages++;
        for (size_t r = 0; r < pg.nrows; r++) {
            char key[64];
            snprintf(key, sizeof key, "%s|%s|%08lld", page_str(&pg, r, "at"),
                     page_str(&pg, r, "kind"), (long long)page_int(&pg, r, "id"));
            if (last[0] && strcmp(key, last) >= 0)
                ordered = 0;
            snprintf(last, sizeof last, "%s", key);
            int64_t id =
                page_int(&pg, r, "id") * (strcmp(page_str(&pg, r, "kind"), "call") ? 1 : -1);
            for (int k = 0; k < seen && k < 64; k++)
                dup += ids[k] == id;
            if (seen < 64)
                ids[seen] = id;
            seen++;
        }
        cd_timeline_cursor_from_page(&q.after, &pg, pg.nrows - 1);
    }
    is_int(seen, 35, "every entry once across pages");
    is_int(pages, 5, "five pages of seven");
    ok(ordered, "strictly newest first by (at, kind, id)");
    is_int(dup, 0, "no entry twice");

    /* the plan: every source through an index, no full sort */
    struct cd_page plan = CD_PAGE_INIT;
    is_int(cd_timeline_explain(store, &plan, &err), 0, "explain");
    int search = 0, scan = 0, fullsort = 0;
    for (size_t r = 0; r < plan.nrows; r++) {
        const char *d = page_str(&plan, r, "detail");
        if (strncmp(d, "SEARCH", 6) == 0 && strstr(d, "patient"))
            search++;
        if (strncmp(d, "SCAN", 4) == 0)
            scan++, printf("# %s\n", d);
        if (strcmp(d, "USE TEMP B-TREE FOR ORDER BY") == 0)
            fullsort++;
    }
    ok(search >= 14, "a SEARCH on a patient index per source (%d)", search);
    is_int(scan, 0, "no table scan");
    is_int(fullsort, 0, "no full sort: the arms are merged in index order");
    cd_page_free(&plan);
    cd_page_free(&pg);
    cd_store_close(store);
    return done_testing();
}
