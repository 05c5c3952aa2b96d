/* SPDX-License-Identifier: MIT */
/* caredesk status: today's figures, as the home view counts them. */
#include "config.h"

#include <stdio.h>

#include "core/counts.h"
#include "tui/cli/cli.h"

int cli_status(struct cli *c)
{
    bool json = false;
    if (cli_format_only(c, c->argc, c->argv, &json, NULL))
        return CLI_USAGE;
    struct cd_error err = {0};
    struct cd_counts n;
    if (cd_counts_today(c->s->store, c->s->user.id, &n, &err))
        return cli_fail(&err);
    static const char *const cols[] = {"figure", "value"};
    struct {
        const char *name;
        int64_t value;
    } rows[] = {
        {"patients", n.patients},
        {"tasks_open", n.tasks_open},
        {"tasks_due_today", n.tasks_due_today},
        {"tasks_overdue", n.tasks_overdue},
        {"tcm_contacts_due", n.tcm_contacts_due},
        {"tcm_visits_open", n.tcm_visits_open},
        {"discharges_30d", n.discharges_30d},
        {"care_management_enrolled", n.ccm_enrolled},
        {"my_tasks_due", n.my_tasks_due},
        {"appointments_today", n.appointments_today},
    };
    struct cd_page page = CD_PAGE_INIT;
    int rc = cd_page_set_columns(&page, 2, cols);
    for (size_t i = 0; !rc && i < sizeof rows / sizeof rows[0]; i++) {
        char num[32];
        snprintf(num, sizeof num, "%lld", (long long)rows[i].value);
        const char *row[] = {rows[i].name, num};
        rc = cd_page_add_row(&page, row);
    }
    rc = rc ? cli_failf("out of memory") : cli_print_page(&page, json, "value");
    cd_page_free(&page);
    return rc;
}
