/* SPDX-License-Identifier: MIT */
/* Unit tests of core/appointment and core/uuid: validation, daylight-saving wall times, sequence
 * numbering, status rules, the TCM visit window and its task, listing and the audit trail. */
#include "config.h"

#include "core/appointment.h"
#include "core/base/uuid.h"
#include "core/patient.h"
#include "core/store/audit.h"
#include "core/store/db.h"
#include "core/store/store_impl.h"
#include "tests/lib/page_by_name.h"
#include "tests/lib/tap.h"
#include "tests/lib/testdb.h"

static struct cd_store *store;

static void sql(const char *script)
{
    struct cd_error err = {0};
    cd_store_begin(store, &err);
    if (cd_db_exec_script(store, script, &err) || cd_store_commit(store, &err)) {
        printf("Bail out! %s\n", err.msg);
        exit(1);
    }
}

/* One value of a one-row query, as text (static buffer). */
static const char *q(const char *query)
{
    static char buf[256];
    struct cd_page page = CD_PAGE_INIT;
    struct cd_error err = {0};
    buf[0] = '\0';
    struct cd_stmt *st;
    if (!cd_db_prepare(store, query, &st, &err)) {
        if (!cd_db_fill_page(store, st, &page, &err) && page.nrows)
            snprintf(buf, sizeof buf, "%s",
                     cd_page_get(&page, 0, 0) ? cd_page_get(&page, 0, 0) : "NULL");
        cd_db_finalize(st);
    }
    cd_page_free(&page);
    return buf;
}

static void test_uuid(void)
{
    char a[CD_UUID_LEN], b[CD_UUID_LEN];
    struct cd_error err = {0};
    is_int(cd_uuid_v4(a, &err), 0, "uuid made");
    is_int(cd_uuid_v4(b, &err), 0, "second uuid made");
    is_int((int)strlen(a), 36, "uuid is 36 characters");
    ok(cd_uuid_valid(a), "uuid is a valid v4: %s", a);
    ok(a[14] == '4', "version nibble 4");
    ok(strchr("89ab", a[19]) != NULL, "variant 10xx");
    ok(strcmp(a, b) != 0, "two uuids differ");
    ok(!cd_uuid_valid("00000000-0000-1000-8000-000000000000"), "v1 is not a v4");
    ok(!cd_uuid_valid("MRN001"), "garbage is not a uuid");
    /* from given bytes: the version and variant bits are set, the rest is kept */
    const unsigned char ones[16] = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
                                    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff};
    const unsigned char seq[16] = {0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77,
                                   0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff};
    cd_uuid_v4_from(ones, a);
    is_str(a, "ffffffff-ffff-4fff-bfff-ffffffffffff", "all ones: version 4, variant 10");
    cd_uuid_v4_from(seq, a);
    is_str(a, "00112233-4455-4677-8899-aabbccddeeff", "bytes in order, lower-case hex");
}

static void test_validate(void)
{
    struct cd_error err = {0};
    struct cd_appointment_in in = {.mrn = "M1",
                                   .at = "2026-03-10T09:30",
                                   .duration_min = 30,
                                   .provider = "Dr. Lee",
                                   .kind = "lab"};
    is_int(cd_appointment_validate(&in, &err), 0, "a good booking validates");
    in.kind = "dentist";
    cd_appointment_validate(&in, &err);
    is_str(err.msg,
           "kind: 'dentist' is not a kind (tcm_visit, primary_care, specialist, lab, telehealth, "
           "other)",
           "bad kind message");
    in.kind = NULL;
    in.at = "2026-03-10 9:30";
    cd_appointment_validate(&in, &err);
    is_str(err.msg, "start: '2026-03-10 9:30' is not a date and time (YYYY-MM-DDTHH:MM)",
           "bad time message");
    in.at = "2026-02-30T09:30";
    cd_appointment_validate(&in, &err);
    is_str(err.msg, "start: '2026-02-30T09:30' is not a real date (YYYY-MM-DDTHH:MM)",
           "bad date message");
    in.at = "2026-03-10T24:00";
    cd_appointment_validate(&in, &err);
    is_str(err.msg, "start: '2026-03-10T24:00' is not a time of day (HH:MM)", "bad hour message");
    in.at = "2026-03-08T02:30";
    is_int(cd_appointment_validate(&in, &err), CD_EINVAL, "a skipped wall time is refused");
    is_str(err.msg,
           "start: '2026-03-08T02:30' does not exist in America/New_York (the clocks skip it for "
           "daylight saving time)",
           "skipped time message");
    in.at = "2026-03-10T09:30";
    in.duration_min = 0;
    cd_appointment_validate(&in, &err);
    is_str(err.msg, "duration: 0 is not a number of minutes from 1 to 1440", "duration message");
    in.duration_min = 30;
    in.provider = "";
    cd_appointment_validate(&in, &err);
    is_str(err.msg, "provider: '' is empty", "empty provider message");
    in.provider = "Dr.\tLee";
    cd_appointment_validate(&in, &err);
    is_str(err.msg, "provider: 'Dr.\tLee' has a control character", "control character message");
    is_str(cd_appointment_kind_label("tcm_visit"), "TCM face-to-face visit", "tcm label");
    ok(cd_appointment_kind_label("x") == NULL, "unknown kind has no label");
}

