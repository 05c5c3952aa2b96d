/* SPDX-License-Identifier: MIT */
/* caredesk tcm-due: the TCM deadlines of a discharge. */
#include "config.h"

#include <stdbool.h>

#include "core/base/clock.h"
#include "core/calendar.h"
#include "tui/cli/cli.h"

int cli_tcm_due(struct cli *c)
{
    bool json = false;
    if (cli_format_only(c, c->argc, c->argv, &json, NULL))
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
    int day = cd_instant_local_day(t);
    cd_tcm_deadlines(&cal, day, &due);
    cd_calendar_free(&cal);
    static const char *const cols[] = {"discharge_date", "contact_due", "visit_7_due",
                                       "visit_14_due", "period_end"};
    char d[5][CD_DATE_LEN];
    const char *row[] = {cd_date_format(day, d[0]), cd_date_format(due.contact_due, d[1]),
                         cd_date_format(due.visit_due_7, d[2]),
                         cd_date_format(due.visit_due_14, d[3]),
                         cd_date_format(due.period_end, d[4])};
    struct cd_page page = CD_PAGE_INIT;
    int rc = cd_page_set_columns(&page, 5, cols) || cd_page_add_row(&page, row)
                 ? cli_failf("out of memory")
                 : cli_print_page(&page, json, NULL);
    cd_page_free(&page);
    return rc;
}
