/* SPDX-License-Identifier: MIT */
/* The patient timeline: one chronological stream of everything caredesk knows about a patient,
 * newest first, read a page at a time with a keyset cursor. */
#ifndef CD_CORE_TIMELINE_H
#define CD_CORE_TIMELINE_H

#include <stdint.h>

#include "core/base/clock.h"
#include "core/base/error.h"
#include "core/base/page.h"
#include "core/store/store.h"

/* The kinds of entries, one per event source. */
#define CD_TIMELINE_KINDS(X)                                                                       \
    X(ADMISSION, "admission")                                                                      \
    X(DISCHARGE, "discharge")                                                                      \
    X(ED_VISIT, "ed_visit")                                                                        \
    X(TASK_CREATED, "task_created")                                                                \
    X(TASK_CLOSED, "task_closed")                                                                  \
    X(CALL, "call")                                                                                \
    X(NOTE, "note")                                                                                \
    X(TIME, "time")                                                                                \
    X(CAREPLAN, "careplan")                                                                        \
    X(APPOINTMENT, "appointment")                                                                  \
    X(APPOINTMENT_UPDATE, "appointment_update")                                                    \
    X(REFERRAL, "referral")                                                                        \
    X(REFERRAL_CLOSED, "referral_closed")                                                          \
    X(ENROLLMENT, "enrollment")

enum cd_timeline_kind {
#define CD_TL_ENUM(id, name) CD_TIMELINE_##id,
    CD_TIMELINE_KINDS(CD_TL_ENUM)
#undef CD_TL_ENUM
        CD_TIMELINE_NKINDS
};

/* Where a page starts: just after the entry (at, kind, id) in newest-first order. An empty AT
 * starts at the newest entry. */
struct cd_timeline_cursor {
    char at[CD_INSTANT_LEN];
    char kind[24];
    int64_t id;
};

struct cd_timeline_query {
    int64_t patient_id;
    unsigned kinds;     /* bits (1u << enum cd_timeline_kind); 0 = every kind */
    const char *search; /* NULL or "": no search; else a case-insensitive substring */
    struct cd_timeline_cursor after;
    int limit; /* rows per page, 1..1000 (0 = 40) */
};

/* The name of KIND ("ed_visit"), or "?". */
const char *cd_timeline_kind_name(int kind);
/* Parse a comma-separated list of kind names into a bit mask. CD_EINVAL naming the bad one. */
int cd_timeline_kinds_parse(const char *list, unsigned *mask, struct cd_error *err);
/* Set CURSOR so the next page starts with the last entries of clinic-local date DATE
 * (YYYY-MM-DD): "jump to a date". */
int cd_timeline_cursor_at_date(struct cd_timeline_cursor *cursor, const char *date,
                               struct cd_error *err);
/* Set CURSOR to row ROW of a page returned by cd_timeline_page (for the next page). */
void cd_timeline_cursor_from_page(struct cd_timeline_cursor *cursor, const struct cd_page *page,
                                  size_t row);
/* The columns of a timeline page: at is the UTC instant, day and time are clinic local, kind a
 * CD_TIMELINE_KINDS name, text one line, detail the whole entry. */
#define CD_TIMELINE_COLUMNS(X)                                                                     \
    X(CD_TIMELINE_COL_AT, "at")                                                                    \
    X(CD_TIMELINE_COL_DAY, "day")                                                                  \
    X(CD_TIMELINE_COL_TIME, "time")                                                                \
    X(CD_TIMELINE_COL_KIND, "kind")                                                                \
    X(CD_TIMELINE_COL_ID, "id")                                                                    \
    X(CD_TIMELINE_COL_WHO, "who")                                                                  \
    X(CD_TIMELINE_COL_TEXT, "text")                                                                \
    X(CD_TIMELINE_COL_DETAIL, "detail")
enum cd_timeline_col { CD_TIMELINE_COLUMNS(CD_PAGE_COL_ENUM) CD_TIMELINE_NCOLS };
/* One page of the timeline into PAGE (appended; CD_TIMELINE_COLUMNS), newest first. Every source is
 * read through an index on (patient, time), so a page costs the same whatever the patient's
 * history. */
int cd_timeline_page(struct cd_store *store, const struct cd_timeline_query *q,
                     struct cd_page *page, struct cd_error *err);
/* One page, as cd_timeline_page, recorded in the audit log as one read of the patient's timeline:
 * what the command line prints. (The workstation records the opening of the chart instead,
 * cd_patient_chart_opened, and reads its pages and reloads with cd_timeline_page.) */
int cd_timeline_read(struct cd_store *store, const struct cd_timeline_query *q,
                     struct cd_page *page, struct cd_error *err);
/* The query plan of cd_timeline_page's statement, one line per step (for tests). */
int cd_timeline_explain(struct cd_store *store, struct cd_page *page, struct cd_error *err);

#endif
