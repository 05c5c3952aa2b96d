/* SPDX-License-Identifier: MIT */
/* caredesk enroll and disenroll: a patient's programs, with documented consent. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/base/clock.h"
#include "core/enrollment.h"
#include "tui/cli/cli.h"

int cli_enroll(struct cli *c)
{
    static const struct option opts[] = {
        {"program", required_argument, NULL, 'p'},
        {"consent", required_argument, NULL, 'c'},
        {"date", required_argument, NULL, 'd'},
        {"note", required_argument, NULL, 'n'},
        {NULL, 0, NULL, 0},
    };
    struct cd_enroll_in in = {0};
    const char *arg;
    int v;
    while ((v = cli_getopt(c, c->argc, c->argv, opts, &arg)) != -1) {
        switch (v) {
        case 'p': in.program = arg; break;
        case 'c': in.consent = arg; break;
        case 'd': in.date = arg; break;
        case 'n': in.note = arg; break;
        default: return CLI_USAGE;
        }
    }
    if (c->argc - cli_optind() != 1)
        return cli_usage(c, "enroll needs exactly one MRN");
    if (!in.program || !in.consent)
        return cli_usage(c, "enroll needs --program and --consent");
    in.mrn = c->argv[cli_optind()];
    char name[210], day[CD_DATE_LEN];
    int64_t pid, id;
    int added = 0;
    if (cli_patient_named(c, in.mrn, &pid, name, sizeof name))
        return CLI_FAIL;
    struct cd_error err = {0};
    if (cd_enrollment_enroll(c->s->store, &in, &id, &added, &err))
        return cli_fail(&err);
    const char *date = in.date ? in.date : cd_date_format(cd_clock_today(), day);
    if (added)
        cli_printf("recorded %s consent for %s (%s) in %s on %s, taken by %s\n", in.consent, in.mrn,
                   name, in.program, date, c->s->login);
    else if (strcmp(in.consent, "none") == 0)
        cli_printf("enrolled %s (%s) in %s from %s; no consent yet: its minutes are not billable "
                   "until consent is recorded\n",
                   in.mrn, name, in.program, date);
    else
        cli_printf("enrolled %s (%s) in %s from %s; %s consent taken by %s\n", in.mrn, name,
                   in.program, date, in.consent, c->s->login);
    return CLI_OK;
}

int cli_disenroll(struct cli *c)
{
    static const struct option opts[] = {
        {"program", required_argument, NULL, 'p'},
        {"reason", required_argument, NULL, 'r'},
        {"date", required_argument, NULL, 'd'},
        {"note", required_argument, NULL, 'n'},
        {NULL, 0, NULL, 0},
    };
    const char *program = NULL, *reason = NULL, *date = NULL, *note = NULL, *arg;
    int v;
    while ((v = cli_getopt(c, c->argc, c->argv, opts, &arg)) != -1) {
        switch (v) {
        case 'p': program = arg; break;
        case 'r': reason = arg; break;
        case 'd': date = arg; break;
        case 'n': note = arg; break;
        default: return CLI_USAGE;
        }
    }
    if (c->argc - cli_optind() != 1)
        return cli_usage(c, "disenroll needs exactly one MRN");
    if (!program)
        return cli_usage(c, "disenroll needs --program");
    const char *mrn = c->argv[cli_optind()];
    struct cd_error err = {0};
    char day[CD_DATE_LEN];
    int tasks;
    if (cd_enrollment_end(c->s->store, mrn, program, date, reason, note, &tasks, &err))
        return cli_fail(&err);
    const struct cd_end_reason *why = cd_enrollment_reason_find(reason);
    cli_printf("ended %s's %s enrollment on %s%s%s; %d open task%s cancelled\n", mrn, program,
               date ? date : cd_date_format(cd_clock_today(), day), why ? ": " : "",
               why ? why->text : "", tasks, tasks == 1 ? "" : "s");
    return CLI_OK;
}
