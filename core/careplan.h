/* SPDX-License-Identifier: MIT */
/* The versioned care plan: an in-memory editable copy, save as a new version with conflict
 * refusal, the diff between versions, review tasks, and readable renderings. */
#ifndef CD_CORE_CAREPLAN_H
#define CD_CORE_CAREPLAN_H

#include <stddef.h>
#include <stdint.h>

#include "core/base/error.h"
#include "core/base/page.h"
#include "core/base/strbuf.h"
#include "core/store/store.h"

/* The CMS elements, in the order the plan shows them. */
enum cd_careplan_section {
    CD_CAREPLAN_PROBLEM,
    CD_CAREPLAN_PROGNOSIS,
    CD_CAREPLAN_GOAL,
    CD_CAREPLAN_SYMPTOM,
    CD_CAREPLAN_INTERVENTION,
    CD_CAREPLAN_MEDICATION,
    CD_CAREPLAN_ASSESSMENT,
    CD_CAREPLAN_ENVIRONMENT,
    CD_CAREPLAN_CAREGIVER,
    CD_CAREPLAN_RESOURCE,
    CD_CAREPLAN_BARRIER,
    CD_CAREPLAN_NSECTIONS
};

/* One item of a section. All strings are owned by the plan; NULL = not given. */
struct cd_careplan_item {
    char *key;           /* stable across versions: "goal-2" */
    int section;         /* enum cd_careplan_section */
    char *text;          /* what: problem text, goal, intervention, medication name ... */
    char *code;          /* ICD-10 code (problems) */
    char *target;        /* goal target value or state */
    char *target_date;   /* goal target date / intervention due date, YYYY-MM-DD */
    char *status;        /* goals: proposed active met not_met cancelled;
                          * interventions: planned in_progress done cancelled */
    char *responsible;   /* intervention: person or role */
    char *dose;          /* medication */
    char *route;         /* medication: how taken */
    char *reconciled_on; /* medication, YYYY-MM-DD */
};

/* The fields of an item as typed (borrowed). For an edit, NULL leaves a field alone and ""
 * clears it; for an add, NULL and "" both mean not given. */
struct cd_careplan_fields {
    const char *text, *code, *target, *target_date, *status, *responsible, *dose, *route,
        *reconciled_on;
};

/* A care plan in memory: one version as loaded, then edited. */
struct cd_careplan {
    int64_t plan_id; /* 0 until the first save */
    int64_t patient_id;
    int version;       /* the version loaded or last saved; 0 = no plan yet */
    int current;       /* the current version when loaded */
    char *saved_at;    /* instant the version was saved (NULL for version 0) */
    char *saved_by;    /* the saver's name */
    char *summary;     /* what changed in that version */
    char *next_review; /* YYYY-MM-DD or NULL */
    size_t nitems, cap;
    struct cd_careplan_item *items;      /* by section, then position */
    int next_num[CD_CAREPLAN_NSECTIONS]; /* next free key number per section */
};

/* The section's schema name ("goal"), its plain heading ("Goals"); -1 for an unknown name. */
const char *cd_careplan_section_name(int section);
const char *cd_careplan_section_title(int section);
int cd_careplan_section_parse(const char *name);

/* Load version VERSION (0 = current) of the plan of PATIENT_ID into *OUT (caller frees with
 * cd_careplan_free). A patient without a plan gets an empty plan at version 0. CD_ENOTFOUND when
 * VERSION does not exist. */
int cd_careplan_load(struct cd_store *store, int64_t patient_id, int version,
                     struct cd_careplan **out, struct cd_error *err);
/* Free a plan (NULL is a no-op). */
void cd_careplan_free(struct cd_careplan *plan);
/* The item with KEY, or NULL (borrowed; valid until the plan changes). */
const struct cd_careplan_item *cd_careplan_find(const struct cd_careplan *plan, const char *key);

/* Add an item at the end of SECTION after checking its fields; *KEY (may be NULL) borrows the new
 * key. CD_EINVAL naming the field. */
int cd_careplan_add(struct cd_careplan *plan, int section, const struct cd_careplan_fields *in,
                    const char **key, struct cd_error *err);
/* Change the given fields of item KEY (see struct cd_careplan_fields). */
int cd_careplan_edit(struct cd_careplan *plan, const char *key, const struct cd_careplan_fields *in,
                     struct cd_error *err);
/* Move item KEY by DELTA places within its section (clamped). */
int cd_careplan_move(struct cd_careplan *plan, const char *key, int delta, struct cd_error *err);
/* Delete item KEY. */
int cd_careplan_delete(struct cd_careplan *plan, const char *key, struct cd_error *err);
/* Set the status of a goal or an intervention (checked against the section's statuses). */
int cd_careplan_set_status(struct cd_careplan *plan, const char *key, const char *status,
                           struct cd_error *err);
