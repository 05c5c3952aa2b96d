/* SPDX-License-Identifier: MIT */
/* The role table: which role may do what, and the sentence that says so when it may not. */
#include "config.h"
#include "core/perm.h"

#include <string.h>

/* Bit per role in the order of the names below. */
enum { COORD = 1, SCHED = 2, SUPER = 4, ADMIN = 8 };

static const struct {
    const char *what; /* the deed, as the start of a sentence */
    unsigned roles;
    const char *who; /* the roles that may, in words */
} perms[CD_PERM_COUNT] = {
    [CD_PERM_SEE_EVERYONE] = {"everyone's call list", SUPER | ADMIN, "supervisors and admins"},
    [CD_PERM_CHANGE_SETTINGS] = {"changing a setting", SUPER | ADMIN, "supervisors and admins"},
    [CD_PERM_ADD_USER] = {"adding a user", SUPER | ADMIN, "supervisors and admins"},
    [CD_PERM_ADD_ADMIN] = {"adding an admin", ADMIN, "admins"},
    [CD_PERM_VOID_OTHERS] = {"voiding or correcting another person's time", SUPER | ADMIN,
                             "supervisors and admins"},
    [CD_PERM_ACT_AS] = {"acting as another user", ADMIN, "admins"},
    [CD_PERM_READ_AUDIT] = {"the access log", SUPER | ADMIN, "supervisors and admins"},
    [CD_PERM_CONFIRM_TIME] = {"confirming a day's minutes above the limit", SUPER | ADMIN,
                              "supervisors and admins"},
    /* the nurse who hears of a death from the family records it; a scheduler books, and a
     * death ends programs, so it is not theirs */
    [CD_PERM_RECORD_DEATH] = {"recording a death", COORD | SUPER | ADMIN,
                              "coordinators, supervisors and admins"},
    [CD_PERM_CORRECT_DEATH] = {"taking back a recorded death", SUPER | ADMIN,
                               "supervisors and admins"},
    [CD_PERM_CHECK_DATABASE] = {"checking the database's consistency", SUPER | ADMIN,
                                "supervisors and admins"},
    /* schedulers take the discharges in: they follow them until a visit is booked */
    [CD_PERM_SEE_TCM_INTAKE] = {"the TCM intake list", SCHED | SUPER | ADMIN,
                                "schedulers, supervisors and admins"},
};

static unsigned role_bit(const char *role)
{
    static const char *const names[] = {"coordinator", "scheduler", "supervisor", "admin"};
    for (unsigned i = 0; role && i < sizeof names / sizeof names[0]; i++)
        if (strcmp(role, names[i]) == 0)
            return 1u << i;
    return 0;
}

bool cd_perm_allows(const char *role, enum cd_perm what)
{
    return what >= 0 && what < CD_PERM_COUNT && (perms[what].roles & role_bit(role));
}

int cd_perm_check(const struct cd_user *user, enum cd_perm what, struct cd_error *err)
{
    if (user && cd_perm_allows(user->role, what))
        return 0;
    const char *role = user && user->role[0] ? user->role : NULL;
    return cd_error_set(err, CD_EPERM, "%s is for %s; '%s' is %s%s", perms[what].what,
                        perms[what].who, user && user->login[0] ? user->login : "you",
                        role ? (strchr("aeiou", role[0]) ? "an " : "a ") : "not a caredesk user",
                        role ? role : "");
}

int cd_perm_require(struct cd_store *store, enum cd_perm what, struct cd_error *err)
{
    struct cd_user u = {0};
    int64_t actor = cd_store_actor(store);
    if (actor) {
        int rc = cd_user_get(store, actor, &u, err);
        if (rc)
            return rc;
    }
    return cd_perm_check(actor ? &u : NULL, what, err);
}
