/* SPDX-License-Identifier: MIT */
/* caredesk check: the records that contradict core's rules, one line each and a count; silent and
 * exit 0 on a consistent database. */
#include "config.h"

#include "core/check.h"
#include "tui/cli/cli.h"

int cli_check(struct cli *c)
{
    bool json = false;
    if (cli_format_only(c, c->argc, c->argv, &json, NULL))
        return CLI_USAGE;
    if (cli_optind() < c->argc)
        return cli_usage(c, "check takes no operand ('%s')", c->argv[cli_optind()]);
    if (cli_require(c, CD_PERM_CHECK_DATABASE))
        return CLI_FAIL;
    struct cd_error err = {0};
    struct cd_page page = CD_PAGE_INIT;
    int rc = cd_check_run(c->s->store, &page, &err);
    if (rc)
        rc = cli_fail(&err);
    else if (page.nrows && !(rc = cli_print_page(&page, json, NULL)))
        rc = cli_failf("%zu inconsistenc%s found", page.nrows, page.nrows == 1 ? "y" : "ies");
    cd_page_free(&page);
    return rc;
}
