/* SPDX-License-Identifier: MIT */
/* caredesk patient: add a patient by hand, look patients up by name or MRN, show one (with the
 * risk and its LACE score), record a death. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/lace.h"
#include "core/lifecycle.h"
#include "core/patient.h"
#include "tui/cli/cli.h"

static int patient_add(struct cli *c, int argc, char **argv)
{
    static const struct option opts[] = {
        {"mrn", required_argument, NULL, 'm'},         {"family", required_argument, NULL, 'f'},
        {"given", required_argument, NULL, 'g'},       {"birth-date", required_argument, NULL, 'b'},
        {"sex", required_argument, NULL, 's'},         {"phone", required_argument, NULL, 'p'},
        {"phone-alt", required_argument, NULL, 'P'},   {"language", required_argument, NULL, 'l'},
        {"coordinator", required_argument, NULL, 'c'}, {NULL, 0, NULL, 0},
    };
    struct cd_patient_in in = {0};
    const char *arg;
    int v;
    while ((v = cli_getopt(c, argc, argv, opts, &arg)) != -1) {
        switch (v) {
        case 'm': in.mrn = arg; break;
        case 'f': in.family = arg; break;
        case 'g': in.given = arg; break;
        case 'b': in.birth_date = arg; break;
        case 's': in.sex = arg; break;
        case 'p': in.phone = arg; break;
        case 'P': in.phone_alt = arg; break;
        case 'l': in.language = arg; break;
        case 'c': in.coordinator = arg; break;
        default: return CLI_USAGE;
        }
    }
    if (cli_optind() < argc)
        return cli_usage(c, "patient add takes no operand ('%s')", argv[cli_optind()]);
    if (!in.mrn || !in.family || !in.given || !in.birth_date)
        return cli_usage(c, "patient add needs --mrn, --family, --given and --birth-date");
    struct cd_error err = {0};
    int64_t id;
    if (cd_patient_add(c->s->store, &in, &id, &err))
        return cli_fail(&err);
    cli_printf("added patient %s (%s, %s)\n", in.mrn, in.family, in.given);
    return CLI_OK;
}

/* patient deceased MRN --date D [--note T] | patient deceased MRN --undo --reason T */
static int patient_deceased(struct cli *c, int argc, char **argv)
{
    static const struct option opts[] = {
        {"date", required_argument, NULL, 'd'},
        {"note", required_argument, NULL, 'n'},
        {"undo", no_argument, NULL, 'u'},
        {"reason", required_argument, NULL, 'r'},
        {NULL, 0, NULL, 0},
    };
    const char *date = NULL, *note = NULL, *reason = NULL, *arg;
    bool undo = false;
    int v;
    while ((v = cli_getopt(c, argc, argv, opts, &arg)) != -1) {
        switch (v) {
        case 'd': date = arg; break;
        case 'n': note = arg; break;
        case 'u': undo = true; break;
        case 'r': reason = arg; break;
        default: return CLI_USAGE;
        }
    }
    if (argc - cli_optind() != 1)
        return cli_usage(c, "patient deceased needs exactly one MRN");
    const char *mrn = argv[cli_optind()];
    struct cd_error err = {0};
    if (undo) {
        if (date || note)
            return cli_usage(c, "patient deceased --undo takes --reason, not --date or --note");
        if (!reason)
            return cli_usage(c, "patient deceased --undo needs --reason");
        char day[CD_DATE_LEN];
        if (cd_lifecycle_correct_death(c->s->store, mrn, reason, day, &err))
            return cli_fail(&err);
        cli_printf("took back %s's death of %s; programs, tasks and visits it ended stay ended: "
                   "enroll and book again as needed\n",
                   mrn, day);
        return CLI_OK;
    }
    if (reason)
        return cli_usage(c, "patient deceased takes --reason only with --undo");
    if (!date)
        return cli_usage(c, "patient deceased needs --date YYYY-MM-DD");
    struct cd_death_result res;
    if (cd_lifecycle_record_death(c->s->store, mrn, date, note, &res, &err))
        return cli_fail(&err);
    cli_printf("recorded %s's death on %s: %d enrollment%s ended%s%s%s, %d task%s and %d "
               "visit%s cancelled; %s is off every list\n",
               mrn, res.date, res.enrollments, res.enrollments == 1 ? "" : "s",
               res.programs[0] ? " (" : "", res.programs, res.programs[0] ? ")" : "", res.tasks,
               res.tasks == 1 ? "" : "s", res.appointments, res.appointments == 1 ? "" : "s", mrn);
    return CLI_OK;
}

