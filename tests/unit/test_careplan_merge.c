/* SPDX-License-Identifier: MIT */
/* Unit tests of core/careplan_merge: two nurses edit the same version; the second nurse's refused
 * edits are rebased onto the first nurse's version, field by field, and saved on top of it; and
 * the command line's save, which builds on newer versions that touched none of its items and
 * names the items when they did. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/careplan.h"
#include "core/careplan_merge.h"
#include "core/patient.h"
#include "core/user.h"
#include "tests/lib/tap.h"
#include "tests/lib/testdb.h"

static struct cd_careplan *load(struct cd_store *store, int64_t pid, int version)
{
    struct cd_careplan *plan = NULL;
    struct cd_error err = {0};
    if (cd_careplan_load(store, pid, version, &plan, &err))
        printf("# load: %s\n", err.msg);
    return plan;
}

static char *format(struct cd_store *store, const struct cd_careplan *plan)
{
    struct cd_strbuf sb = CD_STRBUF_INIT;
    cd_careplan_format(store, plan, &sb, NULL);
    return cd_strbuf_take(&sb);
}

int main(void)
{
    struct cd_store *store = testdb_open("America/New_York", "2026-11-02T09:00");
    struct cd_error err = {0};
    int64_t pid, nurse1, nurse2;
    cd_user_add(store, "mrivera", "Maria Rivera", "coordinator", NULL, &nurse1, &err);
    cd_user_add(store, "jchen", "Jo Chen", "coordinator", NULL, &nurse2, &err);
    struct cd_patient_in in = {.mrn = "1001", .family = "Núñez", .given = "Zoë"};
    cd_patient_add(store, &in, &pid, &err);
    cd_store_set_actor(store, nurse1);

    /* version 1: a goal, two interventions */
    struct cd_careplan *p = load(store, pid, 0);
    struct cd_careplan_fields f = {.text = "Weight steady", .target = "80 kg", .status = "active"};
    cd_careplan_add(p, CD_CAREPLAN_GOAL, &f, NULL, &err);
    f = (struct cd_careplan_fields){.text = "Weekly call"};
    cd_careplan_add(p, CD_CAREPLAN_INTERVENTION, &f, NULL, &err);
    f = (struct cd_careplan_fields){.text = "Scale at home"};
    cd_careplan_add(p, CD_CAREPLAN_INTERVENTION, &f, NULL, &err);
    is_int(cd_careplan_save(store, p, 0, NULL, &err), 0, "version 1 saved");
    cd_careplan_free(p);

    /* both nurses open version 1 */
    struct cd_careplan *a = load(store, pid, 0), *b = load(store, pid, 0);
    /* Maria: goal target, a barrier; saves version 2 */
    cd_careplan_edit(a, "goal-1", &(struct cd_careplan_fields){.target = "79 kg"}, &err);
    cd_careplan_add(a, CD_CAREPLAN_BARRIER, &(struct cd_careplan_fields){.text = "Lives alone"},
                    NULL, &err);
    is_int(cd_careplan_save(store, a, 1, NULL, &err), 0, "first nurse saves version 2");
    /* Jo: goal met, drop the weekly call, move the scale first, a symptom, a review date */
    cd_store_set_actor(store, nurse2);
    cd_careplan_set_status(b, "goal-1", "met", &err);
    cd_careplan_delete(b, "intervention-1", &err);
    cd_careplan_add(b, CD_CAREPLAN_SYMPTOM, &(struct cd_careplan_fields){.text = "Swollen ankles"},
                    NULL, &err);
    cd_careplan_set_review(b, "2026-12-15", &err);
    is_int(cd_careplan_save(store, b, 1, NULL, &err), CD_ECONFLICT, "second save refused");
    is_int(b->version, 1, "her copy is left as it was");

    int clashes = -1;
    is_int(cd_careplan_rebase(store, b, 1, &clashes, &err), 0, "rebase onto version 2");
    is_int(b->version, 2, "now based on version 2");
    is_int(clashes, 0, "no field changed by both");
    is_str(cd_careplan_find(b, "goal-1")->target, "79 kg", "the first nurse's target stays");
    is_str(cd_careplan_find(b, "goal-1")->status, "met", "her status applies");
    ok(cd_careplan_find(b, "barrier-1") != NULL, "the first nurse's barrier stays");
    ok(cd_careplan_find(b, "intervention-1") == NULL, "her deletion applies");
    is_str(cd_careplan_find(b, "symptom-1")->text, "Swollen ankles", "her symptom is added");
    is_str(b->next_review, "2026-12-15", "her review date applies");
    is_int(cd_careplan_save(store, b, 2, NULL, &err), 0, "saved on top: version 3");
    is_str(b->summary,
           "added symptom-1; changed goal-1 (status); removed intervention-1; next review date "
           "2026-12-15",
           "the summary names only her changes");

    /* a field both changed: hers wins and the clash is counted; a move is replayed */
    struct cd_careplan *c = load(store, pid, 0), *d = load(store, pid, 0);
    cd_careplan_edit(c, "goal-1", &(struct cd_careplan_fields){.text = "Weight 79 kg"}, &err);
    cd_careplan_add(c, CD_CAREPLAN_INTERVENTION, &(struct cd_careplan_fields){.text = "Diet"}, NULL,
                    &err);
    cd_careplan_save(store, c, 3, NULL, &err);
    cd_careplan_edit(d, "goal-1", &(struct cd_careplan_fields){.text = "Weight 78 kg"}, &err);
    f = (struct cd_careplan_fields){.text = "Pill box"};
    cd_careplan_add(d, CD_CAREPLAN_INTERVENTION, &f, NULL, &err);
    is_int(cd_careplan_move(d, "intervention-3", -1, &err), 0, "her pill box goes first");
    is_int(cd_careplan_rebase(store, d, 3, &clashes, &err), 0, "second rebase");
    is_int(clashes, 1, "one clash");
    is_str(cd_careplan_find(d, "goal-1")->text, "Weight 78 kg", "the rebased copy wins the clash");
    char *text = format(store, d);
    ok(text && strstr(text, "Planned interventions\n  intervention-4   Pill box\n"
                            "                   status: planned\n"
                            "  intervention-2   Scale at home\n"),
       "her new item gets a new key and keeps its place before the scale");
    if (text &&
        !strstr(text,
                "intervention-4   Pill box\n                   status: planned\n  intervention-2"))
        diag(text);
    free(text);

    /* a deleted base: rebase from version 0 adds everything */
    struct cd_careplan *e = load(store, pid, 0);
    is_int(cd_careplan_rebase(store, e, 99, NULL, &err), CD_ENOTFOUND, "unknown base version");
    is_int(e->version, 4, "plan unchanged on error");

    /* where nobody is left to merge (the command line): a change that touches no item the newer
       versions changed is applied on the newest; a real conflict names the items */
    struct cd_careplan *x = load(store, pid, 0), *y = load(store, pid, 0), *z = load(store, pid, 0);
    cd_store_set_actor(store, nurse1);
    cd_careplan_add(x, CD_CAREPLAN_PROBLEM, &(struct cd_careplan_fields){.text = "Heart failure"},
                    NULL, &err);
    cd_careplan_edit(x, "goal-1", &(struct cd_careplan_fields){.text = "Weight 77 kg"}, &err);
    is_int(cd_careplan_save_rebased(store, x, 4, NULL, &err), 0, "no one in between: version 5");
    cd_store_set_actor(store, nurse2);
    cd_careplan_add(y, CD_CAREPLAN_PROBLEM, &(struct cd_careplan_fields){.text = "Diabetes"}, NULL,
                    &err);
    cd_careplan_set_status(y, "intervention-2", "in_progress", &err);
    is_int(cd_careplan_save(store, y, 4, NULL, &err), CD_ECONFLICT,
           "the workstation's save still refuses, for its merge flow");
    is_int(cd_careplan_save_rebased(store, y, 4, NULL, &err), 0, "untouched items: rebased, saved");
    is_int(y->version, 6, "saved as version 6");
    is_str(y->summary, "added problem-2; changed intervention-2 (status)",
           "her problem took the next free key");
    struct cd_careplan *v6 = load(store, pid, 6);
    is_str(cd_careplan_find(v6, "problem-1")->text, "Heart failure", "the other problem stays");
    is_str(cd_careplan_find(v6, "problem-2")->text, "Diabetes", "hers is added");
    is_str(cd_careplan_find(v6, "goal-1")->text, "Weight 77 kg", "the other goal edit stays");
    is_str(cd_careplan_find(v6, "intervention-2")->status, "in_progress", "her status applies");
    cd_careplan_free(v6);
    /* z opened version 4 too and changes goal-1, which version 5 changed: a real conflict */
    cd_careplan_set_status(z, "goal-1", "not_met", &err);
    cd_careplan_set_review(z, "2027-01-10", &err);
    is_int(cd_careplan_save_rebased(store, z, 4, NULL, &err), CD_ECONFLICT, "a real conflict");
    is_str(err.msg,
           "goal-1 was changed in a newer version of the care plan (version 6, saved by Jo Chen "
           "at 2026-11-02 09:00) after you opened version 4; nothing was saved: look at version 6 "
           "and make your change again",
           "the sentence names the item and the version");
    is_int(z->version, 4, "the copy is left as it was");
    struct cd_careplan *now = load(store, pid, 0);
    is_int(now->version, 6, "nothing saved");
    cd_careplan_free(now);
    /* the review date: set by both to different dates is a conflict; to the same date is not */
    struct cd_careplan *r1 = load(store, pid, 0), *r2 = load(store, pid, 0),
                       *r3 = load(store, pid, 0);
    cd_careplan_set_review(r1, "2027-02-01", &err);
    cd_careplan_save_rebased(store, r1, 6, NULL, &err);
    cd_careplan_set_review(r2, "2027-03-01", &err);
    cd_careplan_edit(r2, "goal-1", &(struct cd_careplan_fields){.target = "76 kg"}, &err);
    is_int(cd_careplan_save_rebased(store, r2, 6, NULL, &err), CD_ECONFLICT, "two review dates");
    is_str(err.msg,
           "the next review date was changed in a newer version of the care plan (version 7, saved "
           "by Jo Chen at 2026-11-02 09:00) after you opened version 6; nothing was saved: look "
           "at version 7 and make your change again",
           "the review date named");
    cd_careplan_set_review(r3, "2027-02-01", &err);
    cd_careplan_edit(r3, "goal-1", &(struct cd_careplan_fields){.target = "76 kg"}, &err);
    is_int(cd_careplan_save_rebased(store, r3, 6, NULL, &err), 0, "the same review date merges");
    is_str(r3->summary, "changed goal-1 (target)", "only the goal is new");

    cd_careplan_free(r1);
    cd_careplan_free(r2);
    cd_careplan_free(r3);
    cd_careplan_free(x);
    cd_careplan_free(y);
    cd_careplan_free(z);
    cd_careplan_free(a);
    cd_careplan_free(b);
    cd_careplan_free(c);
    cd_careplan_free(d);
    cd_careplan_free(e);
    cd_store_close(store);
    return done_testing();
}
