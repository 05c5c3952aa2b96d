/* SPDX-License-Identifier: MIT */
/* Background worklist generation for the workstation (core/genjob), started by the worklist view
 * and collected by the app loop; no curses here. */
#include "config.h"
#include "tui/screen/wlgen.h"

#include <stddef.h>

#include "core/genjob.h"
#include "core/store/store.h"
#include "core/worklist.h"
#include "tui/screen/app.h"

static struct cd_genjob *job;

int wlgen_kick(struct app *app, struct cd_error *err)
{
    if (job)
        return 0;
    struct cd_store *store = app_store(app);
    bool done = false;
    int rc = cd_worklist_generated(store, &done, err);
    if (rc || done)
        return rc;
    return cd_genjob_start(cd_store_path(store), cd_store_actor(store), &job, err);
}

bool wlgen_busy(void)
{
    return job != NULL;
}

void wlgen_poll(struct app *app)
{
    if (!job || !cd_genjob_done(job))
        return;
    struct cd_worklist_gen res;
    struct cd_error err = {0};
    int rc = cd_genjob_finish(job, &res, &err);
    job = NULL;
    if (rc) {
        cd_error_prefix(&err, rc, "today's worklist generation: ");
        app_error(app, &err);
    } else if (res.reviews + res.outreach + res.minutes + res.cancelled > 0) {
        app_changed(app);
    }
}

void wlgen_stop(void)
{
    cd_genjob_cancel(job);
    cd_genjob_finish(job, NULL, NULL);
    job = NULL;
}
