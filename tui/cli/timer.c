/* SPDX-License-Identifier: MIT */
/* caredesk timer: the care management minute timer of the current user. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/base/clock.h"
#include "core/timeentry.h"
#include "core/timer.h"
#include "tui/cli/cli.h"

/* "1001 (Núñez, Zoë)" of the user's timer into OUT, for messages. */
static void timer_who(const struct cd_timer_view *tv, char *out, size_t size)
{
    snprintf(out, size, "%s (%s)", tv->mrn, tv->patient);
}

static void print_written(const char *verb, const char *who, const struct cd_timer_result *r)
{
    char mmss[24];
    if (r->entries == 0)
        cli_printf("%s the timer on %s: nothing counted, nothing written\n", verb, who);
    else if (r->entries == 1)
        cli_printf("%s the timer on %s: %s written as entry %lld\n", verb, who,
                   cd_time_format_mmss(r->seconds, mmss), (long long)r->last_entry_id);
    else
        cli_printf("%s the timer on %s: %s written as %d entries, one per month (last %lld)\n",
                   verb, who, cd_time_format_mmss(r->seconds, mmss), r->entries,
                   (long long)r->last_entry_id);
}

static int timer_start(struct cli *c, int argc, char **argv)
{
    static const struct option opts[] = {
        {"activity", required_argument, NULL, 'a'},
        {"program", required_argument, NULL, 'p'},
        {"role", required_argument, NULL, 'r'},
        {"switch", no_argument, NULL, 's'},
        {NULL, 0, NULL, 0},
    };
    const char *activity = NULL, *program = NULL, *role = NULL, *arg;
    int v, sw = 0;
    while ((v = cli_getopt(c, argc, argv, opts, &arg)) != -1) {
        switch (v) {
        case 'a': activity = arg; break;
        case 'p': program = arg; break;
        case 'r': role = arg; break;
        case 's': sw = 1; break;
        default: return CLI_USAGE;
        }
    }
    if (argc - cli_optind() != 1)
        return cli_usage(c, "timer start needs exactly one MRN");
    const char *mrn = argv[cli_optind()];
    char name[210], who[300], at[17];
    int64_t pid;
    if (cli_patient_named(c, mrn, &pid, name, sizeof name))
        return CLI_FAIL;
    struct cd_error err = {0};
    struct cd_timer_view old;
    char q[CD_ERROR_MSG_MAX];
    if (cd_timer_settle(c->s->store, c->s->user.id, NULL, &err))
        return cli_fail(&err);
    int had = cd_timer_status(c->s->store, c->s->user.id, &old, &err) == 0;
    if (had && strcmp(old.state, "over") == 0)
        return cli_failf("%s", cd_timer_over_question(&old, q, sizeof q));
    if (had && !sw) {
        timer_who(&old, who, sizeof who);
        return cli_failf("a timer is already running on %s since %s; stop it first ('caredesk "
                         "timer stop') or switch to %s with --switch",
                         who, cd_instant_format_local(old.timer.started_at, at) + 11, mrn);
    }
    struct cd_timer_result res = {0};
    if (cd_timer_switch(c->s->store, c->s->user.id, pid, program, activity, role, &res, &err))
        return cli_fail(&err);
    if (had) {
        timer_who(&old, who, sizeof who);
        print_written("stopped", who, &res);
    }
    struct cd_timer_view tv;
    if (cd_timer_status(c->s->store, c->s->user.id, &tv, &err))
        return cli_fail(&err);
    cli_printf("timer started on %s (%s): %s, %s, %s\n", mrn, name, tv.timer.program,
               tv.timer.activity, tv.timer.role);
    return CLI_OK;
}

static int timer_status(struct cli *c, int argc, char **argv)
{
    bool json = false;
    if (cli_format_only(c, argc, argv, &json, NULL))
        return CLI_USAGE;
    if (cli_optind() < argc)
        return cli_usage(c, "timer status takes no operand");
    struct cd_error err = {0};
    struct cd_timer_view tv;
    char q[CD_ERROR_MSG_MAX];
    if (cd_timer_settle(c->s->store, c->s->user.id, NULL, &err))
        return cli_fail(&err);
    int rc = cd_timer_status(c->s->store, c->s->user.id, &tv, &err);
    if (rc == CD_ENOTFOUND) {
        cli_printf("%s", json ? "[]\n" : "no timer is running\n");
        return CLI_OK;
    }
    if (rc)
        return cli_fail(&err);
    if (!json && strcmp(tv.state, "over") == 0) {
        cli_printf("%s\n", cd_timer_over_question(&tv, q, sizeof q));
        return CLI_OK;
    }
    static const char *const cols[] = {"mrn",   "patient", "program",   "activity",
                                       "state", "elapsed", "month_min", "next_threshold"};
    char elapsed[24], month[24], next[24];
    snprintf(month, sizeof month, "%lld", (long long)(tv.month_seconds / 60));
    snprintf(next, sizeof next, "%d", tv.next_threshold);
    const char *row[] = {tv.mrn,
                         tv.patient,
                         tv.timer.program,
                         tv.timer.activity,
                         tv.state,
                         cd_time_format_mmss(tv.elapsed, elapsed),
                         month,
                         tv.next_threshold ? next : NULL};
    struct cd_page page = CD_PAGE_INIT;
    rc = cd_page_set_columns(&page, 8, cols) || cd_page_add_row(&page, row)
             ? cli_failf("out of memory")
             : cli_print_page(&page, json, "month_min,next_threshold");
    cd_page_free(&page);
    return rc;
}

