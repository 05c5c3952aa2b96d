/* SPDX-License-Identifier: MIT */
/* The day's worklist generation on a thread of its own, with a connection of its own, so the
 * workstation shows the current list at once and never waits for it. */
#ifndef CD_CORE_GENJOB_H
#define CD_CORE_GENJOB_H

#include <stdbool.h>
#include <stdint.h>

#include "core/base/error.h"
#include "core/worklist.h"

struct cd_genjob;

/* Open a second connection to the database at PATH acting as ACTOR (a user id, 0 = none) and run
 * cd_worklist_generate (not forced) on a new thread. The open happens in the calling thread (it
 * sets the process zone); afterwards only the worker uses that connection. Caller owns *OUT and
 * ends it with cd_genjob_finish. CD_EIO when the thread cannot start. */
int cd_genjob_start(const char *path, int64_t actor, struct cd_genjob **out, struct cd_error *err);
/* True once the generation has ended, committed or failed; never blocks. */
bool cd_genjob_done(struct cd_genjob *job);
/* Ask a running generation to stop; its transaction rolls back, so nothing is half-written and
 * what committed before stays. Safe from the thread that started it. */
void cd_genjob_cancel(struct cd_genjob *job);
/* Wait for the worker, close its connection and free JOB (NULL is a no-op). RES (may be NULL)
 * gets what it made; returns its code with ERR filled on failure. */
int cd_genjob_finish(struct cd_genjob *job, struct cd_worklist_gen *res, struct cd_error *err);

#endif
