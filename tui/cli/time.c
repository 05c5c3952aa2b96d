/* SPDX-License-Identifier: MIT */
/* caredesk time: add, correct, void or list time entries. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/patient.h"
#include "core/timeentry.h"
#include "tui/cli/cli.h"

/* The options of time add, edit, void and list. */
static const struct option field_opts[] = {
    {"date", required_argument, NULL, 'd'},
    {"activity", required_argument, NULL, 'a'},
    {"program", required_argument, NULL, 'p'},
    {"role", required_argument, NULL, 'r'},
    {"note", required_argument, NULL, 'n'},
    {"minutes", required_argument, NULL, 'm'},
    {"month", required_argument, NULL, 'M'},
    {"format", required_argument, NULL, 'f'},
    {"reason", required_argument, NULL, 'R'},
    {"confirm", no_argument, NULL, 'C'},
    {NULL, 0, NULL, 0},
};

/* A whole positive entry id. */
static int entry_id(struct cli *c, const char *s, int64_t *id)
{
    char *end;
    long long v = strtoll(s, &end, 10);
    if (!*s || *end || v <= 0)
        return cli_usage(c, "ENTRY_ID: '%s' is not an entry number", s);
    *id = v;
    return 0;
}

/* One line describing entry ID as stored (from the patient's list). */
static int describe(struct cli *c, int64_t id, char *out, size_t size)
{
    struct cd_error err = {0};
    struct cd_page page = CD_PAGE_INIT;
    int64_t pid;
    if (cd_time_patient(c->s->store, id, &pid, &err) ||
        cd_time_list(c->s->store, pid, NULL, &page, &err)) {
        cd_page_free(&page);
        return cli_fail(&err);
    }
    for (size_t i = 0; i < page.nrows; i++)
        if (cd_page_cell_int(&page, i, CD_TIME_COL_ID) == id)
            snprintf(out, size, "%s %s %s %s on %s", cd_page_cell(&page, i, CD_TIME_COL_DURATION),
                     cd_page_cell(&page, i, CD_TIME_COL_PROGRAM),
                     cd_page_cell(&page, i, CD_TIME_COL_ROLE),
                     cd_page_cell(&page, i, CD_TIME_COL_ACTIVITY),
                     cd_page_cell(&page, i, CD_TIME_COL_DATE));
    cd_page_free(&page);
    return 0;
}

/* What time add|edit|void|list were given: the fields, --month, --reason, --format, and the
 * index of the first operand. */
struct time_args {
    struct cd_time_fields f;
    const char *month, *reason;
    bool json;
    int first;
};

static int time_args(struct cli *c, int argc, char **argv, struct time_args *a)
{
    const char *arg;
    int v;
    memset(a, 0, sizeof *a);
    while ((v = cli_getopt(c, argc, argv, field_opts, &arg)) != -1) {
        struct cd_error err = {0};
        switch (v) {
        case 'd': a->f.date = arg; break;
        case 'a': a->f.activity = arg; break;
        case 'p': a->f.program = arg; break;
        case 'r': a->f.role = arg; break;
        case 'n': a->f.note = arg; break;
        case 'm':
            if (cd_time_parse_duration(arg, &a->f.seconds, &err))
                return cli_usage(c, "--%s", err.msg);
            break;
        case 'M': a->month = arg; break;
        case 'R': a->reason = arg; break;
        case 'C': a->f.confirm = true; break;
        case 'f':
            if (cli_format(c, arg, &a->json))
                return CLI_USAGE;
            break;
        default: return CLI_USAGE;
        }
    }
    a->first = cli_optind();
    return 0;
}

/* The arguments of time edit and time void (ACTION): the options and one ENTRY_ID. */
static int entry_args(struct cli *c, int argc, char **argv, const char *action, struct time_args *a,
                      int64_t *id)
{
    if (time_args(c, argc, argv, a))
        return CLI_USAGE;
    if (argc - a->first != 1)
        return cli_usage(c, "time %s needs one ENTRY_ID", action);
    return entry_id(c, argv[a->first], id);
}

