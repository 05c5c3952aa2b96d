/* SPDX-License-Identifier: MIT */
/* Unit tests of core/enrollment: programs, enroll with consent, consent added later, one active
 * enrollment per program, disenroll, the default program for a timer. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/enrollment.h"
#include "core/patient.h"
#include "core/store/audit.h"
#include "core/store/db.h"
#include "tests/lib/page_by_name.h"
#include "tests/lib/tap.h"
#include "tests/lib/testdb.h"

static struct cd_store *s;

/* The first column of the first row of QUERY as text ("" for NULL or none). */
static const char *one(const char *query)
{
    static char out[512];
    struct cd_error err = {0};
    struct cd_stmt *st;
    out[0] = '\0';
    if (!cd_db_prepare(s, query, &st, &err)) {
        if (cd_db_step(s, st, &err) == 1 && cd_db_col_text(st, 0))
            snprintf(out, sizeof out, "%s", cd_db_col_text(st, 0));
        cd_db_finalize(st);
    }
    return out;
}

/* Ending a program cancels the open tasks that exist only for it, whichever path ends it. */
static void program_tasks(void)
{
    struct cd_error err = {0};
    cd_store_begin(s, &err);
    if (cd_db_exec_script(
            s,
            "INSERT INTO patients(id, mrn, family_name, given_name, name_key, created_at, "
            "updated_at) VALUES (50, '2002', 'Hussain', 'Zoë', 'hussain zoe', "
            "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
            "INSERT INTO encounters(id, patient_id, setting, discharge_at, discharge_date, "
            "complexity, tcm_eligible, source, external_id, created_at) VALUES (50, 50, "
            "'inpatient', '2026-10-30T15:00:00Z', '2026-10-30', 'moderate', 1, 'manual', 'X1', "
            "'2026-10-30T16:00:00Z');"
            "INSERT INTO enrollments(patient_id, program, status, start_date, end_date, "
            "encounter_id, created_at) VALUES (50, 'tcm', 'active', '2026-10-30', '2026-11-28', "
            "50, '2026-10-30T16:00:00Z'), (50, 'ccm', 'active', '2026-01-01', NULL, NULL, "
            "'2026-01-01T00:00:00Z'), (50, 'pcm', 'active', '2026-01-01', NULL, NULL, "
            "'2026-01-01T00:00:00Z');"
            "INSERT INTO tasks(id, patient_id, kind, due_at, due_date, encounter_id, created_at) "
            "VALUES (51, 50, 'tcm_contact', '2026-11-04T04:59:59Z', '2026-11-03', 50, "
            "'2026-10-30T16:00:00Z'), (52, 50, 'tcm_visit', '2026-11-14T04:59:59Z', "
            "'2026-11-13', 50, '2026-10-30T16:00:00Z'), (53, 50, 'ccm_outreach', "
            "'2026-11-03T04:59:59Z', '2026-11-02', NULL, '2026-11-02T11:00:00Z'), (54, 50, "
            "'careplan_review', '2026-11-03T04:59:59Z', '2026-11-02', NULL, "
            "'2026-11-02T11:00:00Z'), (55, 50, 'callback', '2026-11-03T15:00:00Z', "
            "'2026-11-03', NULL, '2026-11-02T11:00:00Z');",
            &err) ||
        cd_store_commit(s, &err)) {
        printf("Bail out! %s\n", err.msg);
        exit(1);
    }
    int tasks = -1, n = -1, today;
    char ended[64];
    cd_date_parse("2026-11-02", &today, NULL);
    is_int(cd_enrollment_end(s, "2002", "tcm", NULL, "refused", NULL, &tasks, &err), 0,
           "disenroll from TCM");
    is_int(tasks, 2, "its contact and visit cancelled");
    is_str(one("SELECT group_concat(id || ' ' || status || ' ' || close_reason, ', ') FROM tasks "
               "WHERE patient_id = 50 AND status <> 'open'"),
           "51 cancelled program ended: refused, 52 cancelled program ended: refused",
           "closed with the reason");
    is_str(one("SELECT count(*) FROM audit_log WHERE entity = 'task' AND action = 'cancel' AND "
               "entity_id IN (51, 52) AND detail = 'program ended: refused'"),
           "2", "each audited");
    is_int(cd_enrollment_end_active(s, 50, "ccm", today, "refused", ended, sizeof ended, &n, &tasks,
                                    &err),
           0, "end CCM");
    is_int(tasks, 0, "PCM is left: its outreach and the plan's review stay");
    is_int(cd_enrollment_end(s, "2002", "pcm", NULL, NULL, NULL, &tasks, &err), 0, "end PCM");
    is_int(tasks, 2, "no care-management program left: outreach and review cancelled");
    is_str(one("SELECT group_concat(id || ' ' || close_reason, ', ') FROM tasks WHERE id IN (53, "
               "54)"),
           "53 program ended, 54 program ended", "without a reason: program ended");
    is_str(one("SELECT status FROM tasks WHERE id = 55"), "open", "a call back is no program's");
}

