/* SPDX-License-Identifier: MIT */
/* caredesk tcm-due: the TCM deadlines of a discharge. */
#include "config.h"

#include <stdio.h>

#include "core/base/clock.h"
#include "core/calendar.h"
#include "tui/cli/cli.h"

int cli_tcm_due(struct cli *c)
{
    static const struct option opts[] = {{NULL, 0, NULL, 0}};
    const char *arg;
    int v;
    while ((v = cli_getopt(c, c->argc, c->argv, opts, &arg)) != -1)
        return CLI_USAGE;
    if (c->argc - cli_optind() != 1)
        return cli_usage(c, "tcm-due needs exactly one discharge DATE");
    struct cd_error err = {0};
    time_t t;
    if (cd_instant_parse(c->argv[cli_optind()], &t, &err))
        return cli_failf("DATE: %s", err.msg);
    struct cd_calendar cal = CD_CALENDAR_INIT;
    if (cd_calendar_load(c->s->store, &cal, &err))
        return cli_fail(&err);
    struct cd_tcm_due due;
    cd_tcm_deadlines(&cal, cd_instant_local_day(t), &due);
    cd_calendar_free(&cal);
    char a[CD_DATE_LEN], b[CD_DATE_LEN], d[CD_DATE_LEN], e[CD_DATE_LEN];
    cli_printf("%s\t%s\t%s\t%s\n", cd_date_format(due.contact_due, a),
               cd_date_format(due.visit_due_7, b), cd_date_format(due.visit_due_14, d),
               cd_date_format(due.period_end, e));
    return CLI_OK;
}
