/* SPDX-License-Identifier: MIT */
/* Staff members: add, look up, list; who acts in a session: the OS login, or --user when the
 * OS user may act as another. */
#include "config.h"
#include "core/user.h"

#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/base/clock.h"
#include "core/base/strbuf.h"
#include "core/base/text.h"
#include "core/perm.h"
#include "core/store/audit.h"
#include "core/store/db.h"

static const char SQL_ADD[] = "INSERT INTO users(login, name, role, team, created_at) "
                              "VALUES (:login, :name, :role, :team, :at)";
static const char SQL_FIND[] =
    "SELECT id, login, name, role, coalesce(team, '') FROM users WHERE login = :login";
static const char SQL_GET[] =
    "SELECT id, login, name, role, coalesce(team, '') FROM users WHERE id = :id";
static const char SQL_COUNT[] = "SELECT count(*) FROM users";
static const char SQL_LIST[] = "SELECT id, login, name, role, team FROM users ORDER BY login";

static int login_ok(const char *login)
{
    if (!login || !*login || strlen(login) > CD_USER_LOGIN_MAX)
        return 0;
    for (const char *p = login; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
              *p == '.' || *p == '_' || *p == '-'))
            return 0;
    return 1;
}

int cd_user_add(struct cd_store *store, const char *login, const char *name, const char *role,
                const char *team, int64_t *id, struct cd_error *err)
{
    const char *why;
    if (!login_ok(login))
        return cd_error_set(err, CD_EINVAL,
                            "login '%s' is not valid (1-64 letters, digits, '.', '_' or '-')",
                            login ? login : "");
    if ((why = cd_text_check(name, CD_USER_NAME_MAX, true)))
        return cd_error_set(err, CD_EINVAL, "name %s", why);
    if (!cd_user_role_valid(role))
        return cd_error_set(err, CD_EINVAL,
                            "role '%s' is not one of coordinator, scheduler, supervisor, admin",
                            role ? role : "");
    if ((why = cd_text_check(team, 64, false)))
        return cd_error_set(err, CD_EINVAL, "team %s", why);
    int rc;
    /* the first user (init) has nobody to ask; then only supervisors add staff and only admins
     * add admins, who may act as anyone */
    if (cd_store_actor(store) &&
        (rc = cd_perm_require(
             store, strcmp(role, "admin") == 0 ? CD_PERM_ADD_ADMIN : CD_PERM_ADD_USER, err)))
        return rc;
    rc = cd_store_begin(store, err);
    if (rc)
        return rc;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(store, SQL_ADD, &st, err))) {
        cd_store_rollback(store);
        return rc;
    }
    char at[CD_INSTANT_LEN];
    cd_db_bind_text(st, ":login", login);
    cd_db_bind_text(st, ":name", name);
    cd_db_bind_text(st, ":role", role);
    cd_db_bind_opt(st, ":team", team);
    cd_db_bind_text(st, ":at", cd_instant_format(cd_clock_now(), at));
    rc = cd_db_exec(store, st, err);
    cd_db_done(st);
    int64_t uid = cd_db_last_id(store);
    if (rc == CD_EEXIST)
        cd_error_set(err, CD_EEXIST, "user '%s' already exists", login);
    if (!rc)
        rc = cd_audit_log(store, "user", uid, "add", role, err);
    rc = cd_store_finish(store, rc, err);
    if (rc)
        return rc;
    if (id)
        *id = uid;
    return 0;
}

static int fetch(struct cd_store *store, struct cd_stmt *st, struct cd_user *out,
                 struct cd_error *err)
{
    int rc = cd_db_step(store, st, err);
    if (rc == 1) {
        out->id = cd_db_col_int(st, 0);
        snprintf(out->login, sizeof out->login, "%s", cd_db_col_text(st, 1));
        snprintf(out->name, sizeof out->name, "%s", cd_db_col_text(st, 2));
        snprintf(out->role, sizeof out->role, "%s", cd_db_col_text(st, 3));
        snprintf(out->team, sizeof out->team, "%s", cd_db_col_text(st, 4));
        rc = 0;
    } else if (rc == 0) {
        rc = CD_ENOTFOUND;
    }
    cd_db_done(st);
    return rc;
}

int cd_user_find(struct cd_store *store, const char *login, struct cd_user *out,
                 struct cd_error *err)
{
    int rc;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(store, SQL_FIND, &st, err)))
        return rc;
    cd_db_bind_text(st, ":login", login);
    rc = fetch(store, st, out, err);
    if (rc == CD_ENOTFOUND)
        cd_error_set(err, CD_ENOTFOUND,
                     "'%s' is not a caredesk user (an admin can add one with 'caredesk user add "
                     "%s --name NAME --role ROLE')",
                     login, login);
    return rc;
}

int cd_user_get(struct cd_store *store, int64_t id, struct cd_user *out, struct cd_error *err)
{
    int rc;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(store, SQL_GET, &st, err)))
        return rc;
    cd_db_bind_int(st, ":id", id);
    rc = fetch(store, st, out, err);
    if (rc == CD_ENOTFOUND)
        cd_error_set(err, CD_ENOTFOUND, "no user with id %lld", (long long)id);
    return rc;
}

int cd_user_count(struct cd_store *store, int64_t *n, struct cd_error *err)
{
    int rc;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(store, SQL_COUNT, &st, err)))
        return rc;
    rc = cd_db_step(store, st, err);
    *n = rc == 1 ? cd_db_col_int(st, 0) : 0;
    cd_db_done(st);
    return rc < 0 ? rc : 0;
}

int cd_user_list(struct cd_store *store, struct cd_page *page, struct cd_error *err)
{
    return cd_db_query_page(store, SQL_LIST, NULL, 0, NULL, NULL, page, err);
}

const char *cd_user_os_login(void)
{
    /* the password database only: $USER and $LOGNAME are whatever the caller says */
    static char login[256];
    struct passwd pw, *res = NULL;
    char buf[4096];
    if (getpwuid_r(getuid(), &pw, buf, sizeof buf, &res) != 0 || !res || !res->pw_name[0])
        return NULL;
    snprintf(login, sizeof login, "%s", res->pw_name);
    return login;
}

int cd_user_acting(struct cd_store *store, const char *os_login, const char *requested,
                   bool owns_db, const char **login, struct cd_error *err)
{
    *login = os_login;
    if (!requested || strcmp(requested, os_login) == 0)
        return 0;
    if (!owns_db) {
        struct cd_user os = {0};
        int rc = cd_user_find(store, os_login, &os, err);
        if (rc == CD_ENOTFOUND) /* checked below as someone with no role */
            snprintf(os.login, sizeof os.login, "%s", os_login);
        else if (rc)
            return rc;
        if ((rc = cd_perm_check(&os, CD_PERM_ACT_AS, err)))
            return cd_error_prefix(err, rc, "--user %s: ", requested);
    }
    *login = requested;
    return 0;
}

int cd_user_audit_act_as(struct cd_store *store, const char *os_login, const char *login,
                         struct cd_error *err)
{
    struct cd_strbuf detail = CD_STRBUF_INIT;
    cd_strbuf_addf(&detail, "%s as %s", os_login, login);
    if (detail.oom)
        return cd_error_set(err, CD_ENOMEM, "out of memory");
    /* as every read: on a database nobody may write, the reading goes on unrecorded */
    int rc = cd_audit_access(store, "session", 0, "act_as", detail.buf, err);
    cd_strbuf_free(&detail);
    return rc;
}
