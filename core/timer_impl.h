/* SPDX-License-Identifier: MIT */
/* Internal to the timer (core/timer.c, core/timer_bound.c): the row, the counting and the writing
 * both share, and the bounds every change applies first. */
#ifndef CD_CORE_TIMER_IMPL_H
#define CD_CORE_TIMER_IMPL_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "core/base/error.h"
#include "core/store/store.h"
#include "core/timer.h"
#include "core/timerule.h"

/* Write T as the user's timer row. */
int cdtimer_save(struct cd_store *store, const struct cd_timer *t, struct cd_error *err);
/* Remove the timer row of USER_ID. */
int cdtimer_delete(struct cd_store *store, int64_t user_id, struct cd_error *err);
/* Audit ACTION on T with SECONDS ("ccm clinical_staff call 07:41"). */
int cdtimer_audit(struct cd_store *store, const struct cd_timer *t, const char *action,
                  int64_t seconds, struct cd_error *err);
/* Count the stretch [SEG, END) into T, writing what each clinic month before END's holds as an
 * entry (CONFIRM: a supervisor confirms a day above the limit). */
int cdtimer_count(struct cd_store *store, struct cd_timer *t, time_t seg, time_t end, bool confirm,
                  struct cd_timer_result *res, struct cd_error *err);
/* Write the counted, unwritten part of T as an entry ending at END; the unwritten part then
 * starts afresh at END. */
int cdtimer_flush(struct cd_store *store, struct cd_timer *t, time_t end, bool confirm,
                  struct cd_timer_result *res, struct cd_error *err);
/* Stop T at END (a running stretch counts up to END), write it and remove the row; audited as
 * ACTION. */
int cdtimer_stop_locked(struct cd_store *store, struct cd_timer *t, time_t end, const char *action,
                        bool confirm, struct cd_timer_result *res, struct cd_error *err);

/* Apply the bounds LIM to T (read in the caller's transaction) at NOW and write the change. */
int cdtimer_settle_locked(struct cd_store *store, struct cd_timer *t, time_t now,
                          const struct cd_time_limits *lim, enum cd_timer_settled *what,
                          struct cd_error *err);
/* The seconds the user may keep of T at NOW: never more than MAX. */
int64_t cdtimer_keepable(const struct cd_timer *t, time_t now, int64_t max);
/* CD_EINVAL with the question for a timer past its maximum (cd_timer_over_question). */
int cdtimer_refuse_over(struct cd_store *store, int64_t user_id, struct cd_error *err);

#endif
