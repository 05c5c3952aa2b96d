/* SPDX-License-Identifier: MIT */
/* Billable minutes: the code table (data/billing/codes.tsv, rules as data) and the month's minutes,
 * codes, next threshold and the reason nothing is billable, per patient and for the clinic. */
#ifndef CD_CORE_BILLING_H
#define CD_CORE_BILLING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/base/error.h"
#include "core/base/page.h"
#include "core/store/store.h"
#include "core/timeentry.h"

/* One row of the code table. */
struct cd_billing_code {
    char code[8];       /* 99490 */
    char program[16];   /* ccm ccm_complex pcm ... */
    char performer[16]; /* clinical_staff practitioner */
    bool each;          /* false: the first unit; true: each additional block */
    int minutes;        /* minutes the unit needs, fully met */
    int max_units;      /* 0 = no cap */
    char excludes[128]; /* comma-separated codes this one keeps from the same month */
};

#define CD_BILLING_MAX_CODES 48
struct cd_billing_rules {
    size_t n;
    struct cd_billing_code codes[CD_BILLING_MAX_CODES];
};

/* Parse a code table (TSV with the header code program performer kind minutes max_units excludes;
 * '#' comments). Errors name NAME:LINE: field. */
int cd_billing_rules_parse(const char *name, const char *text, struct cd_billing_rules *out,
                           struct cd_error *err);
/* The built-in table (data/billing/codes.tsv), parsed once on first use, in *OUT (borrowed,
 * static; safe from any thread). CD_EIO naming the file's line when it does not parse. */
int cd_billing_rules_builtin(const struct cd_billing_rules **out, struct cd_error *err);

/* The minutes the first code of PROGRAM needs when ROLE (clinical_staff, practitioner) does the
 * work, from the built-in table: ccm 20, ccm_complex 60, pcm 30 for clinical staff today; 0 when
 * the program has no such code or the table does not load. The one source of the thresholds the
 * worklist, its generation and the minutes bar show. */
int cd_billing_first_minutes(const char *program, const char *role);

/* What SECONDS of one program and role earn, before exclusions. */
struct cd_billing_earned {
    char codes[64]; /* "99490,99439x2"; "" when nothing */
    int units_first, units_each;
    bool has_code;      /* the table has a first code for this program and role */
    int next_threshold; /* minutes of the next threshold (20, 40, 60 ...); 0 when none left */
    int64_t next_in;    /* seconds still missing to it; 0 when none */
};
/* Apply the table to SECONDS of PROGRAM time by ROLE (20 minutes means 1200 seconds). */
void cd_billing_earn(const struct cd_billing_rules *rules, const char *program, const char *role,
                     int64_t seconds, struct cd_billing_earned *out);

/* One program and role of a patient's month. */
struct cd_billing_line {
    char program[16], role[16];
    int64_t seconds;        /* logged (not voided) */
    int64_t billable;       /* enrolled, with consent on or before the day */
    int64_t before_consent; /* enrolled, consent given later */
    int64_t no_consent;     /* enrolled with consent 'none' */
    int64_t not_enrolled;
    bool apcm;                       /* an APCM enrollment covers the month */
    struct cd_billing_earned earned; /* after exclusions */
    int64_t next_in_minutes;         /* minutes to the next threshold; -1 when none applies */
    char reason[160]; /* why nothing (or not everything) counts; "" when all is well */
};

#define CD_BILLING_MAX_LINES 12
struct cd_billing_month {
    char month[CD_MONTH_LEN];
    size_t n;
    struct cd_billing_line lines[CD_BILLING_MAX_LINES];
};

/* The month (YYYY-MM; NULL = the current clinic month) of PATIENT_ID: one line per program and
 * role with logged time, codes after exclusions, the next threshold and the reason. */
int cd_billing_patient(struct cd_store *store, int64_t patient_id, const char *month,
                       struct cd_billing_month *out, struct cd_error *err);
/* The line for PROGRAM and ROLE in M (borrowed), or NULL. */
const struct cd_billing_line *cd_billing_find(const struct cd_billing_month *m, const char *program,
                                              const char *role);

enum cd_billing_sort {
    CD_BILLING_SORT_MRN,
    CD_BILLING_SORT_PATIENT,
    CD_BILLING_SORT_MINUTES,
    CD_BILLING_SORT_NEXT, /* next_threshold_in, rows without one last */
};

struct cd_billing_query {
    const char *month; /* YYYY-MM; NULL = the current clinic month */
    enum cd_billing_sort sort;
    bool descending;
    int close_within;     /* > 0: only rows within this many minutes of their next threshold */
    size_t offset, limit; /* a page of the sorted rows; limit 0 = all */
};

/* The columns of cd_billing_list's page: patient is "Family, Given", role the performer's,
 * codes those earned after exclusions, next_threshold_in the minutes still missing for the next
 * code (NULL when none applies), reason why time does not count (NULL when it all does). */
#define CD_BILLING_COLUMNS(X)                                                                      \
    X(CD_BILLING_COL_MRN, "mrn")                                                                   \
    X(CD_BILLING_COL_PATIENT, "patient")                                                           \
    X(CD_BILLING_COL_PROGRAM, "program")                                                           \
    X(CD_BILLING_COL_ROLE, "role")                                                                 \
    X(CD_BILLING_COL_MINUTES, "minutes")                                                           \
    X(CD_BILLING_COL_CODES, "codes")                                                               \
    X(CD_BILLING_COL_NEXT_THRESHOLD_IN, "next_threshold_in")                                       \
    X(CD_BILLING_COL_REASON, "reason")
enum cd_billing_col { CD_BILLING_COLUMNS(CD_PAGE_COL_ENUM) CD_BILLING_NCOLS };
/* The clinic's month, one row per patient, program and role with logged time, into PAGE
 * (CD_BILLING_COLUMNS). */
int cd_billing_list(struct cd_store *store, const struct cd_billing_query *q, struct cd_page *page,
                    struct cd_error *err);
/* cd_billing_list recorded in the audit log as one read of the month's billing ("2026-11: 40
 * rows"): the command line's report, and the minutes screen when it opens (not its reloads). */
int cd_billing_read(struct cd_store *store, const struct cd_billing_query *q, struct cd_page *page,
                    struct cd_error *err);

#endif
