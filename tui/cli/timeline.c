/* SPDX-License-Identifier: MIT */
/* caredesk timeline: a patient's history, newest first. */
#include "config.h"

#include <stdlib.h>

#include "core/patient.h"
#include "core/timeline.h"
#include "tui/cli/cli.h"

int cli_timeline(struct cli *c)
{
    static const struct option opts[] = {
        {"kind", required_argument, NULL, 'k'},   {"before", required_argument, NULL, 'b'},
        {"search", required_argument, NULL, 's'}, {"limit", required_argument, NULL, 'l'},
        {"format", required_argument, NULL, 'f'}, {NULL, 0, NULL, 0},
    };
    struct cd_timeline_query q = {.limit = 40};
    struct cd_error err = {0};
    const char *arg, *before = NULL;
    bool json = false;
    int v;
    while ((v = cli_getopt(c, c->argc, c->argv, opts, &arg)) != -1) {
        switch (v) {
        case 'k':
            if (cd_timeline_kinds_parse(arg, &q.kinds, &err))
                return cli_usage(c, "--%s", err.msg);
            break;
        case 'b': before = arg; break;
        case 's': q.search = arg; break;
        case 'l': {
            char *end;
            long n = strtol(arg, &end, 10);
            if (!*arg || *end || n < 1 || n > 1000)
                return cli_usage(c, "--limit must be a number from 1 to 1000, not '%s'", arg);
            q.limit = (int)n;
            break;
        }
        case 'f':
            if (cli_format(c, arg, &json))
                return CLI_USAGE;
            break;
        default: return CLI_USAGE;
        }
    }
    if (c->argc - cli_optind() != 1)
        return cli_usage(c, "timeline needs exactly one MRN");
    if (before && cd_timeline_cursor_at_date(&q.after, before, &err))
        return cli_usage(c, "--before: '%s' is not a date (YYYY-MM-DD)", before);
    if (cd_patient_find_mrn(c->s->store, c->argv[cli_optind()], &q.patient_id, &err))
        return cli_fail(&err);
    struct cd_page page = CD_PAGE_INIT;
    int rc = cd_timeline_read(c->s->store, &q, &page, &err);
    if (rc) {
        cd_page_free(&page);
        return cli_fail(&err);
    }
    if (!json) {
        /* one line per entry; the whole entry is in the JSON */
        struct cd_page brief = CD_PAGE_INIT;
        static const enum cd_timeline_col cols[] = {CD_TIMELINE_COL_DAY, CD_TIMELINE_COL_TIME,
                                                    CD_TIMELINE_COL_KIND, CD_TIMELINE_COL_WHO,
                                                    CD_TIMELINE_COL_TEXT};
        enum { NBRIEF = sizeof cols / sizeof cols[0] };
        const char *names[NBRIEF];
        for (size_t k = 0; k < NBRIEF; k++)
            names[k] = cd_page_name(&page, cols[k]);
        rc = cd_page_set_columns(&brief, NBRIEF, names);
        for (size_t r = 0; !rc && r < page.nrows; r++) {
            const char *row[NBRIEF];
            for (size_t k = 0; k < NBRIEF; k++)
                row[k] = cd_page_get(&page, r, cols[k]);
            rc = cd_page_add_row(&brief, row);
        }
        rc = rc ? cli_failf("out of memory") : cli_print_page(&brief, false, NULL);
        cd_page_free(&brief);
    } else {
        rc = cli_print_page(&page, true, "id");
    }
    cd_page_free(&page);
    return rc;
}