static void test_book_move_cancel(void)
{
    struct cd_error err = {0};
    struct cd_appointment_result res;
    struct cd_appointment_in in = {.mrn = "M1",
                                   .at = "2026-03-07T09:30",
                                   .duration_min = 30,
                                   .provider = "Smith, Alan",
                                   .location = "Suite 4",
                                   .kind = "primary_care"};
    is_int(cd_appointment_book(store, &in, &res, &err), 0, "booked");
    int64_t id = res.id;
    is_int(res.sequence, 0, "new appointment has sequence 0");
    is_str(res.warning, "", "no warning");
    is_str(q("SELECT start_at || ' ' || start_local || ' ' || tzid FROM appointments WHERE id = 1"),
           "2026-03-07T14:30:00Z 2026-03-07T09:30 America/New_York",
           "EST stored as UTC + wall time");
    char uid[64];
    snprintf(uid, sizeof uid, "%s", q("SELECT uid FROM appointments WHERE id = 1"));
    ok(cd_uuid_valid(uid), "uid is a random v4 uuid");

    struct cd_appointment_change ch = {.at = "2026-03-09T09:30"};
    is_int(cd_appointment_move(store, id, &ch, &res, &err), 0, "moved across the DST change");
    is_int(res.sequence, 1, "move: sequence 1");
    is_int(res.changed, 1, "move changed it");
    is_str(q("SELECT start_at FROM appointments WHERE id = 1"), "2026-03-09T13:30:00Z",
           "EDT start in UTC");
    is_int(cd_appointment_move(store, id, &ch, &res, &err), 0, "same move again");
    is_int(res.changed, 0, "nothing changed");
    is_int(res.sequence, 1, "sequence unchanged when nothing changed");
    ch = (struct cd_appointment_change){.location = "Room 2"};
    cd_appointment_move(store, id, &ch, &res, &err);
    is_int(res.sequence, 2, "a new place: sequence 2");
    ch = (struct cd_appointment_change){.duration_min = 45};
    cd_appointment_move(store, id, &ch, &res, &err);
    is_int(res.sequence, 3, "a new length: sequence 3");
    is_str(q("SELECT uid FROM appointments WHERE id = 1"), uid, "uid never changes");
    ch = (struct cd_appointment_change){.at = "2026-03-08T02:10"};
    is_int(cd_appointment_move(store, id, &ch, &res, &err), CD_EINVAL, "move into the gap refused");
    is_str(q("SELECT sequence FROM appointments WHERE id = 1"), "3", "refused move left it alone");

    is_int(cd_appointment_cancel(store, id, "patient asked", &res, &err), 0, "cancelled");
    is_int(res.sequence, 4, "cancel: sequence 4");
    is_str(q("SELECT status || '/' || cancel_reason FROM appointments WHERE id = 1"),
           "cancelled/patient asked", "status and reason stored");
    ch = (struct cd_appointment_change){.at = "2026-03-12T09:30"};
    is_int(cd_appointment_move(store, id, &ch, &res, &err), CD_ECONFLICT, "cancelled not movable");
    is_str(err.msg, "appointment 1 is cancelled; only a booked appointment can be moved",
           "move refusal message");
    is_int(cd_appointment_cancel(store, id, NULL, &res, &err), CD_ECONFLICT, "cancel twice");
    is_str(err.msg, "appointment 1 is already cancelled", "cancel twice message");
    is_int(cd_appointment_kept(store, id, &res, &err), CD_ECONFLICT, "cancelled cannot be kept");
    is_int(cd_appointment_cancel(store, 99, NULL, &res, &err), CD_ENOTFOUND, "unknown id");
    is_str(err.msg, "no appointment with id 99", "unknown id message");

    struct cd_page page = CD_PAGE_INIT;
    is_int(cd_audit_list(store, "appointment", id, &page, &err), 0, "audit listed");
    is_int((int)page.nrows, 5, "book, 3 moves and a cancel audited");
    is_str(page_str(&page, 0, "detail"), "primary_care 2026-03-07T09:30 America/New_York, 30 min",
           "book audit detail");
    is_str(page_str(&page, 1, "detail"),
           "2026-03-07T09:30 30 min -> 2026-03-09T09:30 America/New_York, 30 min",
           "move audit detail");
    is_str(page_str(&page, 4, "action"), "cancel", "cancel audited");
    cd_page_free(&page);

    /* the clocks go back: 01:30 happens twice; the first (EDT) is booked, with a warning */
    in = (struct cd_appointment_in){.mrn = "M1",
                                    .at = "2026-11-01T01:30",
                                    .duration_min = 30,
                                    .provider = "Dr. Lee",
                                    .kind = "telehealth"};
    is_int(cd_appointment_book(store, &in, &res, &err), 0, "ambiguous time booked");
    is_str(res.warning,
           "2026-11-01T01:30 happens twice in America/New_York (the clocks go back); booked at "
           "the first, EDT",
           "ambiguous time warning");
    is_str(q("SELECT start_at FROM appointments WHERE id = 2"), "2026-11-01T05:30:00Z",
           "first occurrence stored");

    /* kept and no-show: not before the day; either corrects the other */
    in = (struct cd_appointment_in){.mrn = "M1",
                                    .at = "2026-02-27T08:00",
                                    .duration_min = 20,
                                    .provider = "Dr. Lee",
                                    .kind = "lab"};
    cd_appointment_book(store, &in, &res, &err);
    int64_t lab = res.id;
    is_int(cd_appointment_kept(store, 2, &res, &err), CD_EINVAL, "future visit cannot be kept");
    is_str(err.msg,
           "appointment 2 is on 2026-11-01, still to come; mark it kept on the day or later",
           "future kept message");
    is_int(cd_appointment_no_show(store, lab, &res, &err), 0, "no-show");
    is_int(res.sequence, 1, "no-show: sequence 1");
    is_int(cd_appointment_kept(store, lab, &res, &err), 0, "corrected to kept");
    is_int(res.sequence, 2, "kept: sequence 2");
    is_int(cd_appointment_kept(store, lab, &res, &err), 0, "kept again");
    is_int(res.changed, 0, "kept again changes nothing");
    is_int(cd_appointment_cancel(store, lab, NULL, &res, &err), CD_ECONFLICT,
           "kept not cancellable");
    is_str(err.msg, "appointment 3 is marked kept; it can no longer be cancelled",
           "kept cancel message");

    in.mrn = "NOPE";
    is_int(cd_appointment_book(store, &in, &res, &err), CD_ENOTFOUND, "unknown MRN");
    is_str(err.msg, "no patient with MRN 'NOPE'", "unknown MRN message");
}

