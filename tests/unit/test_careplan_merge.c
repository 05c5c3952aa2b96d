/* SPDX-License-Identifier: MIT */
/* Unit tests of core/careplan_merge: two nurses edit the same version; the second nurse's refused
 * edits are rebased onto the first nurse's version, field by field, and saved on top of it. */
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

    cd_careplan_free(a);
    cd_careplan_free(b);
    cd_careplan_free(c);
    cd_careplan_free(d);
    cd_careplan_free(e);
    cd_store_close(store);
    return done_testing();
}
