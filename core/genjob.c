/* SPDX-License-Identifier: MIT */
/* Background worklist generation: one thread, one connection it alone uses, one mutex for the
 * "done" flag. Nothing else is shared: core's clock and zone are set before the thread starts. */
#include "config.h"
#include "core/genjob.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "core/store/store.h"

struct cd_genjob {
    pthread_t thread;
    struct cd_store *store; /* the worker's; closed by cd_genjob_finish after the join */
    pthread_mutex_t lock;   /* guards done */
    bool done;
    int rc; /* rc, res and err: written by the worker before done, read after the join */
    struct cd_worklist_gen res;
    struct cd_error err;
};

static void *work(void *arg)
{
    struct cd_genjob *job = arg;
    job->rc = cd_worklist_generate(job->store, false, &job->res, &job->err);
    pthread_mutex_lock(&job->lock);
    job->done = true;
    pthread_mutex_unlock(&job->lock);
    return NULL;
}

int cd_genjob_start(const char *path, int64_t actor, struct cd_genjob **out, struct cd_error *err)
{
    *out = NULL;
    struct cd_genjob *job = calloc(1, sizeof *job);
    if (!job)
        return cd_error_set(err, CD_ENOMEM, "out of memory");
    int rc = cd_store_open(path, 0, &job->store, err);
    if (rc) {
        free(job);
        return rc;
    }
    cd_store_set_actor(job->store, actor);
    if (pthread_mutex_init(&job->lock, NULL)) {
        cd_store_close(job->store);
        free(job);
        return cd_error_set(err, CD_EIO, "cannot start the worklist generation (mutex)");
    }
    if (pthread_create(&job->thread, NULL, work, job)) {
        pthread_mutex_destroy(&job->lock);
        cd_store_close(job->store);
        free(job);
        return cd_error_set(err, CD_EIO, "cannot start the worklist generation (thread)");
    }
    *out = job;
    return 0;
}

bool cd_genjob_done(struct cd_genjob *job)
{
    pthread_mutex_lock(&job->lock);
    bool done = job->done;
    pthread_mutex_unlock(&job->lock);
    return done;
}

void cd_genjob_cancel(struct cd_genjob *job)
{
    if (job)
        cd_store_interrupt(job->store);
}

int cd_genjob_finish(struct cd_genjob *job, struct cd_worklist_gen *res, struct cd_error *err)
{
    if (!job)
        return 0;
    pthread_join(job->thread, NULL);
    int rc = job->rc;
    if (res)
        *res = job->res;
    if (rc && err)
        *err = job->err;
    cd_store_close(job->store);
    pthread_mutex_destroy(&job->lock);
    free(job);
    return rc;
}