static void test_tcm_window(void)
{
    struct cd_error err = {0};
    struct cd_appointment_result res;
    /* M2: high complexity, discharged 2026-03-05 (visit due by 03-12); M3: moderate (by 03-19) */
    sql("INSERT INTO encounters(id, patient_id, setting, discharge_date, complexity, tcm_eligible,"
        " source, external_id, created_at) VALUES"
        " (1, 2, 'inpatient', '2026-03-05', 'high', 1, 'manual', 'e1', '2026-03-05T20:00:00Z'),"
        " (2, 3, 'inpatient', '2026-03-05', 'moderate', 1, 'manual', 'e2', '2026-03-05T20:00:00Z');"
        "INSERT INTO tasks(id, patient_id, kind, due_at, due_date, encounter_id, created_at) VALUES"
        " (1, 2, 'tcm_visit', '2026-03-13T04:59:59Z', '2026-03-12', 1, '2026-03-05T20:00:00Z'),"
        " (2, 3, 'tcm_visit', '2026-03-20T03:59:59Z', '2026-03-19', 2, '2026-03-05T20:00:00Z');");
    struct cd_appointment_in in = {.mrn = "M2",
                                   .at = "2026-03-13T10:00",
                                   .duration_min = 30,
                                   .provider = "Dr. Lee",
                                   .kind = "tcm_visit"};
    is_int(cd_appointment_book(store, &in, &res, &err), 0, "late TCM visit still booked");
    int64_t id = res.id;
    is_int(res.task_closed, 0, "late visit closes no task");
    is_str(res.warning,
           "TCM visit on 2026-03-13 is after the 7-day window (high complexity, due by "
           "2026-03-12); the tcm_visit task stays open (a visit by day 14 may still support "
           "99495)",
           "late high-complexity warning");
    is_str(q("SELECT encounter_id FROM appointments WHERE id = 4"), "1", "linked to the discharge");
    is_str(q("SELECT status FROM tasks WHERE id = 1"), "open", "task still open");

    struct cd_appointment_change ch = {.at = "2026-03-12T16:00"};
    is_int(cd_appointment_move(store, id, &ch, &res, &err), 0, "moved into the window");
    is_int(res.task_closed, 1, "moving into the window closes task 1");
    is_str(res.warning, "", "no warning inside the window");
    is_str(q("SELECT status || ' ' || appointment_id || ' ' || closed_by || ' ' || "
             "substr(closed_at, 1, 16) || ' ' "
             "|| close_reason || ' ' || version FROM tasks WHERE id = 1"),
           "done 4 1 2026-03-01T14:00 TCM visit booked (appointment 4) 2",
           "task closed with who, when, why and the appointment");

    ch.at = "2026-03-14T09:00";
    cd_appointment_move(store, id, &ch, &res, &err);
    is_int(res.task_reopened, 1, "moving out of the window reopens the task");
    is_str(q("SELECT status || ' ' || coalesce(closed_at, '-') FROM tasks WHERE id = 1"), "open -",
           "task open again");
    ch.at = "2026-03-06T09:00";
    cd_appointment_move(store, id, &ch, &res, &err);
    is_int(res.task_closed, 1, "back inside: closed again");
    is_int(cd_appointment_cancel(store, id, "readmitted", &res, &err), 0, "TCM visit cancelled");
    is_int(res.task_reopened, 1, "cancelling reopens the task");
    is_str(res.warning, "", "no warning for a cancellation");

    /* moderate: day 14 is inside, day 15 outside */
    in = (struct cd_appointment_in){.mrn = "M3",
                                    .at = "2026-03-20T09:00",
                                    .duration_min = 30,
                                    .provider = "Dr. Lee",
                                    .kind = "tcm_visit"};
    cd_appointment_book(store, &in, &res, &err);
    is_str(res.warning,
           "TCM visit on 2026-03-20 is after the 14-day window (due by 2026-03-19); the tcm_visit "
           "task stays open",
           "late moderate warning");
    in.at = "2026-03-19T09:00";
    cd_appointment_book(store, &in, &res, &err);
    is_int(res.task_closed, 2, "day 14 closes the moderate task");
    int64_t m3 = res.id;
    cd_clock_set(1773928800); /* 2026-03-19T14:00Z */
    is_int(cd_appointment_no_show(store, m3, &res, &err), 0, "no-show on the day");
    is_int(res.task_reopened, 2, "a no-show reopens the task");
    is_int(cd_appointment_kept(store, m3, &res, &err), 0, "corrected to kept");
    is_int(res.task_closed, 2, "kept closes it again");
    cd_clock_set(1772373600); /* back to 2026-03-01T09:00 local */

    /* a visit before the discharge, and a patient with no TCM discharge */
    in = (struct cd_appointment_in){.mrn = "M2",
                                    .at = "2026-03-04T09:00",
                                    .duration_min = 30,
                                    .provider = "Dr. Lee",
                                    .kind = "tcm_visit",
                                    .encounter_id = 1};
    cd_appointment_book(store, &in, &res, &err);
    is_str(res.warning,
           "TCM visit on 2026-03-04 is before the discharge of 2026-03-05; the tcm_visit task "
           "stays open",
           "before-discharge warning");
    in = (struct cd_appointment_in){.mrn = "M1",
                                    .at = "2026-03-10T09:00",
                                    .duration_min = 30,
                                    .provider = "Dr. Lee",
                                    .kind = "tcm_visit"};
    cd_appointment_book(store, &in, &res, &err);
    is_str(res.warning,
           "no TCM discharge on file on or before 2026-03-10 for this patient; no tcm_visit task "
           "was closed",
           "no-discharge warning");
    in.encounter_id = 2;
    is_int(cd_appointment_book(store, &in, &res, &err), CD_EINVAL, "another patient's discharge");
    is_str(err.msg, "encounter: 2 is not a discharge of this patient", "encounter message");
}

