/* SPDX-License-Identifier: MIT */
/* caredesk import: take in discharges from CSV or HL7 v2 ADT files (all-or-nothing per file). */
#include "config.h"

#include <stdio.h>

#include "core/io/importer.h"
#include "tui/cli/cli.h"

int cli_import(struct cli *c)
{
    static const struct option opts[] = {
        {"format", required_argument, NULL, 'f'},
        {NULL, 0, NULL, 0},
    };
    enum cd_import_format format = CD_IMPORT_GUESS;
    struct cd_error err = {0};
    const char *arg;
    int v;
    while ((v = cli_getopt(c, c->argc, c->argv, opts, &arg)) != -1) {
        if (v == '?')
            return CLI_USAGE;
        if (cd_import_format_parse(arg, &format, &err))
            return cli_usage(c, "%s", err.msg);
    }
    if (cli_optind() >= c->argc)
        return cli_usage(c, "import needs at least one FILE");
    int rc = CLI_OK;
    for (int i = cli_optind(); i < c->argc; i++) {
        struct cd_import_summary sum;
        if (cd_import_file(c->s->store, c->argv[i], format, &sum, &err)) {
            rc = cli_fail(&err);
            continue;
        }
        struct cd_strbuf line = CD_STRBUF_INIT;
        cd_import_summary_format(c->argv[i], &sum, &line);
        cli_printf("%s\n", cd_strbuf_str(&line));
        cd_strbuf_free(&line);
    }
    return rc;
}
