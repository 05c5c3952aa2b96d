/* SPDX-License-Identifier: MIT */
/* Unit tests of core/note: multi-line UTF-8 notes, refused input, one audited transaction. */
#include "config.h"

#include "core/note.h"
#include "core/patient.h"
#include "core/store/audit.h"
#include "core/timeline.h"
#include "tests/lib/page_by_name.h"
#include "tests/lib/tap.h"
#include "tests/lib/testdb.h"

int main(void)
{
    struct cd_store *store = testdb_open("UTC", "2026-11-02T09:00");
    struct cd_error err = {0};
    int64_t pid, id = 0;
    struct cd_patient_in in = {.mrn = "1001", .family = "Núñez", .given = "Zoë"};
    cd_patient_add(store, &in, &pid, &err);

    { /* the clock runs on: pin it where exact seconds are asserted */
        time_t t0;
        cd_instant_parse("2026-11-02T09:00", &t0, NULL);
        cd_clock_set(t0);
    }
    is_int(cd_note_add(store, pid, "Zoë's daughter: \"ça va\"\r\n\tneeds a ride 🚗\n\n", &id, &err),
           0, "multi-line UTF-8 note");
    ok(id > 0, "note id");
    struct cd_timeline_query q = {.patient_id = pid, .kinds = 1u << CD_TIMELINE_NOTE};
    struct cd_page page = CD_PAGE_INIT;
    cd_timeline_page(store, &q, &page, &err);
    is_int(page.nrows, 1, "one note");
    is_str(page_str(&page, 0, "detail"), "Zoë's daughter: \"ça va\"\n\tneeds a ride 🚗",
           "CR LF folded, trailing blank lines dropped");
    is_str(page_str(&page, 0, "text"), "Zoë's daughter: \"ça va\"", "first line");
    is_str(page_str(&page, 0, "who"), "Admin", "written by the actor");
    is_str(page_str(&page, 0, "at"), "2026-11-02T09:00:00Z", "at now");
    cd_page_free(&page);
    cd_audit_list(store, "note", id, &page, &err);
    is_int(page.nrows, 1, "audited");
    is_str(page_str(&page, 0, "action"), "add", "audit action");
    cd_page_free(&page);

    is_int(cd_note_add(store, pid, " \n\t\n", NULL, &err), CD_EINVAL, "blank refused");
    is_str(err.msg, "text: the note is empty", "blank message");
    is_int(cd_note_add(store, pid, "ok\nbell\a here", NULL, &err), CD_EINVAL, "bell refused");
    is_str(err.msg, "text: line 2 has a control character (0x07)", "control message");
    cd_note_add(store, pid, "bad \xc3\x28", NULL, &err);
    is_str(err.msg, "text: the note is not valid UTF-8", "UTF-8 message");
    cd_note_add(store, pid, "lone\rCR", NULL, &err);
    is_str(err.msg, "text: line 1 has a control character (0x0d)", "a lone CR refused");
    static char big[CD_NOTE_MAX + 2];
    memset(big, 'a', CD_NOTE_MAX + 1);
    cd_note_add(store, pid, big, NULL, &err);
    is_str(err.msg, "text: the note is too long (20001 bytes, at most 20000)", "length message");
    is_int(cd_note_add(store, 999, "hello", NULL, &err), CD_EINVAL, "unknown patient refused");
    q.patient_id = pid;
    cd_timeline_page(store, &q, &page, &err);
    is_int(page.nrows, 1, "nothing half-written");
    cd_page_free(&page);
    cd_store_close(store);
    return done_testing();
}
