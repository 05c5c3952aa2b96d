/* SPDX-License-Identifier: MIT */
/* Staff members and their roles: coordinator, scheduler, supervisor, admin. */
#ifndef CD_CORE_USER_H
#define CD_CORE_USER_H

#include <stdbool.h>
#include <stdint.h>

#include "core/base/error.h"
#include "core/base/page.h"
#include "core/base/vocab.h"
#include "core/store/store.h"

/* The longest login and name a staff member may have, in bytes (cd_user_add refuses longer). */
#define CD_USER_LOGIN_MAX 64
#define CD_USER_NAME_MAX 200

struct cd_user {
    int64_t id;
    char login[CD_USER_LOGIN_MAX + 1];
    char name[CD_USER_NAME_MAX + 1];
    char role[16];
    char team[65];
};

/* Add a staff member (audited). *ID (may be NULL) gets the new id. CD_EEXIST when LOGIN is taken;
 * CD_EPERM when the store's acting user may not (core/perm.h: supervisors and admins add staff,
 * only admins add admins); with no acting user yet (the first user, at init) anyone may. */
int cd_user_add(struct cd_store *store, const char *login, const char *name, const char *role,
                const char *team, int64_t *id, struct cd_error *err);
/* Look a user up by login. CD_ENOTFOUND with a message naming 'caredesk user add'. */
int cd_user_find(struct cd_store *store, const char *login, struct cd_user *out,
                 struct cd_error *err);
/* Look a user up by id. */
int cd_user_get(struct cd_store *store, int64_t id, struct cd_user *out, struct cd_error *err);
/* Number of users. */
int cd_user_count(struct cd_store *store, int64_t *n, struct cd_error *err);
/* All users (id login name role team), by login. */
int cd_user_list(struct cd_store *store, struct cd_page *page, struct cd_error *err);
/* The login of the person running caredesk, from the password database (getpwuid(getuid())),
 * never from $USER or $LOGNAME; NULL when the user id has no name there. */
const char *cd_user_os_login(void);
/* Who acts in a session: OS_LOGIN, or REQUESTED (--user; NULL or OS_LOGIN itself: no request)
 * when the OS user is an admin in STORE or OWNS_DB (the caller owns a single user's database,
 * false in team mode, or is the system's root). *LOGIN gets OS_LOGIN or REQUESTED (borrowed).
 * CD_EPERM otherwise: "--user mallory: acting as another user is for admins; 'alice' is a
 * coordinator". */
int cd_user_acting(struct cd_store *store, const char *os_login, const char *requested,
                   bool owns_db, const char **login, struct cd_error *err);
/* Record that OS_LOGIN acts as LOGIN in this session, with both names ("root as mrivera";
 * entity session, action act_as), as the store's actor; on a read-only database nothing can be
 * recorded and the reading goes on, as for every audited read (cd_audit_access). */
int cd_user_audit_act_as(struct cd_store *store, const char *os_login, const char *login,
                         struct cd_error *err);

#endif
