/* SPDX-License-Identifier: MIT */
/* caredesk appointment (add, move, cancel, kept, no-show, list) and caredesk export-ics: follow-up
 * appointments and their iCalendar export. */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "core/appointment.h"
#include "core/base/clock.h"
#include "core/base/safefile.h"
#include "core/io/ical.h"
#include "tui/cli/cli.h"

static int appointment_id(const struct cli *c, int argc, char **argv, int64_t *id)
{
    int first = cli_optind();
    if (argc - first != 1)
        return cli_usage(c, "appointment %s needs exactly one appointment ID", argv[0]);
    long long v;
    if (cli_number(c, "the appointment ID", argv[first], 1, LONG_MAX, &v))
        return CLI_USAGE;
    *id = v;
    return 0;
}

/* The lines after a write: the TCM task it closed or reopened, and any warning. */
static void report_task(const struct cd_appointment_result *res)
{
    if (res->task_closed)
        cli_printf("closed task %lld (TCM face-to-face visit)\n", (long long)res->task_closed);
    if (res->task_reopened)
        cli_printf("reopened task %lld (TCM face-to-face visit)\n", (long long)res->task_reopened);
    if (res->warning[0])
        cli_warnf("%s", res->warning);
}

static int appointment_add(struct cli *c, int argc, char **argv)
{
    static const struct option opts[] = {
        {"at", required_argument, NULL, 'a'},   {"duration", required_argument, NULL, 'd'},
        {"with", required_argument, NULL, 'w'}, {"location", required_argument, NULL, 'l'},
        {"kind", required_argument, NULL, 'k'}, {"encounter", required_argument, NULL, 'e'},
        {"note", required_argument, NULL, 'n'}, {NULL, 0, NULL, 0},
    };
    struct cd_appointment_in in = {0};
    const char *arg, *duration = NULL;
    long long v;
    int o;
    while ((o = cli_getopt(c, argc, argv, opts, &arg)) != -1) {
        switch (o) {
        case 'a': in.at = arg; break;
        case 'd': duration = arg; break;
        case 'w': in.provider = arg; break;
        case 'l': in.location = arg; break;
        case 'k': in.kind = arg; break;
        case 'e':
            if (cli_number(c, "--encounter", arg, 1, LONG_MAX, &v))
                return CLI_USAGE;
            in.encounter_id = v;
            break;
        case 'n': in.note = arg; break;
        default: return CLI_USAGE;
        }
    }
    int first = cli_optind();
    if (argc - first != 1)
        return cli_usage(c, "appointment add needs exactly one MRN");
    if (!in.at || !duration || !in.provider)
        return cli_usage(c, "appointment add needs --at, --duration and --with");
    if (cli_number(c, "--duration", duration, 1, 1440, &v))
        return CLI_USAGE;
    in.duration_min = (int)v;
    in.mrn = argv[first];
    struct cd_error err = {0};
    struct cd_appointment_result res;
    if (cd_appointment_book(c->s->store, &in, &res, &err))
        return cli_fail(&err);
    cli_printf("booked appointment %lld: %s for %s at %s %s, %d min, with %s\n", (long long)res.id,
               in.kind && *in.kind ? in.kind : "other", in.mrn, in.at, cd_clock_zone(),
               in.duration_min, in.provider);
    report_task(&res);
    return CLI_OK;
}

static int appointment_move(struct cli *c, int argc, char **argv)
{
    static const struct option opts[] = {
        {"at", required_argument, NULL, 'a'},
        {"duration", required_argument, NULL, 'd'},
        {"with", required_argument, NULL, 'w'},
        {"location", required_argument, NULL, 'l'},
        {NULL, 0, NULL, 0},
    };
    struct cd_appointment_change ch = {0};
    const char *arg;
    long long v;
    int o;
    while ((o = cli_getopt(c, argc, argv, opts, &arg)) != -1) {
        switch (o) {
        case 'a': ch.at = arg; break;
        case 'd':
            if (cli_number(c, "--duration", arg, 1, 1440, &v))
                return CLI_USAGE;
            ch.duration_min = (int)v;
            break;
        case 'w': ch.provider = arg; break;
        case 'l': ch.location = arg; break;
        default: return CLI_USAGE;
        }
    }
    int64_t id;
    if (appointment_id(c, argc, argv, &id))
        return CLI_USAGE;
    if (!ch.at && !ch.duration_min && !ch.provider && !ch.location)
        return cli_usage(c, "appointment move needs --at, --duration, --with or --location");
    struct cd_error err = {0};
    struct cd_appointment_result res;
    if (cd_appointment_move(c->s->store, id, &ch, &res, &err))
        return cli_fail(&err);
    if (res.changed)
        cli_printf("moved appointment %lld (sequence %d)\n", (long long)id, res.sequence);
    else
        cli_printf("appointment %lld unchanged (sequence %d)\n", (long long)id, res.sequence);
    report_task(&res);
    return CLI_OK;
}

