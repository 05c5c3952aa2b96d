/* SPDX-License-Identifier: MIT */
/* caredesk user: add or list staff. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/user.h"
#include "tui/cli/cli.h"

static int user_add(struct cli *c, int argc, char **argv)
{
    static const struct option opts[] = {
        {"name", required_argument, NULL, 'n'},
        {"role", required_argument, NULL, 'r'},
        {"team", required_argument, NULL, 't'},
        {NULL, 0, NULL, 0},
    };
    const char *name = NULL, *role = NULL, *team = NULL, *arg;
    int v;
    while ((v = cli_getopt(c, argc, argv, opts, &arg)) != -1) {
        switch (v) {
        case 'n': name = arg; break;
        case 'r': role = arg; break;
        case 't': team = arg; break;
        default: return CLI_USAGE;
        }
    }
    int first = cli_optind();
    if (argc - first != 1)
        return cli_usage(c, "user add needs exactly one LOGIN");
    if (!name || !role)
        return cli_usage(c, "user add needs --name and --role");
    struct cd_error err = {0};
    int64_t id;
    if (cd_user_add(c->s->store, argv[first], name, role, team, &id, &err))
        return cli_fail(&err);
    cli_printf("added %s (%s) as %s\n", argv[first], name, role);
    return CLI_OK;
}

int cli_user(struct cli *c)
{
    if (c->argc < 2)
        return cli_usage(c, "user needs 'add' or 'list'");
    if (strcmp(c->argv[1], "add") == 0)
        return user_add(c, c->argc - 1, c->argv + 1);
    if (strcmp(c->argv[1], "list") == 0) {
        bool json = false;
        if (cli_format_only(c, c->argc - 1, c->argv + 1, &json, NULL))
            return CLI_USAGE;
        struct cd_error err = {0};
        struct cd_page page = CD_PAGE_INIT;
        int rc = cd_user_list(c->s->store, &page, &err) ? cli_fail(&err)
                                                        : cli_print_page(&page, json, "id");
        cd_page_free(&page);
        return rc;
    }
    return cli_usage(c, "unknown user action '%s'", c->argv[1]);
}
