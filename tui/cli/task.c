/* SPDX-License-Identifier: MIT */
/* caredesk task: claim, assign or snooze a worklist task; schedule a call back. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/clock.h"
#include "core/patient.h"
#include "core/task.h"
#include "tui/cli/cli.h"

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
        if (cd_task_claim(c->s->store, id, NULL, &err))
            return cli_fail(&err);
        cli_printf("task %lld claimed by %s\n", (long long)id, c->s->login);
    } else {
        if (cd_task_unclaim(c->s->store, id, &err))
            return cli_fail(&err);
        cli_printf("task %lld released by %s\n", (long long)id, c->s->login);
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
        if (cd_task_assign(c->s->store, id, queue ? NULL : to, &err))
            return cli_fail(&err);
        cli_printf(queue ? "task %lld back in its team's queue\n" : "task %lld assigned to %s\n",
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
        if (cd_task_snooze(c->s->store, id, day, reason, &err))
            return cli_fail(&err);
        cli_printf("task %lld snoozed to %s\n", (long long)id, date);
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
        if (cd_patient_find_mrn(c->s->store, mrn, &pid, &err) ||
            cd_task_callback(c->s->store, pid, t, note, &id, &err))
            return cli_fail(&err);
        char when[17];
        cli_printf("call back %lld for %s at %s\n", (long long)id, mrn,
                   cd_instant_format_local(t, when));
        return CLI_OK;
    }
    return cli_usage(c, "unknown task action '%s'", op);
}
