/* SPDX-License-Identifier: MIT */
/* caredesk billing: billable minutes and codes per patient and program for a month. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/billing.h"
#include "tui/cli/cli.h"

int cli_billing(struct cli *c)
{
    static const struct option opts[] = {
        {"month", required_argument, NULL, 'm'}, {"format", required_argument, NULL, 'f'},
        {"sort", required_argument, NULL, 's'},  {"desc", no_argument, NULL, 'd'},
        {"close", required_argument, NULL, 'c'}, {NULL, 0, NULL, 0},
    };
    static const char *const sorts[] = {"mrn", "patient", "minutes", "next"};
    struct cd_billing_query q = {0};
    const char *arg;
    bool json = false;
    int v;
    while ((v = cli_getopt(c, c->argc, c->argv, opts, &arg)) != -1) {
        switch (v) {
        case 'm': q.month = arg; break;
        case 'f':
            if (cli_format(c, arg, &json))
                return CLI_USAGE;
            break;
        case 's': {
            size_t i = 0;
            while (i < 4 && strcmp(sorts[i], arg))
                i++;
            if (i == 4)
                return cli_usage(c, "--sort must be mrn, patient, minutes or next, not '%s'", arg);
            q.sort = (enum cd_billing_sort)i;
            break;
        }
        case 'd': q.descending = true; break;
        case 'c': {
            char *end;
            long n = strtol(arg, &end, 10);
            if (!*arg || *end || n < 1 || n > 600)
                return cli_usage(c, "--close must be a number of minutes from 1 to 600, not '%s'",
                                 arg);
            q.close_within = (int)n;
            break;
        }
        default: return CLI_USAGE;
        }
    }
    if (cli_optind() < c->argc)
        return cli_usage(c, "billing takes no operand ('%s')", c->argv[cli_optind()]);
    struct cd_error err = {0};
    if (q.month && cd_month_parse(q.month, NULL, NULL, &err))
        return cli_usage(c, "--%s", err.msg);
    struct cd_page page = CD_PAGE_INIT;
    int rc = cd_billing_read(c->s->store, &q, &page, &err)
                 ? cli_fail(&err)
                 : cli_print_page(&page, json, "minutes,next_threshold_in");
    cd_page_free(&page);
    return rc;
}
