/* SPDX-License-Identifier: MIT */
/* caredesk tcm-status: per discharge of one patient, whether 99495 and 99496 are earned, still
 * possible (what is needed by when) or lost (and why). */
#include "config.h"

#include <stdbool.h>

#include "core/patient.h"
#include "core/tcm.h"
#include "tui/cli/cli.h"

int cli_tcm_status(struct cli *c)
{
    bool json = false;
    if (cli_format_only(c, c->argc, c->argv, &json, NULL))
        return CLI_USAGE;
    if (c->argc - cli_optind() != 1)
        return cli_usage(c, "tcm-status needs exactly one MRN");
    struct cd_error err = {0};
    int64_t id;
    if (cd_patient_find_mrn(c->s->store, c->argv[cli_optind()], &id, &err))
        return cli_fail(&err);
    struct cd_page page = CD_PAGE_INIT;
    int rc = cd_tcm_status_list(c->s->store, id, &page, &err)
                 ? cli_fail(&err)
                 : cli_print_page(&page, json, "encounter");
    cd_page_free(&page);
    return rc;
}
