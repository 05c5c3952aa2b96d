/* SPDX-License-Identifier: MIT */
/* The CCM minute timer: one per user, kept in the database from the moment it starts, so a crash
 * or a dropped connection loses nothing. Start, pause, resume, stop, switch patients, idle pause,
 * and recovery of a timer an earlier session left behind. The timer is bounded: past the clinic's
 * maximum it stops itself at its last activity and the user says how much to keep; a timer a
 * workstation watched stops counting at its last key press once idle, even after that workstation
 * is closed or killed. */
#ifndef CD_CORE_TIMER_H
#define CD_CORE_TIMER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "core/base/error.h"
#include "core/store/store.h"

/* Key presses are written at most this often (seconds): cd_timer_touch. */
#define CD_TIMER_TOUCH_INTERVAL 30

/* A user's timer as stored. */
struct cd_timer {
    int64_t user_id, patient_id;
    char program[16], activity[24], role[16];
    time_t started_at;         /* start of the part not yet written as a time entry */
    time_t segment_started_at; /* start of the running stretch; 0 while paused */
    time_t last_activity_at;   /* last key press (while paused: when the counting stopped) */
    int64_t accumulated;       /* seconds counted before the running stretch */
    char paused_reason[8];     /* "" while running, "user", "idle" or "max" (ran past the
                                  maximum: stopped until the user says how much to keep) */
    bool watched;              /* a workstation records its key presses (cd_timer_touch) */
};

/* What the timer bar shows (cd_timer_status). */
struct cd_timer_view {
    struct cd_timer timer;
    char mrn[65];
    char patient[210];     /* "Family, Given" */
    char initials[16];     /* "J.D." (given, family) */
    char state[8];         /* running, paused, idle or over (ran past the maximum) */
    int64_t elapsed;       /* seconds counted so far, at now */
    int64_t keepable;      /* the most the user may keep at now (cd_timer_end) */
    int64_t max_seconds;   /* the clinic's maximum for a running timer */
    int64_t month_seconds; /* this month's logged seconds for the patient, program and role,
                              the running timer included */
    int next_threshold;    /* minutes of the next billing threshold (20, 40 ...); 0 when none */
};

/* What stopping wrote. */
struct cd_timer_result {
    int entries;           /* time entries written (a span across a month end makes two) */
    int64_t last_entry_id; /* the last one, 0 when none (nothing counted) */
    int64_t seconds;       /* seconds written */
};

/* How to close a timer: found left running by an earlier session, past its maximum, or plainly. */
enum cd_timer_keep {
    CD_TIMER_KEEP_TO_LAST_ACTIVITY, /* count up to the last key press */
    CD_TIMER_KEEP_TO_NOW,           /* count up to now (the user confirms the minutes since the
                                       last activity), never past the maximum */
    CD_TIMER_DISCARD,               /* write nothing more */
    CD_TIMER_KEEP_COUNTED,          /* what the timer counts now: a plain stop; refused when the
                                       timer ran past its maximum (the user must say how much) */
    CD_TIMER_KEEP_SECONDS,          /* exactly the seconds given, at most what may be kept */
};

/* What cd_timer_settle found and did. */
enum cd_timer_settled {
    CD_TIMER_SETTLED_NONE, /* nothing was due */
    CD_TIMER_SETTLED_IDLE, /* a watched timer had no key press for idle_minutes: it stopped
                              counting at its last key press */
    CD_TIMER_SETTLED_MAX,  /* it ran past timer_max_minutes: stopped at its last activity */
};

/* Seconds T has counted at NOW (whole seconds). */
int64_t cd_timer_elapsed(const struct cd_timer *t, time_t now);

/* The timer of USER_ID. CD_ENOTFOUND when the user has none. */
int cd_timer_get(struct cd_store *store, int64_t user_id, struct cd_timer *out,
                 struct cd_error *err);
/* The timer of USER_ID with the patient and the month's minutes, for the status bar and
 * 'timer status'. CD_ENOTFOUND when none runs. */
int cd_timer_status(struct cd_store *store, int64_t user_id, struct cd_timer_view *out,
                    struct cd_error *err);

/* Start a timer for USER_ID on PATIENT_ID now. PROGRAM NULL = the patient's care-management
 * program; ACTIVITY NULL = other; ROLE NULL = clinical_staff. CD_EEXIST when the user's timer
 * already runs (use cd_timer_switch). One transaction, audited. */
