/* SPDX-License-Identifier: MIT */
/* The LACE readmission index (van Walraven 2010, domain.md) and the risk tier it gives: the score
 * from what a discharge carries (cd_lace_compute, on facts alone, with the parts that are
 * unknown named), and the score of a recorded discharge written to its patient (cd_lace_intake).
 * Tables: data/charlson_icd10.tsv (ICD-10 to Charlson weight) and data/lace_tiers.tsv. */
#ifndef CD_CORE_LACE_H
#define CD_CORE_LACE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/base/error.h"
#include "core/store/store.h"

/* The parts of the score that may be unknown (bits of cd_lace.unknown). */
enum {
    CD_LACE_L = 1, /* no admission time: length of stay unknown */
    CD_LACE_A = 2, /* no admission type */
    CD_LACE_C = 4, /* no diagnoses on the discharge and no conditions on file */
    CD_LACE_E = 8, /* no earlier encounter of the patient on file */
};

/* What the score is made from; an unknown part scores 0, so the score is a lower bound. */
struct cd_lace_in {
    int los_days;             /* admission to discharge, in days; -1 unknown */
    int acute;                /* 1 emergency admission, 0 not, -1 unknown */
    const char *const *icd10; /* diagnoses and conditions (with or without dots) */
    size_t nicd10;            /* 0: comorbidities unknown */
    int ed_visits;            /* ED visits in the 6 months before admission; -1 unknown */
};

struct cd_lace {
    int score; /* 0..19 */
    int l, a, c, e;
    int charlson;     /* the Charlson comorbidity score behind C */
    unsigned unknown; /* CD_LACE_* bits */
    char tier[16];    /* low, moderate or high (data/lace_tiers.tsv) */
};

/* The Charlson comorbidity score of the ICD-10 codes CODES (each group once, at its highest
 * weight). */
int cd_lace_charlson(const char *const *codes, size_t n);
/* The LACE score and tier of IN into OUT. */
void cd_lace_compute(const struct cd_lace_in *in, struct cd_lace *out);
/* The tier of SCORE: "low", "moderate" or "high" (static). */
const char *cd_lace_tier(int score);
/* The unknown parts of UNKNOWN in words, joined by ", " ("comorbidities, ED visits"), into OUT;
 * "" when all are known. */
char *cd_lace_unknown_text(unsigned unknown, char *out, size_t size);
/* "LACE 11, high" plus ": comorbidities unknown" when parts are unknown, into OUT. */
char *cd_lace_describe(int score, const char *tier, unsigned unknown, char *out, size_t size);

/* Score the discharge ENCOUNTER_ID of its patient from what it carries and what is on file
 * (conditions, ED visits in the 6 months before admission) and write the score and its unknown
 * parts to the patient, inside the caller's transaction (audited). The tier follows the score
 * unless a person set it by hand (patients.risk_manual), which a new discharge never overrides.
 * *OUT (may be NULL) gets the result. */
int cd_lace_intake(struct cd_store *store, int64_t encounter_id, struct cd_lace *out,
                   struct cd_error *err);

#endif