static int time_add(struct cli *c, int argc, char **argv)
{
    struct time_args a;
    if (time_args(c, argc, argv, &a))
        return CLI_USAGE;
    if (argc - a.first != 2)
        return cli_usage(c, "time add needs an MRN and MINUTES");
    if (a.month || a.reason || a.f.seconds)
        return cli_usage(c, "time add takes MINUTES as an operand, and no --month or --reason");
    struct cd_error err = {0};
    if (cd_time_parse_duration(argv[a.first + 1], &a.f.seconds, &err))
        return cli_usage(c, "%s", err.msg);
    int64_t pid, id;
    char what[200];
    if (cd_patient_find_mrn(c->s->store, argv[a.first], &pid, &err) ||
        cd_time_add(c->s->store, pid, &a.f, &id, &err))
        return cli_fail(&err);
    if (describe(c, id, what, sizeof what))
        return CLI_FAIL;
    cli_printf("added entry %lld for %s: %s\n", (long long)id, argv[a.first], what);
    return CLI_OK;
}

static int time_edit(struct cli *c, int argc, char **argv)
{
    struct time_args a;
    int64_t id = 0, nid = 0;
    if (entry_args(c, argc, argv, "edit", &a, &id))
        return CLI_USAGE;
    if (a.month || a.reason)
        return cli_usage(c, "time edit takes no --month or --reason (the reason is 'edited')");
    const struct cd_time_fields *f = &a.f;
    if (!f->date && !f->activity && !f->program && !f->role && !f->note && !f->seconds)
        return cli_usage(c, "time edit needs at least one of --minutes, --date, --activity, "
                            "--program, --role, --note");
    struct cd_error err = {0};
    char what[200];
    if (cd_time_edit(c->s->store, id, f, &nid, &err))
        return cli_fail(&err);
    if (describe(c, nid, what, sizeof what))
        return CLI_FAIL;
    cli_printf("voided entry %lld (edited); entry %lld replaces it: %s\n", (long long)id,
               (long long)nid, what);
    return CLI_OK;
}

static int time_void(struct cli *c, int argc, char **argv)
{
    struct time_args a;
    int64_t id = 0;
    if (entry_args(c, argc, argv, "void", &a, &id))
        return CLI_USAGE;
    if (!a.reason)
        return cli_usage(c, "time void needs --reason");
    if (a.f.confirm)
        return cli_usage(c, "--confirm goes with time add and time edit");
    struct cd_error err = {0};
    char what[200];
    if (cd_time_void(c->s->store, id, a.reason, &err))
        return cli_fail(&err);
    if (describe(c, id, what, sizeof what))
        return CLI_FAIL;
    cli_printf("voided entry %lld (%s): %s\n", (long long)id, what, a.reason);
    return CLI_OK;
}

static int time_list(struct cli *c, int argc, char **argv)
{
    struct time_args a;
    if (time_args(c, argc, argv, &a))
        return CLI_USAGE;
    if (argc - a.first != 1)
        return cli_usage(c, "time list needs one MRN");
    if (a.f.confirm)
        return cli_usage(c, "--confirm goes with time add and time edit");
    struct cd_error err = {0};
    struct cd_page page = CD_PAGE_INIT;
    int64_t pid;
    int rc = cd_patient_find_mrn(c->s->store, argv[a.first], &pid, &err) ||
                     cd_time_list(c->s->store, pid, a.month, &page, &err)
                 ? cli_fail(&err)
                 : cli_print_page(&page, a.json, "id,voided,replaces_id");
    cd_page_free(&page);
    return rc;
}

int cli_time(struct cli *c)
{
    if (c->argc < 2)
        return cli_usage(c, "time needs add, edit, void or list");
    const char *a = c->argv[1];
    if (strcmp(a, "add") == 0)
        return time_add(c, c->argc - 1, c->argv + 1);
    if (strcmp(a, "edit") == 0)
        return time_edit(c, c->argc - 1, c->argv + 1);
    if (strcmp(a, "void") == 0)
        return time_void(c, c->argc - 1, c->argv + 1);
    if (strcmp(a, "list") == 0)
        return time_list(c, c->argc - 1, c->argv + 1);
    return cli_usage(c, "unknown time action '%s'", a);
}