int cd_timer_start(struct cd_store *store, int64_t user_id, int64_t patient_id, const char *program,
                   const char *activity, const char *role, struct cd_error *err);
/* Pause (CD_EINVAL when already paused). */
int cd_timer_pause(struct cd_store *store, int64_t user_id, struct cd_error *err);
/* Resume a paused timer (CD_EINVAL when running; an idle pause is resumed by
 * cd_timer_idle_resolve). A pause across a month end first writes the earlier month's entry. */
int cd_timer_resume(struct cd_store *store, int64_t user_id, struct cd_error *err);
/* Stop now: write the time entries (one per clinic month touched) and remove the timer. RES may
 * be NULL. */
int cd_timer_stop(struct cd_store *store, int64_t user_id, struct cd_timer_result *res,
                  struct cd_error *err);
/* Opening another patient: stop the running timer (written as by cd_timer_stop) and start one on
 * PATIENT_ID, in one transaction. Works as cd_timer_start when no timer runs. */
int cd_timer_switch(struct cd_store *store, int64_t user_id, int64_t patient_id,
                    const char *program, const char *activity, const char *role,
                    struct cd_timer_result *res, struct cd_error *err);

/* A key press: records the last activity, writing at most once per CD_TIMER_TOUCH_INTERVAL
 * seconds per process, and only while the timer runs. Cheap when nothing is due. */
int cd_timer_touch(struct cd_store *store, int64_t user_id, struct cd_error *err);
/* Pause a running timer that has seen no key press for IDLE_MINUTES (0 = the idle_minutes
 * setting): the counting stops at the last key press, so the idle minutes are not counted.
 * *PAUSED is true when this call paused it. */
int cd_timer_idle_check(struct cd_store *store, int64_t user_id, int idle_minutes, bool *paused,
                        struct cd_error *err);
/* After an idle pause: resume now; when COUNT is true the minutes from the last key press to now
 * are counted (the nurse confirms she was working). CD_EINVAL when the timer is not idle. */
int cd_timer_idle_resolve(struct cd_store *store, int64_t user_id, bool count,
                          struct cd_error *err);

/* At the start of a session: *PENDING is true when USER_ID has a timer left by an earlier
 * session (OUT filled); the caller offers cd_timer_recover's three choices. */
int cd_timer_pending(struct cd_store *store, int64_t user_id, struct cd_timer *out, bool *pending,
                     struct cd_error *err);
/* Close a left-behind timer as KEEP says (one transaction, audited). RES may be NULL. */
int cd_timer_recover(struct cd_store *store, int64_t user_id, enum cd_timer_keep keep,
                     struct cd_timer_result *res, struct cd_error *err);
/* Stop the timer of USER_ID as KEEP says, writing SECONDS for CD_TIMER_KEEP_SECONDS (at most the
 * view's keepable, CD_EINVAL otherwise). CONFIRM: the acting supervisor confirms a day above the
 * clinic's limit (core/timerule.h). Settles first; one transaction, audited. RES may be NULL. */
int cd_timer_end(struct cd_store *store, int64_t user_id, enum cd_timer_keep keep, int64_t seconds,
                 bool confirm, struct cd_timer_result *res, struct cd_error *err);

/* Apply the timer's bounds at now and write what they change (audited): a watched timer with no
 * key press for idle_minutes stops counting at its last key press; a running timer past
 * timer_max_minutes stops itself at its last activity. *WHAT (may be NULL) says which fired.
 * Every other call that changes the timer settles first; the CLI and the workstation call this
 * before they show it. */
int cd_timer_settle(struct cd_store *store, int64_t user_id, enum cd_timer_settled *what,
                    struct cd_error *err);
/* This process is a workstation that records key presses: the timers it starts or resumes are
 * watched (the idle rule then holds for them after it ends). */
void cd_timer_watching(bool on);
/* For a timer past its maximum (TV's state "over"): "the timer for 1001 (Núñez, Zoë) ran past 4
 * hours and stopped at 11:42, its last activity" into OUT. Returns OUT. */
char *cd_timer_over_text(const struct cd_timer_view *tv, char *out, size_t size);
/* The same with the question and how to answer it on the command line, as core refuses a plain
 * stop, a start or a switch: "...; keep how much? caredesk timer stop --keep MINUTES |
 * --to-last-activity | timer discard". Returns OUT. */
char *cd_timer_over_question(const struct cd_timer_view *tv, char *out, size_t size);

#endif
