/* SPDX-License-Identifier: MIT */
/* caredesk audit: browse the audit log newest first, or verify its hash chain; for supervisors
 * and admins. */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "core/patient.h"
#include "core/store/audit.h"
#include "tui/cli/cli.h"

static int audit_verify(struct cli *c)
{
    if (c->argc > 2)
        return cli_usage(c, "audit verify takes no operand ('%s')", c->argv[2]);
    if (cli_require(c, CD_PERM_READ_AUDIT))
        return CLI_FAIL;
    struct cd_error err = {0};
    int64_t n;
    if (cd_audit_verify(c->s->store, &n, &err))
        return cli_fail(&err);
    cli_printf("audit log verified: %" PRId64 " entr%s, chain intact\n", n, n == 1 ? "y" : "ies");
    return CLI_OK;
}

int cli_audit(struct cli *c)
{
    if (c->argc >= 2 && strcmp(c->argv[1], "verify") == 0)
        return audit_verify(c);
    static const struct option opts[] = {
        {"patient", required_argument, NULL, 'p'}, {"user", required_argument, NULL, 'u'},
        {"from", required_argument, NULL, 'F'},    {"to", required_argument, NULL, 'T'},
        {"format", required_argument, NULL, 'f'},  {NULL, 0, NULL, 0},
    };
    struct cd_audit_query q = {0};
    const char *arg, *mrn = NULL, *login = NULL;
    bool json = false;
    int v;
    while ((v = cli_getopt(c, c->argc, c->argv, opts, &arg)) != -1) {
        switch (v) {
        case 'p': mrn = arg; break;
        case 'u': login = arg; break;
        case 'F': q.from = arg; break;
        case 'T': q.to = arg; break;
        case 'f':
            if (cli_format(c, arg, &json))
                return CLI_USAGE;
            break;
        default: return CLI_USAGE;
        }
    }
    if (cli_optind() < c->argc)
        return cli_usage(c, "audit takes no operand but 'verify' ('%s')", c->argv[cli_optind()]);
    if (cli_require(c, CD_PERM_READ_AUDIT))
        return CLI_FAIL;
    struct cd_error err = {0};
    struct cd_user u;
    if (mrn && cd_patient_find_mrn(c->s->store, mrn, &q.patient_id, &err))
        return cli_fail(&err);
    if (login) {
        if (cd_user_find(c->s->store, login, &u, &err))
            return cli_fail(&err);
        q.user_id = u.id;
    }
    struct cd_page page = CD_PAGE_INIT;
    int rc = cd_audit_browse(c->s->store, &q, &page, &err) ? cli_fail(&err)
                                                           : cli_print_page(&page, json, "entry");
    cd_page_free(&page);
    return rc;
}
