/* SPDX-License-Identifier: MIT */
/* Unit tests of core/encounter: dispositions, eligibility, validation, what a discharge creates. */
#include "config.h"

#include "core/base/page.h"
#include "core/encounter.h"
#include "core/patient.h"
#include "core/store/db.h"
#include "core/store/store_impl.h"
#include "core/task.h"
#include "tests/lib/tap.h"
#include "tests/lib/testdb.h"

static struct cd_discharge_in base(void)
{
    return (struct cd_discharge_in){.mrn = "E1",
                                    .family_name = "Doe",
                                    .given_name = "Jane",
                                    .discharge_at = "2026-11-20T14:30",
                                    .admit_at = "2026-11-17",
                                    .facility = "St. Mary's",
                                    .setting = "inpatient",
                                    .disposition = "01",
                                    .source = "manual"};
}

static const char *one(struct cd_store *store, const char *sql)
{
    static char out[256];
    sqlite3_stmt *st;
    out[0] = '\0';
    if (sqlite3_prepare_v2(cd_store_sqlite(store), sql, -1, &st, NULL) == SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
            snprintf(out, sizeof out, "%s", (const char *)sqlite3_column_text(st, 0));
        sqlite3_finalize(st);
    }
    return out;
}

int main(void)
{
    struct cd_store *store = testdb_open("America/New_York", "2026-11-23T09:00");
    struct cd_error err = {0};
    const char *why;

    const struct cd_disposition *d = cd_disposition_find("01");
    ok(d && d->community, "01 home is a community setting");
    is_str(cd_disposition_find("home")->code, "01", "found by key");
    is_str(cd_disposition_find("HOME_HEALTH")->code, "06", "key any case");
    is_str(cd_disposition_find("02")->reason, "discharged to another hospital", "02 reason");
    is_str(cd_disposition_find("03")->reason, "discharged to a skilled nursing facility", "03");
    is_str(cd_disposition_find("20")->reason, "patient died", "20 expired");
    ok(cd_disposition_find("50")->community, "50 hospice at home is community");
    ok(cd_disposition_find("99") == NULL, "unknown code");

    ok(cd_discharge_eligible("inpatient", "I", cd_disposition_find("01"), false, &why), "eligible");
    ok(why == NULL, "no reason");
    ok(!cd_discharge_eligible("inpatient", "E", cd_disposition_find("01"), false, &why), "ED");
    is_str(why, "emergency department visit (PV1-2 = E)", "ED reason");
    ok(!cd_discharge_eligible("ed", NULL, NULL, false, &why), "ed setting");
    is_str(why, "emergency department visit", "ed setting reason");
    ok(!cd_discharge_eligible("outpatient", NULL, NULL, false, &why), "outpatient");
    is_str(why, "not a qualifying inpatient, observation or facility stay", "outpatient reason");
    ok(!cd_discharge_eligible("inpatient", NULL, cd_disposition_find("01"), true, &why), "death");
    is_str(why, "patient died", "death reason");
    ok(!cd_discharge_eligible("snf", NULL, cd_disposition_find("02"), false, &why), "hospital");
    ok(cd_discharge_eligible("observation", NULL, NULL, false, &why), "no disposition = home");
    for (const char *const *s = (const char *const[]){"inpatient", "snf", "irf", "ltch", "psych",
                                                      "observation", "partial", NULL};
         *s; s++)
        ok(cd_discharge_setting_qualifies(*s), "%s qualifies", *s);

    struct cd_discharge_in in = base();
    is_int(cd_discharge_validate(&in, &err), 0, "valid");
    in.discharge_at = "2026-11-20T25:00";
    cd_discharge_validate(&in, &err);
    is_str(err.msg,
           "discharge_at: '2026-11-20T25:00' is not a date and time (expected "
           "YYYY-MM-DD[THH:MM[:SS][Z|+HH:MM]])",
           "bad time");
    in.discharge_at = "2026-11-16T10:00";
    cd_discharge_validate(&in, &err);
    is_str(err.msg, "discharge_at: '2026-11-16T10:00' is before admit_at '2026-11-17'",
           "discharge before admission");
    in.discharge_at = "2026-11-24T10:00";
    cd_discharge_validate(&in, &err);
    is_str(err.msg, "discharge_at: '2026-11-24T10:00' is in the future", "future");
    in = base();
    in.discharge_at = NULL;
    cd_discharge_validate(&in, &err);
    is_str(err.msg, "discharge_at: '' is empty", "missing discharge");
    in = base();
    in.setting = "hotel";
    cd_discharge_validate(&in, &err);
    is_str(err.msg,
           "setting: 'hotel' is not inpatient, snf, irf, ltch, psych, observation, "
           "partial, ed, outpatient or other",
           "bad setting");
    in = base();
    in.disposition = "99";
    cd_discharge_validate(&in, &err);
    is_str(err.msg,
           "disposition: '99' is not a NUBC discharge status code or name (see "
           "dispositions.tsv)",
           "bad disposition");
    in = base();
    in.diagnoses = "I50.9; E11";
    is_int(cd_discharge_validate(&in, &err), 0, "diagnoses ok");
    in.diagnoses = "I50.9;heart";
    cd_discharge_validate(&in, &err);
    is_str(err.msg, "diagnoses: 'heart' is not an ICD-10 code", "bad diagnosis");
    in = base();
    in.complexity = "extreme";
    cd_discharge_validate(&in, &err);
    is_str(err.msg, "complexity: 'extreme' is not moderate or high", "bad complexity");
    in = base();
    in.family_name = "D\xff";
    cd_discharge_validate(&in, &err);
    is_str(err.msg, "family_name: 'D\xff' is not valid UTF-8", "invalid UTF-8");

    /* an eligible discharge on Friday 2026-11-20, high complexity, patient with a coordinator */
    struct cd_discharge_result res;
    cd_user_add(store, "mrivera", "Maria Rivera", "coordinator", "north", NULL, &err);
    in = base();
    in.complexity = "high";
    in.diagnoses = "i50.9;e11.9";
    is_int(cd_discharge_record(store, &in, &res, &err), CD_EINVAL, "needs a transaction");
    cd_store_begin(store, &err);
    is_int(cd_discharge_record(store, &in, &res, &err), 0, "recorded");
    is_int(res.patient_created, 1, "patient created");
    is_int(res.encounter_created, 1, "encounter created");
    is_int(res.eligible, 1, "eligible");
    is_int(res.tasks_created, 2, "two tasks");
    char buf[CD_DATE_LEN];
    is_str(cd_date_format(res.discharge_day, buf), "2026-11-20", "discharge day");
    is_str(cd_date_format(res.due.contact_due, buf), "2026-11-24", "contact due Tuesday");
    is_int(cd_discharge_record(store, &in, &res, &err), 0, "again");
    is_int(res.encounter_created, 0, "already known");
    is_int(res.tasks_created, 0, "no new tasks");
    cd_store_commit(store, &err);
    is_str(one(store, "SELECT group_concat(kind || ' ' || due_date || ' ' || due_at || ' ' || "
                      "coalesce(team, '-'), ', ') FROM tasks"),
           "tcm_contact 2026-11-24 2026-11-25T04:59:59Z tcm, "
           "tcm_visit 2026-11-27 2026-11-28T04:59:59Z tcm",
           "tasks: contact and 7-day visit");
    is_str(one(store, "SELECT program || ' ' || status || ' ' || start_date || ' ' || end_date || "
                      "' ' || encounter_id FROM enrollments"),
           "tcm active 2026-11-20 2026-12-19 1", "enrollment for the 30-day period");
    is_str(one(store, "SELECT external_id || ' ' || diagnoses || ' ' || complexity || ' ' || "
                      "discharge_at FROM encounters"),
           "E1|2026-11-20T19:30:00Z|St. Mary's I50.9;E11.9 high 2026-11-20T19:30:00Z",
           "derived external id, normalised diagnoses");

    /* moderate, with a coordinator: assigned, 14-day visit; offset converted to the clinic zone */
    struct cd_patient_in who = {
        .mrn = "E1", .family = "Doe", .given = "Jane", .coordinator = "mrivera"};
    int64_t pid;
    int created, changed;
    cd_store_begin(store, &err);
    cd_patient_upsert(store, &who, &pid, &created, &changed, &err);
    cd_store_commit(store, &err);
    in = base();
    in.discharge_at = "2026-11-21T03:30:00+00:00"; /* 22:30 on the 20th in New York */
    in.external_id = "V2";
    cd_store_begin(store, &err);
    is_int(cd_discharge_record(store, &in, &res, &err), 0, "second stay");
    is_str(cd_date_format(res.discharge_day, buf), "2026-11-20", "clinic-zone date");
    in = base();
    in.disposition = "02";
    in.external_id = "V3";
    is_int(cd_discharge_record(store, &in, &res, &err), 0, "to another hospital");
    is_int(res.eligible, 0, "not eligible");
    is_str(res.reason, "discharged to another hospital", "reason");
    is_int(res.tasks_created, 0, "no tasks");
    in = base();
    in.discharge_at = "2026-10-01T10:00";
    in.admit_at = NULL;
    in.external_id = "V4";
    is_int(cd_discharge_record(store, &in, &res, &err), 0, "old discharge");
    is_str(res.reason, "the 30-day TCM period ended on 2026-10-30", "period already over");
    cd_store_commit(store, &err);
    is_str(one(store, "SELECT group_concat(kind || ' ' || due_date || ' ' || "
                      "coalesce(assignee_id, '-'), ', ') FROM tasks WHERE encounter_id = 2"),
           "tcm_contact 2026-11-24 2, tcm_visit 2026-12-04 2", "assigned, 14-day visit");
    is_str(one(store, "SELECT ineligible_reason FROM encounters WHERE external_id = 'V3'"),
           "discharged to another hospital", "reason recorded");

    /* cancel */
    int64_t eid;
    int tasks;
    is_int(cd_encounter_find(store, "manual", "V2", &eid, &err), 0, "find");
    cd_store_begin(store, &err);
    is_int(cd_encounter_cancel(store, eid, "discharge cancelled", &tasks, &changed, &err), 0,
           "cancel");
    is_int(tasks, 2, "two tasks cancelled");
    is_int(changed, 1, "changed");
    is_int(cd_encounter_cancel(store, eid, "again", &tasks, &changed, &err), 0, "again");
    is_int(changed, 0, "already cancelled");
    cd_store_commit(store, &err);
    is_str(one(store, "SELECT status || ' ' || end_reason FROM enrollments WHERE encounter_id = 2"),
           "ended discharge cancelled", "enrollment ended");

    /* the re-import key: the visit number, else MRN, discharge instant and facility */
    struct cd_discharge_in k = {.mrn = "1001", .discharge_at = "2026-11-20T14:30"};
    struct cd_strbuf key = CD_STRBUF_INIT;
    is_int(cd_encounter_key(&k, &key, &err), 0, "a key without a visit number");
    is_str(cd_strbuf_str(&key), "1001|2026-11-20T19:30:00Z|", "no facility: empty, never (null)");
    cd_strbuf_free(&key);
    k.facility = "General";
    cd_encounter_key(&k, &key, &err);
    is_str(cd_strbuf_str(&key), "1001|2026-11-20T19:30:00Z|General", "with the facility");
    cd_strbuf_free(&key);
    k.external_id = "V778";
    cd_encounter_key(&k, &key, &err);
    is_str(cd_strbuf_str(&key), "V778", "the visit number when there is one");
    cd_strbuf_free(&key);
    k.external_id = NULL;
    k.discharge_at = "yesterday";
    is_int(cd_encounter_key(&k, &key, &err), CD_EINVAL, "a time that does not parse");
    ok(strncmp(err.msg, "discharge_at: ", 14) == 0, "names the field: %s", err.msg);
    cd_strbuf_free(&key);
    cd_store_close(store);
    return done_testing();
}
