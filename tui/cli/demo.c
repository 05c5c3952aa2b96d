/* SPDX-License-Identifier: MIT */
/* caredesk demo: fill an empty database with realistic, deterministic synthetic data. */
#include "config.h"

#include <stdio.h>

#include "core/base/clock.h"
#include "core/demo/demo.h"
#include "core/store/settings.h"
#include "tui/cli/cli.h"

int cli_demo(struct cli *c)
{
    static const struct option opts[] = {
        {"patients", required_argument, NULL, 'p'},
        {"seed", required_argument, NULL, 's'},
        {NULL, 0, NULL, 0},
    };
    struct cd_demo_opts o = {.patients = 2000, .seed = 1};
    const char *arg;
    long long v;
    int opt;
    while ((opt = cli_getopt(c, c->argc, c->argv, opts, &arg)) != -1) {
        if (opt == '?')
            return CLI_USAGE;
        if (opt == 'p') {
            if (cli_number(c, "--patients", arg, 1, 1000000, &v))
                return CLI_USAGE;
            o.patients = (int)v;
        } else {
            if (cli_number(c, "--seed", arg, 0, 4294967295LL, &v))
                return CLI_USAGE;
            o.seed = (unsigned)v;
        }
    }
    if (cli_optind() < c->argc)
        return cli_usage(c, "demo takes no operand ('%s')", c->argv[cli_optind()]);
    /* the options are read before the database is made: a mistyped one leaves no file behind */
    int rc = cli_start(c, CLI_CREATE | CLI_ANY_USER);
    if (rc)
        return rc;
    struct cd_error err = {0};
    int64_t nusers = 0;
    if (cd_user_count(c->s->store, &nusers, &err))
        return cli_fail(&err);
    /* a brand-new database (no 'caredesk init') gets the demo clinic's zone */
    if (nusers == 0) {
        if (cd_settings_set(c->s->store, "timezone", "America/New_York", &err))
            return cli_fail(&err);
        if (cli_apply_now(c))
            return CLI_USAGE;
    }
    if (!c->s->user.id)
        o.supervisor = c->s->login;
    struct cd_demo_stats st;
    if (cd_demo_generate(c->s->store, &o, &st, &err))
        return cli_fail(&err);
    char today[CD_DATE_LEN];
    cli_printf("demo: %lld patients, %lld staff, %lld encounters, %lld tasks, %lld contacts, "
               "%lld time entries, %lld care plans, %lld appointments (seed %u, today %s, %s)\n",
               (long long)st.patients, (long long)st.users, (long long)st.encounters,
               (long long)st.tasks, (long long)st.contacts, (long long)st.time_entries,
               (long long)st.care_plans, (long long)st.appointments, o.seed,
               cd_date_format(cd_clock_today(), today), cd_clock_zone());
    return CLI_OK;
}
