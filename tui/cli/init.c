/* SPDX-License-Identifier: MIT */
/* caredesk init: create or migrate the database, alone or shared with a team group (--team); the
 * first user becomes its admin. */
#include "config.h"

#include <stdio.h>

#include "core/base/clock.h"
#include "core/store/settings.h"
#include "tui/cli/cli.h"

int cli_init(struct cli *c)
{
    static const struct option opts[] = {
        {"clinic", required_argument, NULL, 'c'},
        {"timezone", required_argument, NULL, 'z'},
        {"team", required_argument, NULL, 't'},
        {NULL, 0, NULL, 0},
    };
    const char *clinic = NULL, *zone = NULL, *team = NULL, *arg;
    int v;
    while ((v = cli_getopt(c, c->argc, c->argv, opts, &arg)) != -1) {
        if (v == '?')
            return CLI_USAGE;
        if (v == 'c')
            clinic = arg;
        else if (v == 't')
            team = arg;
        else
            zone = arg;
    }
    if (cli_optind() < c->argc)
        return cli_usage(c, "init takes no operand ('%s')", c->argv[cli_optind()]);
    struct cd_error err = {0};
    /* the team's directory and files first: the store then opens (or is made) in team mode */
    if (team && cd_store_team_init(c->s->db_path, team, &err))
        return cli_fail(&err);
    int rc = cli_start(c, CLI_CREATE | CLI_ANY_USER);
    if (rc)
        return rc;
    int64_t nusers = 0;
    if (cd_user_count(c->s->store, &nusers, &err))
        return cli_fail(&err);
    if (nusers > 0 && (clinic || zone)) {
        if (!c->s->user.id)
            return cli_failf("'%s' is not a caredesk user (an admin can add one with 'caredesk "
                             "user add %s --name NAME --role ROLE')",
                             c->s->login, c->s->login);
        if (cli_require(c, CD_PERM_CHANGE_SETTINGS))
            return CLI_FAIL;
    }
    /* A new database takes the machine's zone unless told otherwise. */
    if (!zone && nusers == 0)
        zone = cd_clock_system_zone();
    if (zone && cd_settings_set(c->s->store, "timezone", zone, &err))
        return cli_fail(&err);
    if (clinic && cd_settings_set(c->s->store, "clinic_name", clinic, &err))
        return cli_fail(&err);
    if (cli_apply_now(c))
        return CLI_USAGE;
    if (nusers == 0) {
        if (cd_user_add(c->s->store, c->s->login, c->s->login, "admin", NULL, NULL, &err))
            return cli_fail(&err);
        cli_printf("initialized %s (schema %d, time zone %s); '%s' is its admin\n", c->s->db_path,
                   cd_store_schema_version(c->s->store), cd_clock_zone(), c->s->login);
    } else if (cd_store_schema_opened(c->s->store) != cd_store_schema_version(c->s->store)) {
        cli_printf("migrated %s from schema %d to %d (time zone %s)\n", c->s->db_path,
                   cd_store_schema_opened(c->s->store), cd_store_schema_version(c->s->store),
                   cd_clock_zone());
    } else {
        cli_printf("%s is up to date (schema %d, time zone %s)\n", c->s->db_path,
                   cd_store_schema_version(c->s->store), cd_clock_zone());
    }
    if (team)
        cli_printf("shared with the team group %s: its directory is 2770 and its files 0660\n",
                   team);
    return CLI_OK;
}