/* patient show MRN: the chart header's facts, the risk with its LACE score and unknown parts. */
static int patient_show(struct cli *c, int argc, char **argv)
{
    bool json = false;
    if (cli_format_only(c, argc, argv, &json, NULL))
        return CLI_USAGE;
    int first = cli_optind() + 1;
    if (c->argc - first != 1)
        return cli_usage(c, "patient show needs one MRN");
    struct cd_error err = {0};
    int64_t id;
    struct cd_patient_header h;
    if (cd_patient_find_mrn(c->s->store, c->argv[first], &id, &err) ||
        cd_patient_header_get(c->s->store, id, &h, &err) ||
        cd_patient_chart_opened(c->s->store, id, "patient show", &err))
        return cli_fail(&err);
    char name[sizeof h.family_name + sizeof h.given_name + 2], lace[16] = "", unknown[64];
    snprintf(name, sizeof name, "%s, %s", h.family_name, h.given_name);
    if (h.lace_score >= 0)
        snprintf(lace, sizeof lace, "%d", h.lace_score);
    cd_lace_unknown_text(h.lace_unknown, unknown, sizeof unknown);
    static const char *const cols[] = {"mrn",  "patient", "birth_date",   "coordinator", "programs",
                                       "risk", "lace",    "lace_unknown", "deceased"};
    const char *row[] = {h.mrn,
                         name,
                         h.birth_date,
                         h.coordinator,
                         h.programs,
                         *h.risk_tier ? h.risk_tier : "none",
                         *lace ? lace : NULL,
                         unknown,
                         h.deceased};
    struct cd_page page = CD_PAGE_INIT;
    int rc = cd_page_set_columns(&page, sizeof cols / sizeof cols[0], cols) ||
                     cd_page_add_row(&page, row)
                 ? cli_failf("out of memory")
                 : cli_print_page(&page, json, "lace");
    cd_page_free(&page);
    return rc;
}

int cli_patient(struct cli *c)
{
    if (c->argc < 2)
        return cli_usage(c, "patient needs 'add', 'find', 'show' or 'deceased'");
    if (strcmp(c->argv[1], "add") == 0)
        return patient_add(c, c->argc - 1, c->argv + 1);
    if (strcmp(c->argv[1], "show") == 0)
        return patient_show(c, c->argc - 1, c->argv + 1);
    if (strcmp(c->argv[1], "deceased") == 0)
        return patient_deceased(c, c->argc - 1, c->argv + 1);
    if (strcmp(c->argv[1], "find") == 0) {
        bool json = false;
        if (cli_format_only(c, c->argc - 1, c->argv + 1, &json, NULL))
            return CLI_USAGE;
        int first = cli_optind() + 1;
        if (c->argc - first != 1)
            return cli_usage(c, "patient find needs one name or MRN");
        struct cd_error err = {0};
        struct cd_page page = CD_PAGE_INIT;
        int rc = cd_patient_search(c->s->store, c->argv[first], 50, &page, &err)
                     ? cli_fail(&err)
                     : cli_print_page(&page, json, "id");
        cd_page_free(&page);
        return rc;
    }
    return cli_usage(c, "unknown patient action '%s'", c->argv[1]);
}