/* timer stop [--keep MINUTES | --to-last-activity] [--confirm]: how much to write. */
static int timer_stop(struct cli *c, int argc, char **argv)
{
    static const struct option opts[] = {
        {"to-last-activity", no_argument, NULL, 'l'},
        {"keep", required_argument, NULL, 'k'},
        {"confirm", no_argument, NULL, 'C'},
        {NULL, 0, NULL, 0},
    };
    const char *arg;
    int v;
    bool last = false, confirm = false;
    int64_t keep = 0;
    struct cd_error err = {0};
    while ((v = cli_getopt(c, argc, argv, opts, &arg)) != -1) {
        switch (v) {
        case 'l': last = true; break;
        case 'C': confirm = true; break;
        case 'k':
            if (cd_time_parse_duration(arg, &keep, &err))
                return cli_usage(c, "--keep: %s", err.msg);
            break;
        default: return CLI_USAGE;
        }
    }
    if (cli_optind() < argc)
        return cli_usage(c, "timer stop takes no operand");
    if (last && keep)
        return cli_usage(c, "choose --keep or --to-last-activity, not both");
    struct cd_timer_view tv;
    struct cd_timer_result res = {0};
    char who[300];
    if (cd_timer_status(c->s->store, c->s->user.id, &tv, &err))
        return cli_fail(&err);
    timer_who(&tv, who, sizeof who);
    enum cd_timer_keep how = keep   ? CD_TIMER_KEEP_SECONDS
                             : last ? CD_TIMER_KEEP_TO_LAST_ACTIVITY
                                    : CD_TIMER_KEEP_COUNTED;
    if (cd_timer_end(c->s->store, c->s->user.id, how, keep, confirm, &res, &err))
        return cli_fail(&err);
    print_written("stopped", who, &res);
    return CLI_OK;
}

static int timer_simple(struct cli *c, int argc, char **argv)
{
    static const struct option opts[] = {
        {"count-idle", no_argument, NULL, 'c'},
        {"drop-idle", no_argument, NULL, 'd'},
        {NULL, 0, NULL, 0},
    };
    const char *what = argv[0], *arg;
    int v, count = 0, drop = 0;
    while ((v = cli_getopt(c, argc, argv, opts, &arg)) != -1) {
        switch (v) {
        case 'c': count = 1; break;
        case 'd': drop = 1; break;
        default: return CLI_USAGE;
        }
    }
    if (cli_optind() < argc)
        return cli_usage(c, "timer %s takes no operand", what);
    if ((count || drop) && strcmp(what, "resume"))
        return cli_usage(c, "--count-idle and --drop-idle go with timer resume");
    if (count && drop)
        return cli_usage(c, "choose --count-idle or --drop-idle, not both");
    struct cd_error err = {0};
    struct cd_timer_view tv;
    struct cd_timer_result res = {0};
    char who[300], mmss[24];
    if (cd_timer_settle(c->s->store, c->s->user.id, NULL, &err) ||
        cd_timer_status(c->s->store, c->s->user.id, &tv, &err))
        return cli_fail(&err);
    timer_who(&tv, who, sizeof who);
    int rc;
    if (strcmp(what, "pause") == 0)
        rc = cd_timer_pause(c->s->store, c->s->user.id, &err);
    else if (strcmp(what, "resume") == 0 && (count || drop))
        rc = cd_timer_idle_resolve(c->s->store, c->s->user.id, count, &err);
    else if (strcmp(what, "resume") == 0)
        rc = cd_timer_resume(c->s->store, c->s->user.id, &err);
    else
        rc = cd_timer_recover(c->s->store, c->s->user.id, CD_TIMER_DISCARD, &res, &err);
    if (rc == CD_EINVAL && strcmp(what, "resume") == 0 && strcmp(tv.state, "idle") == 0)
        return cli_failf("the timer paused itself while idle: resume with --count-idle to count "
                         "the idle minutes or --drop-idle to leave them out");
    if (rc)
        return cli_fail(&err);
    if (strcmp(what, "discard") == 0)
        cli_printf("discarded the timer on %s: %s not written\n", who,
                   cd_time_format_mmss(tv.elapsed, mmss));
    else if (cd_timer_status(c->s->store, c->s->user.id, &tv, &err))
        return cli_fail(&err);
    else
        cli_printf("timer %s on %s at %s\n", strcmp(what, "pause") == 0 ? "paused" : "resumed", who,
                   cd_time_format_mmss(tv.elapsed, mmss));
    return CLI_OK;
}

int cli_timer(struct cli *c)
{
    if (c->argc < 2)
        return cli_usage(c, "timer needs start, pause, resume, stop, discard or status");
    const char *a = c->argv[1];
    if (strcmp(a, "start") == 0)
        return timer_start(c, c->argc - 1, c->argv + 1);
    if (strcmp(a, "status") == 0)
        return timer_status(c, c->argc - 1, c->argv + 1);
    if (strcmp(a, "stop") == 0)
        return timer_stop(c, c->argc - 1, c->argv + 1);
    if (strcmp(a, "pause") == 0 || strcmp(a, "resume") == 0 || strcmp(a, "discard") == 0)
        return timer_simple(c, c->argc - 1, c->argv + 1);
    return cli_usage(c, "unknown timer action '%s'", a);
}
