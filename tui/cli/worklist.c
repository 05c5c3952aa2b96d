/* SPDX-License-Identifier: MIT */
/* caredesk worklist: today's prioritised call list, with the reason for each row: one line per
 * task (--by task, the default scripts rely on) or per patient (--by patient). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/store/access.h"
#include "core/worklist.h"
#include "tui/cli/cli.h"

int cli_worklist(struct cli *c)
{
    static const struct option opts[] = {
        {"user", required_argument, NULL, 'u'},   {"team", required_argument, NULL, 't'},
        {"all", no_argument, NULL, 'a'},          {"program", required_argument, NULL, 'p'},
        {"kind", required_argument, NULL, 'k'},   {"search", required_argument, NULL, 's'},
        {"format", required_argument, NULL, 'f'}, {"by", required_argument, NULL, 'b'},
        {"queue", required_argument, NULL, 'q'},  {NULL, 0, NULL, 0},
    };
    struct cd_worklist_query q = {.scope = CD_WORKLIST_MINE, .user_id = c->s->user.id};
    const char *login = NULL;
    bool json = false, by_patient = false;
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
        case 'q':
            if (strcmp(arg, "tcm") != 0)
                return cli_usage(c, "queue: '%s' is not tcm", arg);
            q.scope = CD_WORKLIST_TCM;
            scopes++;
            break;
        case 'b':
            if (strcmp(arg, "task") != 0 && strcmp(arg, "patient") != 0)
                return cli_usage(c, "by: '%s' is not task or patient", arg);
            by_patient = strcmp(arg, "patient") == 0;
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
        return cli_usage(c, "choose one of --user, --team, --all and --queue");
    struct cd_error err = {0};
    if (cd_worklist_check_filter(q.program, q.kind, &err))
        return cli_usage(c, "%s", err.msg);
    if (q.scope == CD_WORKLIST_ALL && cli_require(c, CD_PERM_SEE_EVERYONE))
        return CLI_FAIL;
    if (q.scope == CD_WORKLIST_TCM && cli_require(c, CD_PERM_SEE_TCM_INTAKE))
        return CLI_FAIL;
    if (login) {
        struct cd_user u;
        if (cd_user_find(c->s->store, login, &u, &err))
            return cli_fail(&err);
        q.user_id = u.id;
    } else if (q.scope == CD_WORKLIST_MINE && !c->s->user.id) {
        return cli_failf("'%s' is not a staff member; see 'caredesk user add'", c->s->login);
    }
    struct cd_worklist_gen gen;
    if (cd_worklist_generate(c->s->store, false, &gen, &err))
        return cli_fail(&err);
    /* A note, not a failure: the list still shows what earlier days generated. */
    struct cd_error why = {0};
    if (gen.readonly && cd_store_readonly_why(c->s->store, &why))
        cli_notef("%s; today's outreach was not generated", why.msg);
    struct cd_page page = CD_PAGE_INIT;
    int rc;
    if (by_patient)
        rc = cd_worklist_patients(c->s->store, &q, &page, NULL, &err)
                 ? cli_fail(&err)
                 : cli_print_page(&page, json, "rank,jobs");
    else
        rc = cd_worklist_list(c->s->store, &q, &page, &err)
                 ? cli_fail(&err)
                 : cli_print_page(&page, json, "rank,task_id,attempts");
    cd_page_free(&page);
    return rc;
}