static void test_list(void)
{
    struct cd_error err = {0};
    struct cd_page page = CD_PAGE_INIT;
    struct cd_appointment_filter f = {.from = "2026-03-09", .to = "2026-03-13", .mrn = "M2"};
    is_int(cd_appointment_list(store, &f, &page, &err), 0, "listed");
    static const char *const appointment_cols[] = {CD_APPOINTMENT_COLUMNS(CD_PAGE_COL_NAME)};
    ok(cd_page_columns_are(&page, appointment_cols, CD_APPOINTMENT_NCOLS),
       "the list has the columns appointment.h declares");
    is_int((int)page.ncols, 10, "ten columns");
    is_str(cd_page_name(&page, 4), "start", "start column");
    is_int((int)page.nrows, 0, "M2's only visit in range was moved out");
    cd_page_reset(&page);
    f = (struct cd_appointment_filter){.from = "2026-03-19", .to = "2026-03-20"};
    cd_appointment_list(store, &f, &page, &err);
    is_int((int)page.nrows, 2, "two on 19-20 March");
    is_str(page_str(&page, 0, "start"), "2026-03-19T09:00", "first by start");
    is_str(page_str(&page, 0, "patient"), "Okafor, Ada", "patient name");
    is_str(page_str(&page, 0, "status"), "kept", "status column");
    cd_page_free(&page);
    f = (struct cd_appointment_filter){.from = "2026-03-20", .to = "2026-03-19"};
    is_int(cd_appointment_list(store, &f, &page, &err), CD_EINVAL, "reversed range");
    is_str(err.msg, "to: '2026-03-19' is before from '2026-03-20'", "reversed range message");
    f = (struct cd_appointment_filter){.mrn = "ZZZ"};
    cd_appointment_list(store, &f, &page, &err);
    is_str(err.msg, "patient: no patient with MRN 'ZZZ'", "unknown patient message");
    cd_page_free(&page);
}

int main(void)
{
    store = testdb_open("America/New_York", "2026-03-01T09:00");
    struct cd_error err = {0};
    struct cd_patient_in p1 = {
        .mrn = "M1", .family = "Núñez", .given = "Zoë", .birth_date = "1948-05-12"};
    struct cd_patient_in p2 = {
        .mrn = "M2", .family = "Doe", .given = "Jane", .birth_date = "1950-01-01"};
    struct cd_patient_in p3 = {
        .mrn = "M3", .family = "Okafor", .given = "Ada", .birth_date = "1944-07-04"};
    if (cd_patient_add(store, &p1, NULL, &err) || cd_patient_add(store, &p2, NULL, &err) ||
        cd_patient_add(store, &p3, NULL, &err)) {
        printf("Bail out! %s\n", err.msg);
        return 1;
    }
    test_uuid();
    test_validate();
    test_book_move_cancel();
    test_tcm_window();
    test_list();
    cd_store_close(store);
    return done_testing();
}
