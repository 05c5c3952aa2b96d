/* SPDX-License-Identifier: MIT */
/* Sub-commands for the daily call list: worklist, and task (claim, assign, snooze, call back). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/clock.h"
#include "core/patient.h"
#include "core/task.h"
#include "core/user.h"
#include "core/worklist.h"
#include "tui/cli/cli.h"

int cli_worklist(struct cli *c)
{
    static const struct option opts[] = {
        {"user", required_argument, NULL, 'u'},   {"team", required_argument, NULL, 't'},
        {"all", no_argument, NULL, 'a'},          {"program", required_argument, NULL, 'p'},
        {"kind", required_argument, NULL, 'k'},   {"search", required_argument, NULL, 's'},
        {"format", required_argument, NULL, 'f'}, {NULL, 0, NULL, 0},
    };
    struct cd_worklist_query q = {.scope = CD_WORKLIST_MINE, .user_id = c->user.id};
    const char *login = NULL;
    bool json = false;
    int scopes = 0;
    const char *arg;
    int v;
    while ((v = cli_getopt(c, c->argc, c->argv, opts, &arg)) != -1) {
        switch (v) {
        case 'u':
            login = arg;
            scopes++;
            break;
        case 't':
            q.scope = CD_WORKLIST_TEAM, q.team = arg;
            scopes++;
            break;
        case 'a':
            q.scope = CD_WORKLIST_ALL;
            scopes++;
            break;
        case 'p': q.program = arg; break;
        case 'k': q.kind = arg; break;
        case 's': q.search = arg; break;
        case 'f':
            if (cli_format(c, arg, &json))
                return CLI_USAGE;
            break;
        default: return CLI_USAGE;
        }
    }
    if (cli_optind() < c->argc)
        return cli_usage(c, "worklist takes no operand ('%s')", c->argv[cli_optind()]);
    if (scopes > 1)
        return cli_usage(c, "choose one of --user, --team and --all");
    struct cd_error err = {0};
    if (cd_worklist_check_filter(q.program, q.kind, &err))
        return cli_usage(c, "%s", err.msg);
    if (q.scope == CD_WORKLIST_ALL && cli_require_role(c, "supervisor,admin", "worklist --all"))
        return CLI_FAIL;
    if (login) {
        struct cd_user u;
        if (cd_user_find(c->store, login, &u, &err))
            return cli_fail(&err);
        q.user_id = u.id;
    } else if (q.scope == CD_WORKLIST_MINE && !c->user.id) {
        return cli_failf("'%s' is not a staff member; see 'caredesk user add'", c->login);
    }
    if (cd_worklist_generate(c->store, false, NULL, &err))
        return cli_fail(&err);
    struct cd_page page = CD_PAGE_INIT;
    int rc = cd_worklist_list(c->store, &q, &page, &err)
                 ? cli_fail(&err)
                 : cli_print_page(&page, json, "rank,task_id,attempts");
    cd_page_free(&page);
    return rc;
}

/* Parse a task id operand. */
static int task_id(const char *s, int64_t *id)
{
    char *end;
    long long v = strtoll(s, &end, 10);
    if (!*s || *end || v <= 0)
        return cli_failf("task: '%s' is not a task number", s);
    *id = v;
    return 0;
}

/* Options of a task action, then exactly NEED operands after the action name. */
static int task_args(struct cli *c, const struct option *opts, int need, const char **reason,
                     const char **note, const char **at)
{
    const char *arg;
    int v;
    while ((v = cli_getopt(c, c->argc - 1, c->argv + 1, opts, &arg)) != -1) {
        switch (v) {
        case 'r': *reason = arg; break;
        case 'n': *note = arg; break;
        case 'a': *at = arg; break;
        default: return CLI_USAGE;
        }
    }
    if (c->argc - 1 - cli_optind() != need)
        return cli_usage(c, "task %s needs %d operand%s", c->argv[1], need, need == 1 ? "" : "s");
    return 0;
}

static int task_claim(struct cli *c, const char *op, int64_t id)
{
    struct cd_error err = {0};
    if (strcmp(op, "claim") == 0) {
        if (cd_task_claim(c->store, id, NULL, &err))
            return cli_fail(&err);
        printf("task %lld claimed by %s\n", (long long)id, c->login);
    } else {
        if (cd_task_unclaim(c->store, id, &err))
            return cli_fail(&err);
        printf("task %lld released by %s\n", (long long)id, c->login);
    }
    return CLI_OK;
}

int cli_task(struct cli *c)
{
    static const struct option none[] = {{NULL, 0, NULL, 0}};
    static const struct option snooze[] = {{"reason", required_argument, NULL, 'r'},
                                           {NULL, 0, NULL, 0}};
    static const struct option callback[] = {{"at", required_argument, NULL, 'a'},
                                             {"note", required_argument, NULL, 'n'},
                                             {NULL, 0, NULL, 0}};
    if (c->argc < 2)
        return cli_usage(c, "task needs claim, unclaim, assign, snooze or callback");
    const char *op = c->argv[1], *reason = NULL, *note = NULL, *at = NULL;
    struct cd_error err = {0};
    int64_t id = 0;
    int rc;
    if (strcmp(op, "claim") == 0 || strcmp(op, "unclaim") == 0) {
        if ((rc = task_args(c, none, 1, &reason, &note, &at)) ||
            (rc = task_id(c->argv[1 + cli_optind()], &id)))
            return rc;
        return task_claim(c, op, id);
    }
    if (strcmp(op, "assign") == 0) {
        if ((rc = task_args(c, none, 2, &reason, &note, &at)) ||
            (rc = task_id(c->argv[1 + cli_optind()], &id)))
            return rc;
        const char *to = c->argv[2 + cli_optind()];
        bool queue = strcmp(to, "-") == 0;
        if (cd_task_assign(c->store, id, queue ? NULL : to, &err))
            return cli_fail(&err);
        printf(queue ? "task %lld back in its team's queue\n" : "task %lld assigned to %s\n",
               (long long)id, to);
        return CLI_OK;
    }
    if (strcmp(op, "snooze") == 0) {
        if ((rc = task_args(c, snooze, 2, &reason, &note, &at)) ||
            (rc = task_id(c->argv[1 + cli_optind()], &id)))
            return rc;
        if (!reason)
            return cli_usage(c, "task snooze needs --reason");
        int day;
        const char *date = c->argv[2 + cli_optind()];
        if (cd_date_parse(date, &day, &err))
            return cli_failf("date: %s", err.msg);
        if (cd_task_snooze(c->store, id, day, reason, &err))
            return cli_fail(&err);
        printf("task %lld snoozed to %s\n", (long long)id, date);
        return CLI_OK;
    }
    if (strcmp(op, "callback") == 0) {
        if ((rc = task_args(c, callback, 1, &reason, &note, &at)))
            return rc;
        if (!at)
            return cli_usage(c, "task callback needs --at");
        const char *mrn = c->argv[1 + cli_optind()];
        int64_t pid;
        time_t t;
        if (cd_instant_parse(at, &t, &err))
            return cli_failf("--at: %s", err.msg);
        if (cd_patient_find_mrn(c->store, mrn, &pid, &err) ||
            cd_task_callback(c->store, pid, t, note, &id, &err))
            return cli_fail(&err);
        char when[17];
        printf("call back %lld for %s at %s\n", (long long)id, mrn,
               cd_instant_format_local(t, when));
        return CLI_OK;
    }
    return cli_usage(c, "unknown task action '%s'", op);
}