/* A status as the care team reads it ("not met", "in progress"; the others as stored); static,
 * "" for NULL. The patient's copy uses plainer words (cd_careplan_text). */
const char *cd_careplan_status_label(const char *status);
/* Set (YYYY-MM-DD) or clear (NULL or "") the next review date. */
int cd_careplan_set_review(struct cd_careplan *plan, const char *date, struct cd_error *err);

/* Save PLAN as a new version in one transaction, audited. SUMMARY may be NULL: it is then made
 * from the diff against BASE_VERSION. CD_ECONFLICT, naming who saved which version when, if the
 * current version is no longer BASE_VERSION (PLAN is left as it was, for the caller to merge);
 * CD_EINVAL when nothing changed. On success plan->version is the new version. */
int cd_careplan_save(struct cd_store *store, struct cd_careplan *plan, int base_version,
                     const char *summary, struct cd_error *err);

/* One difference between two versions. */
enum cd_careplan_change { CD_CAREPLAN_ADDED, CD_CAREPLAN_CHANGED, CD_CAREPLAN_REMOVED };
struct cd_careplan_field_change {
    const char *field;          /* "status", "position", ... (static) */
    const char *before, *after; /* borrowed from the plans; NULL = empty */
};
struct cd_careplan_diff_entry {
    int change;                          /* enum cd_careplan_change */
    const struct cd_careplan_item *item; /* the new item (the old one when removed); NULL for the
                                          * review date */
    size_t nfields;
    struct cd_careplan_field_change fields[12];
};
struct cd_careplan_diff {
    size_t n, cap;
    struct cd_careplan_diff_entry *entries; /* in the new plan's order, removed items last */
};

/* What changed from OLD to NEW (either may be an empty plan). OUT borrows from both plans: free
 * it (cd_careplan_diff_free) before them. */
int cd_careplan_diff(const struct cd_careplan *old, const struct cd_careplan *new,
                     struct cd_careplan_diff *out, struct cd_error *err);
void cd_careplan_diff_free(struct cd_careplan_diff *diff);
/* The diff as readable lines: "+ goal goal-2: ...", "~ ...\n    status: active -> met", "- ...". */
int cd_careplan_diff_text(const struct cd_careplan_diff *diff, struct cd_strbuf *out);
/* The one-line summary of a diff ("added goal-2; changed goal-1 (status); ..."). */
int cd_careplan_diff_summary(const struct cd_careplan_diff *diff, struct cd_strbuf *out);

/* The columns of cd_careplan_history's page: saved_at is clinic local, saved_by the saver's name,
 * items how many the version holds. */
#define CD_CAREPLAN_HISTORY_COLUMNS(X)                                                             \
    X(CD_CAREPLAN_HISTORY_COL_VERSION, "version")                                                  \
    X(CD_CAREPLAN_HISTORY_COL_SAVED_AT, "saved_at")                                                \
    X(CD_CAREPLAN_HISTORY_COL_SAVED_BY, "saved_by")                                                \
    X(CD_CAREPLAN_HISTORY_COL_SUMMARY, "summary")                                                  \
    X(CD_CAREPLAN_HISTORY_COL_NEXT_REVIEW_DATE, "next_review_date")                                \
    X(CD_CAREPLAN_HISTORY_COL_ITEMS, "items")
enum cd_careplan_history_col {
    CD_CAREPLAN_HISTORY_COLUMNS(CD_PAGE_COL_ENUM) CD_CAREPLAN_HISTORY_NCOLS
};
/* The versions of the plan of PATIENT_ID, newest first (CD_CAREPLAN_HISTORY_COLUMNS). */
int cd_careplan_history(struct cd_store *store, int64_t patient_id, struct cd_page *page,
                        struct cd_error *err);

/* The review tasks are made by cd_worklist_generate_reviews (core/worklist.h). */

/* The plan for the care team: header, then each section with keys, codes and statuses. One
 * read of the plan in the audit log. */
int cd_careplan_format(struct cd_store *store, const struct cd_careplan *plan,
                       struct cd_strbuf *out, struct cd_error *err);
/* The patient's printable copy in plain language, wrapped at 72 columns, dates written out,
 * with the clinic and coordinator names and the version's date. One export in the audit log. */
int cd_careplan_export_text(struct cd_store *store, const struct cd_careplan *plan,
                            struct cd_strbuf *out, struct cd_error *err);
/* Record in the audit log that the acting user read (ACTION "show") or exported ("export", in
 * FORMAT, e.g. "FHIR JSON"; NULL for a read) PLAN's version: "version 3 as text". */
int cd_careplan_audit(struct cd_store *store, const struct cd_careplan *plan, const char *action,
                      const char *format, struct cd_error *err);

#endif
