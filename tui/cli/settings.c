/* SPDX-License-Identifier: MIT */
/* caredesk settings: show or change the clinic settings. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/store/settings.h"
#include "tui/cli/cli.h"

int cli_settings(struct cli *c)
{
    bool json = false;
    if (cli_format_only(c, c->argc, c->argv, &json, NULL))
        return CLI_USAGE;
    int first = cli_optind();
    int n = c->argc - first;
    struct cd_error err = {0};
    if (n > 2)
        return cli_usage(c, "settings takes at most a key and a value");
    if (n == 0) {
        struct cd_page page = CD_PAGE_INIT;
        int rc = cd_settings_list(c->s->store, &page, &err) ? cli_fail(&err)
                                                            : cli_print_page(&page, json, NULL);
        cd_page_free(&page);
        return rc;
    }
    const char *key = c->argv[first];
    if (n == 1) {
        char *value = NULL;
        if (cd_settings_get(c->s->store, key, &value, &err))
            return cli_fail(&err);
        cli_printf("%s\n", value);
        free(value);
        return CLI_OK;
    }
    if (cli_require(c, CD_PERM_CHANGE_SETTINGS))
        return CLI_FAIL;
    if (cd_settings_set(c->s->store, key, c->argv[first + 1], &err))
        return cli_fail(&err);
    char *value = NULL;
    if (cd_settings_get(c->s->store, key, &value, &err))
        return cli_fail(&err);
    cli_printf("%s = %s\n", key, value);
    free(value);
    return CLI_OK;
}