int main(void)
{
    s = testdb_open("America/New_York", "2026-11-02T09:00");
    struct cd_error err = {0};
    int64_t pid, id = 0, id2 = 0;
    int added = -1;
    struct cd_patient_in p = {
        .mrn = "1001", .family = "Núñez", .given = "Zoë", .birth_date = "1948-05-12"};
    cd_patient_add(s, &p, &pid, &err);

    ok(cd_program_valid("tcm") && !cd_program_valid("xyz"), "program_valid");
    ok(!cd_program_enrollable("tcm") && cd_program_enrollable("apcm"), "tcm opens by discharge");
    is_str(cd_program_label("ccm_complex"), "Complex CCM", "label");

    struct cd_enroll_in in = {.mrn = "1001", .program = "ccm", .consent = "verbal"};
    is_int(cd_enrollment_enroll(s, &in, &id, &added, &err), 0, "enroll");
    is_int(added, 0, "a new enrollment");
    is_int(cd_enrollment_enroll(s, &in, &id2, &added, &err), CD_EEXIST, "second active refused");
    is_str(err.msg, "1001 is already enrolled in ccm (since 2026-11-02)", "duplicate message");

    struct cd_enroll_in bad = {.mrn = "1001", .program = "tcm", .consent = "verbal"};
    is_int(cd_enrollment_enroll(s, &bad, NULL, NULL, &err), CD_EINVAL, "tcm refused");
    is_str(err.msg, "program: 'tcm' is not one of ccm, ccm_complex, pcm, apcm, coordination",
           "program message");
    bad.program = "pcm";
    bad.consent = "nod";
    cd_enrollment_enroll(s, &bad, NULL, NULL, &err);
    is_str(err.msg, "consent: 'nod' is not verbal, written or none", "consent message");
    bad.consent = "written";
    bad.date = "2026-11-03";
    cd_enrollment_enroll(s, &bad, NULL, NULL, &err);
    is_str(err.msg, "date: '2026-11-03' is in the future", "future date");
    bad.date = "2026-02-30";
    cd_enrollment_enroll(s, &bad, NULL, NULL, &err);
    is_str(err.msg, "date: '2026-02-30' is not a date (YYYY-MM-DD)", "bad date");
    bad.mrn = "9999";
    bad.date = NULL;
    is_int(cd_enrollment_enroll(s, &bad, NULL, NULL, &err), CD_ENOTFOUND, "unknown MRN");

    /* consent 'none' is recorded; a later verbal consent is added to the same enrollment */
    struct cd_enroll_in pcm = {.mrn = "1001",
                               .program = "pcm",
                               .consent = "none",
                               .date = "2026-10-15",
                               .note = "thinking about it"};
    is_int(cd_enrollment_enroll(s, &pcm, &id, &added, &err), 0, "enroll without consent");
    pcm.consent = "written";
    pcm.date = "2026-10-20";
    is_int(cd_enrollment_enroll(s, &pcm, &id2, &added, &err), 0, "consent recorded later");
    is_int(added, 1, "consent added");
    is_int(id2, id, "same enrollment");
    struct cd_page page = CD_PAGE_INIT;
    cd_enrollment_list(s, pid, &page, &err);
    is_int(page.nrows, 2, "two enrollments");
    is_str(page_str(&page, 1, "program"), "pcm", "older one second");
    is_str(page_str(&page, 1, "consent_method"), "written", "consent method");
    is_str(page_str(&page, 1, "consent_date"), "2026-10-20", "consent date");
    is_str(page_str(&page, 1, "consent_by"), "admin", "who took it");
    is_str(page_str(&page, 1, "start_date"), "2026-10-15", "start date kept");
    cd_page_free(&page);
    cd_audit_list(s, "enrollment", id, &page, &err);
    is_int(page.nrows, 2, "enroll and consent audited");
    is_str(page_str(&page, 1, "detail"), "written consent on 2026-10-20", "consent audit");
    cd_page_free(&page);

    char prog[16];
    cd_enrollment_default_program(s, pid, prog, &err);
    is_str(prog, "pcm", "pcm before ccm for a new timer");

    is_int(cd_enrollment_end(s, "1001", "pcm", "2026-10-01", NULL, NULL, NULL, &err), CD_EINVAL,
           "end before start refused");
    is_str(err.msg, "date: '2026-10-01' is before the enrollment began (2026-10-15)", "message");
    is_int(cd_enrollment_end(s, "1001", "pcm", NULL, "declined", NULL, NULL, &err), CD_EINVAL,
           "a reason outside the table");
    is_str(err.msg,
           "reason: 'declined' is not one of died, refused, moved, changed_provider, hospice, "
           "long_term_care, no_longer_eligible, program_changed or other",
           "the message names the known reasons");
    is_int(
        cd_enrollment_end(s, "1001", "pcm", NULL, "refused", "declined further care", NULL, &err),
        0, "end");
    is_int(cd_enrollment_end(s, "1001", "pcm", NULL, NULL, NULL, NULL, &err), CD_ENOTFOUND,
           "end twice");
    is_str(err.msg, "1001 is not enrolled in pcm", "not enrolled message");
    cd_enrollment_default_program(s, pid, prog, &err);
    is_str(prog, "ccm", "ccm after pcm ended");
    cd_enrollment_list(s, pid, &page, &err);
    is_str(page_str(&page, 1, "status"), "ended", "status ended");
    is_str(page_str(&page, 1, "end_reason"), "refused", "end reason: the table's key");
    is_str(page_str(&page, 1, "note"), "thinking about it\ndeclined further care",
           "the note kept after the enrollment's own");
    cd_page_free(&page);
    is_int(cd_enrollment_enroll(s, &pcm, &id2, &added, &err), 0, "re-enroll after the end");
    ok(id2 != id, "a new enrollment");

    /* the reasons table and ending every active enrollment at once (a death, a refusal) */
    is_int((int)cd_enrollment_reason_count(), 9, "nine reasons in the table");
    is_str(cd_enrollment_reason_get(0)->key, "died", "died first");
    is_str(cd_enrollment_reason_find("changed_provider")->text,
           "Patient changed to another practice or provider", "reason text");
    ok(cd_enrollment_reason_find("Died") == NULL, "keys are exact");
    char ended[64];
    int n = -1, today;
    cd_date_parse("2026-11-02", &today, NULL);
    is_int(cd_enrollment_end_active(s, pid, "ccmx", today, "refused", ended, sizeof ended, &n, NULL,
                                    &err),
           CD_EINVAL, "an unknown program");
    is_str(err.msg, "program: 'ccmx' is not a program or all", "program message");
    is_int(
        cd_enrollment_end_active(s, pid, "all", today, "sad", ended, sizeof ended, &n, NULL, &err),
        CD_EINVAL, "an unknown reason");
    is_int(cd_enrollment_end_active(s, pid, "pcm", today, "refused", ended, sizeof ended, &n, NULL,
                                    &err),
           0, "end pcm only");
    is_int(n, 1, "one ended");
    is_str(ended, "pcm", "pcm named");
    is_int(cd_enrollment_end_active(s, pid, "all", today - 400, "died", ended, sizeof ended, &n,
                                    NULL, &err),
           0, "end all");
    is_int(n, 1, "ccm was left");
    is_str(ended, "ccm", "ccm named");
    cd_enrollment_list(s, pid, &page, &err);
    is_str(page_str(&page, 0, "end_date"), "2026-11-02",
           "a day before the start ends it on its first day");
    is_str(page_str(&page, 0, "end_reason"), "died", "reason died");
    cd_page_free(&page);
    is_int(
        cd_enrollment_end_active(s, pid, "all", today, "died", ended, sizeof ended, &n, NULL, &err),
        0, "nothing left to end is no error");
    is_int(n, 0, "none ended");
    is_str(ended, "", "none named");
    program_tasks();
    cd_store_close(s);
    return done_testing();
}
