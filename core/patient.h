/* SPDX-License-Identifier: MIT */
/* Patients: add, validate, look up by MRN or name. */
#ifndef CD_CORE_PATIENT_H
#define CD_CORE_PATIENT_H

#include <stdbool.h>
#include <stdint.h>

#include "core/base/clock.h"
#include "core/base/error.h"
#include "core/base/page.h"
#include "core/store/store.h"
#include "core/user.h"

/* The longest fields a patient may have, in bytes (cd_patient_validate refuses longer ones). */
#define CD_PATIENT_MRN_MAX 64
#define CD_PATIENT_NAME_MAX 100 /* family and given name each */
#define CD_PATIENT_PHONE_MAX 40 /* phone and phone_alt each */
#define CD_PATIENT_LANGUAGE_MAX 40
/* Room for the label screens write of a patient: "Family, Given (MRN mrn)". */
#define CD_PATIENT_LABEL_LEN (2 * CD_PATIENT_NAME_MAX + CD_PATIENT_MRN_MAX + 16)

/* The fields of a patient as typed or imported (all borrowed strings; NULL or "" = not given). */
struct cd_patient_in {
    const char *mrn;
    const char *family;
    const char *given;
    const char *birth_date; /* YYYY-MM-DD */
    const char *sex;        /* F, M, X or U */
    const char *phone;
    const char *phone_alt;
    const char *language;
    const char *coordinator; /* login */
};

/* Check every field; the message names the field ("birth_date: '1948-13-01' is not ..."). */
int cd_patient_validate(const struct cd_patient_in *in, struct cd_error *err);
/* Add a patient (one transaction, audited). CD_EEXIST when the MRN is taken. */
int cd_patient_add(struct cd_store *store, const struct cd_patient_in *in, int64_t *id,
                   struct cd_error *err);
/* Insert or update by MRN inside the caller's transaction; only given fields overwrite.
 * *CREATED is 1 for a new patient, 0 for an update (unchanged rows count as updates only if a
 * field changed: *CHANGED). */
int cd_patient_upsert(struct cd_store *store, const struct cd_patient_in *in, int64_t *id,
                      int *created, int *changed, struct cd_error *err);
/* The id of the patient with MRN. CD_ENOTFOUND with a message naming the MRN. */
int cd_patient_find_mrn(struct cd_store *store, const char *mrn, int64_t *id, struct cd_error *err);
/* The MRN of patient ID into OUT (CD_PATIENT_MRN_MAX + 1 bytes). CD_ENOTFOUND names the id. */
int cd_patient_mrn_of(struct cd_store *store, int64_t id, char *out, struct cd_error *err);
/* The clinic-zone day of death from patients.deceased_at as stored: an instant (the discharge or
 * HL7 death time that recorded it) or a date (recorded by hand). False when STORED is neither. */
bool cd_patient_death_day(const char *stored, int *day);
/* The columns of cd_patient_search's page: patient is "Family, Given", coordinator a login. */
#define CD_PATIENT_SEARCH_COLUMNS(X)                                                               \
    X(CD_PATIENT_SEARCH_COL_ID, "id")                                                              \
    X(CD_PATIENT_SEARCH_COL_MRN, "mrn")                                                            \
    X(CD_PATIENT_SEARCH_COL_PATIENT, "patient")                                                    \
    X(CD_PATIENT_SEARCH_COL_BIRTH_DATE, "birth_date")                                              \
    X(CD_PATIENT_SEARCH_COL_PHONE, "phone")                                                        \
    X(CD_PATIENT_SEARCH_COL_COORDINATOR, "coordinator")
enum cd_patient_search_col { CD_PATIENT_SEARCH_COLUMNS(CD_PAGE_COL_ENUM) CD_PATIENT_SEARCH_NCOLS };
/* Patients whose MRN starts with, or whose "family given" name contains, QUERY (case-insensitive
 * ASCII), at most LIMIT rows (CD_PATIENT_SEARCH_COLUMNS). Each search is one read in the audit
 * log (naming the patient when one was found). */
int cd_patient_search(struct cd_store *store, const char *query, int limit, struct cd_page *page,
                      struct cd_error *err);
/* One patient as the chart header shows them; a text field not on record is "". */
struct cd_patient_header {
    int64_t id;
    char mrn[CD_PATIENT_MRN_MAX + 1];
    char family_name[CD_PATIENT_NAME_MAX + 1];
    char given_name[CD_PATIENT_NAME_MAX + 1];
    char birth_date[CD_DATE_LEN]; /* YYYY-MM-DD */
    char sex[2];                  /* F, M, X or U */
    char phone[CD_PATIENT_PHONE_MAX + 1];
    char phone_alt[CD_PATIENT_PHONE_MAX + 1];
    char language[CD_PATIENT_LANGUAGE_MAX + 1];
    char risk_tier[16];    /* low, moderate or high */
    int lace_score;        /* 0..19; -1 when not scored */
    unsigned lace_unknown; /* the parts of the score that were unknown (CD_LACE_* of core/lace.h) */
    char coordinator[CD_USER_LOGIN_MAX + 1];
    char coordinator_name[CD_USER_NAME_MAX + 1];
    char programs[64];          /* the active enrollments' programs, sorted: "ccm,tcm" */
    char deceased[CD_DATE_LEN]; /* the date of death, YYYY-MM-DD; "" while alive */
};

/* The chart header of patient ID into *OUT. CD_ENOTFOUND names the id. */
int cd_patient_header_get(struct cd_store *store, int64_t id, struct cd_patient_header *out,
                          struct cd_error *err);
/* Record that the acting user opened PATIENT_ID's chart on SCREEN ("Contacts", "Timeline"): one
 * audit entry per opening, not per page, redraw or tab switch (the workstation calls it once). */
int cd_patient_chart_opened(struct cd_store *store, int64_t patient_id, const char *screen,
                            struct cd_error *err);

#endif
