/* SPDX-License-Identifier: MIT */
/* Opening a patient's screens by MRN from anywhere (the home view's T and P keys), and the
 * one-line patient label the per-patient screens show in their title. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/base/page.h"
#include "core/patient.h"
#include "tui/screen/app.h"
#include "tui/screen/prompt.h"
#include "tui/screen/views.h"

int patient_label(struct cd_store *store, int64_t id, char *buf, size_t size, struct cd_error *err)
{
    struct cd_patient_header h;
    int rc = cd_patient_header_get(store, id, &h, err);
    if (!rc)
        snprintf(buf, size, "%s, %s (MRN %s)", h.family_name, h.given_name, h.mrn);
    return rc;
}

/* The screens the MRN prompt can open (the prompt's context points at one of these). */
static const struct view_ops *targets[] = {&view_timeline_ops, &view_careplan_ops};

static void mrn_done(struct view *v, const char *text, void *ctx)
{
    const struct view_ops *ops = *(const struct view_ops *const *)ctx;
    struct cd_error err = {0};
    int64_t id;
    if (!text)
        return;
    if (!*text) {
        app_message(v->app, "No MRN given");
        return;
    }
    if (cd_patient_find_mrn(app_store(v->app), text, &id, &err)) {
        app_error(v->app, &err);
        return;
    }
    struct view_args args = {.id = id, .alone = true}; /* the screen itself, not the chart */
    app_push(v->app, ops, &args);
    app_patient_opened(v->app, id); /* a timer on another patient asks keep/stop/switch */
}

enum action patient_open_act(struct view *v, enum action action)
{
    switch (action) {
    case ACT_OPEN_TIMELINE:
        prompt_text(v, "Timeline of MRN:", NULL, mrn_done, (void *)&targets[0]);
        return ACT_NONE;
    case ACT_OPEN_CAREPLAN:
        prompt_text(v, "Care plan of MRN:", NULL, mrn_done, (void *)&targets[1]);
        return ACT_NONE;
    default: return action;
    }
}
