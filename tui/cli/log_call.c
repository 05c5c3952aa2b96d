/* SPDX-License-Identifier: MIT */
/* caredesk log-call: record a contact attempt (completes or counts toward the TCM contact). */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/clock.h"
#include "core/base/vocab.h"
#include "core/contact.h"
#include "core/patient.h"
#include "tui/cli/cli.h"

/* What the call did to the tasks; a refusal is never told to keep trying. */
static void print_outcome(const struct cd_contact_result *r, bool refused)
{
    const char *keep = refused ? "" : "; keep trying";
    char due[CD_DATE_LEN];
    if (r->task_id && r->task_id != r->tcm_task_id)
        cli_printf("%s task %lld %s\n", cd_task_kind_label(r->task_kind), (long long)r->task_id,
                   r->task_completed ? "done" : "stays open");
    if (r->also[0])
        cli_printf("also done: %s\n", r->also);
    /* a TCM contact another job's call completed is named on the "also done" line */
    if (!r->tcm_task_id || (r->interactive && r->tcm_task_id != r->task_id))
        return;
    cd_date_format(r->task_due_day, due);
    if (r->interactive) {
        if (r->late)
            cli_printf("TCM contact done, late: it was due by the end of %s\n", due);
        else
            cli_printf("TCM contact done (due by the end of %s)\n", due);
    } else if (r->late) {
        cli_printf("TCM contact was due by the end of %s: this late attempt does not count toward "
                   "the two%s%s\n",
                   due, keep, *keep ? " until reached" : "");
    } else if (r->attempts_satisfied) {
        cli_printf("TCM contact due %s: attempts satisfied (%d unsuccessful attempts on separate "
                   "days); it stays on the list until the patient is reached\n",
                   due, r->attempts);
    } else {
        cli_printf("TCM contact due %s: %d of 2 unsuccessful attempts on separate days%s\n", due,
                   r->attempts, keep);
    }
}

int cli_log_call(struct cli *c)
{
    static const struct option opts[] = {
        {"outcome", required_argument, NULL, 'o'},     {"channel", required_argument, NULL, 'c'},
        {"note", required_argument, NULL, 'n'},        {"task", required_argument, NULL, 't'},
        {"end-program", required_argument, NULL, 'e'}, {NULL, 0, NULL, 0},
    };
    struct cd_contact_in in = {0};
    char *end;
    const char *arg;
    int v;
    while ((v = cli_getopt(c, c->argc, c->argv, opts, &arg)) != -1) {
        switch (v) {
        case 'o': in.outcome = arg; break;
        case 'c': in.channel = arg; break;
        case 'n': in.note = arg; break;
        case 'e': in.end_program = arg; break;
        case 't':
            in.task_id = strtoll(arg, &end, 10);
            if (!*arg || *end || in.task_id <= 0)
                return cli_usage(c, "--task: '%s' is not a task number", arg);
            break;
        default: return CLI_USAGE;
        }
    }
    if (c->argc - cli_optind() != 1)
        return cli_usage(c, "log-call needs exactly one MRN");
    if (!in.outcome)
        return cli_usage(c, "log-call needs --outcome");
    const char *mrn = c->argv[cli_optind()];
    struct cd_error err = {0};
    if (cd_patient_find_mrn(c->s->store, mrn, &in.patient_id, &err))
        return cli_fail(&err);
    struct cd_contact_result res;
    if (cd_contact_log(c->s->store, &in, &res, &err))
        return cli_fail(&err);
    char when[17];
    cli_printf("logged %s (%s) for %s at %s by %s\n", cd_contact_outcome_label(in.outcome),
               in.channel ? in.channel : "phone", mrn,
               cd_instant_format_local(cd_clock_now(), when), c->s->login);
    bool refused = strcmp(in.outcome, "refused") == 0;
    /* a TCM contact task the refusal's end cancelled has nothing left to report */
    if (!(res.ended[0] && res.tcm_task_id && strstr(res.ended, "tcm")))
        print_outcome(&res, refused);
    if (res.ended[0])
        cli_printf("ended %s's %s enrollment%s: refused; %d open task%s cancelled\n", mrn,
                   res.ended, strchr(res.ended, ',') ? "s" : "", res.tasks_cancelled,
                   res.tasks_cancelled == 1 ? "" : "s");
    /* the call is logged: ending a program now is disenroll's, not a second call */
    if (res.active[0] && refused)
        cli_printf("%s is still enrolled in %s; to end %s: disenroll %s --program %s "
                   "--reason refused\n",
                   mrn, res.active, strchr(res.active, ',') ? "one" : "it", mrn,
                   strchr(res.active, ',') ? "PROGRAM" : res.active);
    return CLI_OK;
}
