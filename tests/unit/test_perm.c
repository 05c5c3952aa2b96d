/* SPDX-License-Identifier: MIT */
/* Unit tests of core/perm: the role table and its sentences. */
#include "config.h"

#include <string.h>

#include "core/perm.h"
#include "tests/lib/tap.h"
#include "tests/lib/testdb.h"

static struct cd_user user(const char *login, const char *role)
{
    struct cd_user u = {.id = 7};
    snprintf(u.login, sizeof u.login, "%s", login);
    snprintf(u.role, sizeof u.role, "%s", role);
    return u;
}

int main(void)
{
    struct cd_error err = {0};
    struct cd_user coord = user("mrivera", "coordinator"), sched = user("jlee", "scheduler");
    struct cd_user super = user("pkhan", "supervisor"), admin = user("root", "admin");

    for (int p = 0; p < CD_PERM_COUNT; p++) {
        if (p != CD_PERM_RECORD_DEATH) /* the nurse who hears of it records it */
            ok(!cd_perm_allows("coordinator", (enum cd_perm)p), "a coordinator may not do %d", p);
        if (p != CD_PERM_SEE_TCM_INTAKE)
            ok(!cd_perm_allows("scheduler", (enum cd_perm)p), "a scheduler may not do %d", p);
        ok(cd_perm_allows("admin", (enum cd_perm)p), "an admin may do %d", p);
    }
    ok(cd_perm_allows("supervisor", CD_PERM_SEE_EVERYONE), "a supervisor sees everyone's list");
    ok(cd_perm_allows("scheduler", CD_PERM_SEE_TCM_INTAKE), "a scheduler sees the TCM intake");
    ok(cd_perm_allows("supervisor", CD_PERM_SEE_TCM_INTAKE), "so does a supervisor");
    is_int(cd_perm_check(&coord, CD_PERM_SEE_TCM_INTAKE, &err), CD_EPERM,
           "a coordinator works her own list, not the intake");
    is_str(err.msg,
           "the TCM intake list is for schedulers, supervisors and admins; 'mrivera' is a "
           "coordinator",
           "and is told who may");
    ok(!cd_perm_allows("supervisor", CD_PERM_ACT_AS), "only an admin acts as someone else");
    ok(!cd_perm_allows("supervisor", CD_PERM_ADD_ADMIN), "and only an admin makes an admin");
    ok(cd_perm_allows("supervisor", CD_PERM_ADD_USER), "a supervisor adds staff");
    ok(cd_perm_allows("coordinator", CD_PERM_RECORD_DEATH), "a coordinator records a death");
    ok(cd_perm_allows("supervisor", CD_PERM_CORRECT_DEATH), "a supervisor takes one back");
    ok(!cd_perm_allows(NULL, CD_PERM_SEE_EVERYONE), "no role, no permission");
    ok(!cd_perm_allows("nurse", CD_PERM_SEE_EVERYONE), "an unknown role has none");
    ok(!cd_perm_allows("admin", CD_PERM_COUNT), "an unknown permission is refused");

    is_int(cd_perm_check(&super, CD_PERM_CHANGE_SETTINGS, &err), 0,
           "supervisor may change settings");
    is_int(cd_perm_check(&coord, CD_PERM_CHANGE_SETTINGS, &err), CD_EPERM, "coordinator may not");
    is_str(err.msg, "changing a setting is for supervisors and admins; 'mrivera' is a coordinator",
           "the sentence names who may and who asked");
    is_int(cd_perm_check(&sched, CD_PERM_SEE_EVERYONE, &err), CD_EPERM, "scheduler refused");
    is_str(err.msg, "everyone's call list is for supervisors and admins; 'jlee' is a scheduler",
           "a scheduler");
    is_int(cd_perm_check(&super, CD_PERM_ACT_AS, &err), CD_EPERM, "supervisor may not act as");
    is_str(err.msg, "acting as another user is for admins; 'pkhan' is a supervisor", "admins only");
    is_int(cd_perm_check(NULL, CD_PERM_ADD_USER, &err), CD_EPERM, "nobody");
    is_str(err.msg, "adding a user is for supervisors and admins; 'you' is not a caredesk user",
           "a login that is not a user");
    is_int(cd_perm_check(&admin, CD_PERM_READ_AUDIT, &err), 0, "admin reads the audit");

    /* the store's acting user */
    struct cd_store *store = testdb_open("UTC", "2026-11-02T09:00");
    is_int(cd_perm_require(store, CD_PERM_ADD_USER, &err), 0, "testdb's admin may add users");
    int64_t id;
    cd_user_add(store, "mrivera", "Maria Rivera", "coordinator", "north", &id, &err);
    cd_store_set_actor(store, id);
    is_int(cd_perm_require(store, CD_PERM_ADD_USER, &err), CD_EPERM, "the coordinator may not");
    is_str(err.msg, "adding a user is for supervisors and admins; 'mrivera' is a coordinator",
           "named from the database");
    int64_t sid;
    cd_store_set_actor(store, 0);
    cd_user_add(store, "pkhan", "Priya Khan", "supervisor", NULL, &sid, &err);
    cd_store_set_actor(store, sid);
    is_int(cd_user_add(store, "eve", "Eve", "admin", NULL, NULL, &err), CD_EPERM,
           "cd_user_add asks core: a supervisor may not make an admin");
    is_str(err.msg, "adding an admin is for admins; 'pkhan' is a supervisor", "and says so");
    is_int(cd_user_add(store, "nia", "Nia", "coordinator", NULL, NULL, &err), 0,
           "a supervisor adds a coordinator");
    cd_store_set_actor(store, id);
    is_int(cd_user_add(store, "bob", "Bob", "coordinator", NULL, NULL, &err), CD_EPERM,
           "a coordinator adds nobody");
    cd_store_set_actor(store, 0);
    is_int(cd_perm_require(store, CD_PERM_ADD_USER, &err), CD_EPERM, "no actor, no permission");
    cd_store_close(store);
    return done_testing();
}