static int appointment_status(struct cli *c, int argc, char **argv)
{
    static const struct option cancel_opts[] = {
        {"reason", required_argument, NULL, 'r'},
        {NULL, 0, NULL, 0},
    };
    static const struct option no_opts[] = {{NULL, 0, NULL, 0}};
    int cancel = strcmp(argv[0], "cancel") == 0;
    const char *arg, *reason = NULL;
    int o;
    while ((o = cli_getopt(c, argc, argv, cancel ? cancel_opts : no_opts, &arg)) != -1) {
        if (o != 'r')
            return CLI_USAGE;
        reason = arg;
    }
    int64_t id;
    if (appointment_id(c, argc, argv, &id))
        return CLI_USAGE;
    struct cd_error err = {0};
    struct cd_appointment_result res;
    int rc;
    const char *done;
    if (cancel) {
        rc = cd_appointment_cancel(c->s->store, id, reason, &res, &err);
        done = "cancelled";
    } else if (strcmp(argv[0], "kept") == 0) {
        rc = cd_appointment_kept(c->s->store, id, &res, &err);
        done = "kept";
    } else {
        rc = cd_appointment_no_show(c->s->store, id, &res, &err);
        done = "a no-show";
    }
    if (rc)
        return cli_fail(&err);
    if (res.changed)
        cli_printf("appointment %lld is %s (sequence %d)\n", (long long)id, done, res.sequence);
    else
        cli_printf("appointment %lld was already %s (sequence %d)\n", (long long)id, done,
                   res.sequence);
    report_task(&res);
    return CLI_OK;
}

/* --from, --to, --patient, --provider: the options list and export-ics share. */
static int filter_option(int o, const char *arg, struct cd_appointment_filter *f)
{
    switch (o) {
    case 'F': f->from = arg; return 1;
    case 'T': f->to = arg; return 1;
    case 'p': f->mrn = arg; return 1;
    case 'P': f->provider = arg; return 1;
    default: return 0;
    }
}

#define FILTER_OPTIONS                                                                             \
    {"from", required_argument, NULL, 'F'}, {"to", required_argument, NULL, 'T'},                  \
        {"patient", required_argument, NULL, 'p'},                                                 \
    {                                                                                              \
        "provider", required_argument, NULL, 'P'                                                   \
    }

static int appointment_list(struct cli *c, int argc, char **argv)
{
    static const struct option opts[] = {
        FILTER_OPTIONS,
        {"format", required_argument, NULL, 'f'},
        {NULL, 0, NULL, 0},
    };
    struct cd_appointment_filter f = {0};
    const char *arg;
    bool json = false;
    int o;
    while ((o = cli_getopt(c, argc, argv, opts, &arg)) != -1) {
        if (filter_option(o, arg, &f))
            continue;
        if (o != 'f' || cli_format(c, arg, &json))
            return CLI_USAGE;
    }
    if (cli_optind() < argc)
        return cli_usage(c, "appointment list takes no operand ('%s')", argv[cli_optind()]);
    struct cd_error err = {0};
    struct cd_page page = CD_PAGE_INIT;
    int rc = cd_appointment_list(c->s->store, &f, &page, &err)
                 ? cli_fail(&err)
                 : cli_print_page(&page, json, "id,duration,sequence");
    cd_page_free(&page);
    return rc;
}

int cli_appointment(struct cli *c)
{
    if (c->argc < 2)
        return cli_usage(c, "appointment needs add, move, cancel, kept, no-show or list");
    const char *act = c->argv[1];
    int argc = c->argc - 1;
    char **argv = c->argv + 1;
    if (strcmp(act, "add") == 0)
        return appointment_add(c, argc, argv);
    if (strcmp(act, "move") == 0)
        return appointment_move(c, argc, argv);
    if (strcmp(act, "cancel") == 0 || strcmp(act, "kept") == 0 || strcmp(act, "no-show") == 0)
        return appointment_status(c, argc, argv);
    if (strcmp(act, "list") == 0)
        return appointment_list(c, argc, argv);
    return cli_usage(c, "unknown appointment action '%s'", act);
}

int cli_export_ics(struct cli *c)
{
    static const struct option opts[] = {
        FILTER_OPTIONS,
        {"full-names", no_argument, NULL, 'N'},
        {"alarm", required_argument, NULL, 'A'},
        {"output", required_argument, NULL, 'o'},
        {"follow", no_argument, NULL, 'L'},
        {NULL, 0, NULL, 0},
    };
    struct cd_ical_options o = {0};
    const char *arg, *path = NULL;
    unsigned wflags = CD_SAFEFILE_OFFER_FOLLOW;
    long long v;
    int opt;
    /* -o is the short form of --output */
    for (int i = 1; i < c->argc; i++)
        if (strcmp(c->argv[i], "-o") == 0)
            c->argv[i] = (char *)"--output";
    while ((opt = cli_getopt(c, c->argc, c->argv, opts, &arg)) != -1) {
        if (filter_option(opt, arg, &o.filter))
            continue;
        switch (opt) {
        case 'N': o.full_names = true; break;
        case 'A':
            if (cli_number(c, "--alarm", arg, 1, 10080, &v))
                return CLI_USAGE;
            o.alarm_minutes = (int)v;
            break;
        case 'o': path = arg; break;
        case 'L': wflags |= CD_SAFEFILE_FOLLOW; break;
        default: return CLI_USAGE;
        }
    }
    if (cli_optind() < c->argc)
        return cli_usage(c, "export-ics takes no operand ('%s')", c->argv[cli_optind()]);
    struct cd_error err = {0};
    size_t n = 0;
    if (path) {
        bool to_stdout = cd_safefile_is_stdout(path);
        if (cd_ical_export_file(c->s->store, &o, path, wflags, &n, &err))
            return cli_fail(&err);
        if (!to_stdout) /* the calendar itself went there */
            cli_printf("wrote %zu appointment%s to %s\n", n, n == 1 ? "" : "s", path);
        return CLI_OK;
    }
    if (cd_ical_write(c->s->store, &o, stdout, &n, &err))
        return cli_fail(&err);
    return CLI_OK;
}
