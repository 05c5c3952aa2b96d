/* SPDX-License-Identifier: MIT */
/* Who may do what: one table of roles and permissions, asked by the command line and the screens
 * alike (the screens grey out what core would refuse). */
#ifndef CD_CORE_PERM_H
#define CD_CORE_PERM_H

#include <stdbool.h>

#include "core/base/error.h"
#include "core/store/store.h"
#include "core/user.h"

enum cd_perm {
    CD_PERM_SEE_EVERYONE,    /* everyone's call list, not only one's own or one's team's */
    CD_PERM_CHANGE_SETTINGS, /* clinic name, time zone, holidays, limits */
    CD_PERM_ADD_USER,        /* add staff members */
    CD_PERM_ADD_ADMIN,       /* add an admin, who may act as anyone */
    CD_PERM_VOID_OTHERS,     /* void or correct someone else's time entry */
    CD_PERM_ACT_AS,          /* act as another staff member (--user) */
    CD_PERM_READ_AUDIT,      /* browse and verify the access log */
    CD_PERM_CONFIRM_TIME,    /* confirm a day's minutes above the clinic's limit */
    CD_PERM_RECORD_DEATH,    /* record a patient's death by hand (a discharge records its own) */
    CD_PERM_CORRECT_DEATH,   /* take back a death recorded by mistake */
    CD_PERM_CHECK_DATABASE,  /* run the consistency check over every patient's records */
    CD_PERM_SEE_TCM_INTAKE,  /* the TCM intake list: the tcm queue and unassigned discharges */
    CD_PERM_COUNT
};

/* True when ROLE (coordinator, scheduler, supervisor, admin) may do WHAT. */
bool cd_perm_allows(const char *role, enum cd_perm what);
/* 0 when USER may do WHAT; otherwise CD_EPERM with a sentence naming who may, e.g. "changing a
 * setting is for supervisors and admins; 'mrivera' is a coordinator". */
int cd_perm_check(const struct cd_user *user, enum cd_perm what, struct cd_error *err);
/* cd_perm_check for the store's acting user (cd_store_actor); CD_EPERM when there is none. */
int cd_perm_require(struct cd_store *store, enum cd_perm what, struct cd_error *err);

#endif
