/* SPDX-License-Identifier: MIT */
/* caredesk keys: the bindings in force (defaults plus the user's key file), from the same
 * keymap the workstation uses; the TSV feeds the manual's key table. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/base/page.h"
#include "tui/cli/cli.h"
#include "tui/keys/keymap.h"

/* The bindings' columns, as the TSV and JSON name them. */
#define KEYS_COLUMNS(X)                                                                            \
    X(KEYS_SCOPE, "scope") X(KEYS_KEY, "key") X(KEYS_ACTION, "action") X(KEYS_HELP, "help")
enum keys_col { KEYS_COLUMNS(CD_PAGE_COL_ENUM) KEYS_NCOLS };

int cli_keys(struct cli *c)
{
    bool json = false, formatted = false;
    if (cli_format_only(c, c->argc, c->argv, &json, &formatted))
        return CLI_USAGE;
    if (cli_optind() < c->argc)
        return cli_usage(c, "unexpected argument '%s'", c->argv[cli_optind()]);
    struct cd_error err = {0};
    struct keymap km = KEYMAP_INIT;
    if (keymap_load(&km, &err)) {
        keymap_free(&km);
        return cli_fail(&err);
    }
    static const char *const cols[] = {KEYS_COLUMNS(CD_PAGE_COL_NAME)};
    struct cd_page page = CD_PAGE_INIT;
    int rc = cd_page_set_columns(&page, KEYS_NCOLS, cols);
    for (int s = 0; !rc && s < SCOPE_COUNT; s++) {
        for (const struct action_info *a = action_table; !rc && a->help; a++) {
            if (!a->name)
                continue;
            int keys[16];
            size_t n = keymap_keys(&km, (enum scope)s, a->action, keys, 16);
            for (size_t i = 0; !rc && i < n; i++) {
                char name[32];
                const char *row[KEYS_NCOLS] = {
                    [KEYS_SCOPE] = scope_name((enum scope)s),
                    [KEYS_KEY] = key_format(keys[i], name, sizeof name),
                    [KEYS_ACTION] = a->name,
                    [KEYS_HELP] = a->help,
                };
                rc = cd_page_add_row(&page, row);
            }
        }
    }
    keymap_free(&km);
    if (rc) {
        cd_page_free(&page);
        return cli_failf("out of memory");
    }
    if (formatted) {
        rc = cli_print_page(&page, json, NULL);
        cd_page_free(&page);
        return rc;
    }
    const char *scope = "";
    for (size_t r = 0; r < page.nrows; r++) {
        const char *s = cd_page_cell(&page, r, KEYS_SCOPE);
        if (strcmp(s, scope) != 0)
            cli_printf("%s%s\n", r ? "\n" : "", scope = s);
        cli_printf("  %-12s %-14s %s\n", cd_page_cell(&page, r, KEYS_KEY),
                   cd_page_cell(&page, r, KEYS_ACTION), cd_page_cell(&page, r, KEYS_HELP));
    }
    cd_page_free(&page);
    return cli_flush();
}
