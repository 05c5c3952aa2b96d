/* SPDX-License-Identifier: MIT */
/* The TCM status of a discharge: whether the interactive contact and the face-to-face visit were
 * made in time, and for each code (99495, 99496) whether it is earned, still possible (and what is
 * needed by when) or lost (and why). cd_tcm_status_eval is the rule, on facts alone;
 * cd_tcm_status_list reads the facts of a patient's discharges from the store. */
#ifndef CD_CORE_TCM_H
#define CD_CORE_TCM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "core/base/error.h"
#include "core/base/page.h"
#include "core/calendar.h"
#include "core/store/store.h"

/* What caredesk knows of one discharge and what followed it (days are clinic-zone day numbers). */
struct cd_tcm_facts {
    int discharge_day;
    bool high;           /* high-complexity medical decision making (else moderate) */
    bool eligible;       /* a qualifying discharge (cd_discharge_eligible) */
    const char *reason;  /* why not eligible ("" or NULL when eligible) */
    bool cancelled;      /* the discharge was cancelled (HL7 A13) */
    int deceased_day;    /* the day the patient died, or -1 */
    int interactive_day; /* the first interactive contact after discharge, or -1 */
    int attempt_days[8]; /* the days of unsuccessful attempts after discharge, ascending */
    size_t nattempts;
    int visit_day;   /* the TCM face-to-face visit: the kept one, else the booked one; -1 none */
    bool visit_kept; /* the visit took place (appointment marked kept) */
    int ended_day;   /* the day the discharge's TCM enrollment was ended by hand, or -1 */
    const char *ended_reason; /* why ("refused", ...; NULL or "" when none was given) */
};

enum cd_tcm_contact {
    CD_TCM_CONTACT_PENDING,  /* not made yet, deadline not passed */
    CD_TCM_CONTACT_ON_TIME,  /* interactive contact by the deadline */
    CD_TCM_CONTACT_ATTEMPTS, /* two unsuccessful attempts on separate days by the deadline */
    CD_TCM_CONTACT_LATE,     /* interactive contact after the deadline */
    CD_TCM_CONTACT_MISSED,   /* deadline passed without contact or two attempts */
    CD_TCM_CONTACT_NA,       /* no TCM for this discharge (not qualifying, or cancelled) */
};

enum cd_tcm_visit {
    CD_TCM_VISIT_NONE,    /* nothing booked */
    CD_TCM_VISIT_BOOKED,  /* booked inside the window of the discharge's complexity */
    CD_TCM_VISIT_KEPT,    /* took place on day N, inside the window */
    CD_TCM_VISIT_OUTSIDE, /* booked or kept after the window */
    CD_TCM_VISIT_NA,      /* no TCM for this discharge (not qualifying, or cancelled) */
};

enum cd_tcm_code_state { CD_TCM_POSSIBLE, CD_TCM_EARNED, CD_TCM_LOST };

struct cd_tcm_code {
    enum cd_tcm_code_state state;
    char why[160]; /* earned: what earned it; possible: what is needed by when; lost: why */
};

/* The status of one discharge on a given day. */
struct cd_tcm_status {
    struct cd_tcm_due due;
    enum cd_tcm_contact contact;
    int contact_day; /* the contact, or the second timely attempt; -1 when none */
    enum cd_tcm_visit visit;
    int visit_day;  /* -1 when none */
    int visit_n;    /* days after discharge of the visit (day 0 = discharge day) */
    int window_end; /* the visit deadline of the discharge's complexity (+7 high, +14) */
    struct cd_tcm_code c99495, c99496;
};

/* The TCM status of the discharge FACTS as of TODAY, counting business days on CAL. */
void cd_tcm_status_eval(const struct cd_calendar *cal, const struct cd_tcm_facts *facts, int today,
                        struct cd_tcm_status *out);
/* The word for a contact, visit or code state as the CLI prints it ("on_time", "kept", ...). */
const char *cd_tcm_contact_key(enum cd_tcm_contact c);
const char *cd_tcm_visit_key(enum cd_tcm_visit v);
const char *cd_tcm_state_key(enum cd_tcm_code_state s);
/* The best code's state in a few words: "99496 earned", "99495 earned", "99496 possible",
 * "99495 possible", "TCM lost" or, for a discharge that starts no TCM, "no TCM". After a "TCM"
 * label (LABELLED) the last two read "lost" and "none". A static string. */
const char *cd_tcm_status_headline(const struct cd_tcm_status *s, bool labelled);
/* The sentence behind the headline: what is still needed by when, or why the codes are lost
 * (or why there is no TCM); "" when a code is earned. */
const char *cd_tcm_status_why(const struct cd_tcm_status *s);
/* One line for a list's detail line or the chart: the headline and the sentence behind it, as
 * "99496 possible: visit by Dec 8", "99495 earned", "TCM lost: no contact by Nov 4" or "no TCM:
 * not a qualifying discharge: ...". Into OUT (SIZE bytes). */
char *cd_tcm_status_summary(const struct cd_tcm_status *s, char *out, size_t size);

/* The columns of cd_tcm_status_list's page: one row per discharge, newest first. */
#define CD_TCM_STATUS_COLUMNS(X)                                                                   \
    X(CD_TCM_COL_ENCOUNTER, "encounter")                                                           \
    X(CD_TCM_COL_DISCHARGE_DATE, "discharge_date")                                                 \
    X(CD_TCM_COL_COMPLEXITY, "complexity")                                                         \
    X(CD_TCM_COL_CONTACT_DUE, "contact_due")                                                       \
    X(CD_TCM_COL_CONTACT, "contact")                                                               \
    X(CD_TCM_COL_CONTACT_DATE, "contact_date")                                                     \
    X(CD_TCM_COL_VISIT_DUE, "visit_due")                                                           \
    X(CD_TCM_COL_VISIT, "visit")                                                                   \
    X(CD_TCM_COL_VISIT_DATE, "visit_date")                                                         \
    X(CD_TCM_COL_99495, "99495")                                                                   \
    X(CD_TCM_COL_99495_WHY, "99495_why")                                                           \
    X(CD_TCM_COL_99496, "99496")                                                                   \
    X(CD_TCM_COL_99496_WHY, "99496_why")
enum cd_tcm_col { CD_TCM_STATUS_COLUMNS(CD_PAGE_COL_ENUM) CD_TCM_NCOLS };

/* The TCM status of each of PATIENT_ID's discharges today, newest first (CD_TCM_STATUS_COLUMNS;
 * cancelled discharges included, ED and outpatient visits not). One audited read. */
int cd_tcm_status_list(struct cd_store *store, int64_t patient_id, struct cd_page *page,
                       struct cd_error *err);
/* The status of PATIENT_ID's latest discharge today into *OUT; *FOUND false when the patient has
 * none. Not audited: for a screen that has recorded the chart's opening. */
int cd_tcm_status_latest(struct cd_store *store, int64_t patient_id, struct cd_tcm_status *out,
                         bool *found, struct cd_error *err);

#endif
