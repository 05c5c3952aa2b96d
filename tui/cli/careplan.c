/* SPDX-License-Identifier: MIT */
/* caredesk careplan: show, compare, edit and export care plans; make review tasks. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/safefile.h"
#include "core/careplan.h"
#include "core/careplan_merge.h"
#include "core/io/fhir.h"
#include "core/patient.h"
#include "core/timeline.h"
#include "core/worklist.h"
#include "tui/cli/cli.h"

/* Print TEXT to stdout (made safe for a terminal), or write it to FILE when given, as
 * core/base/safefile.h says (FLAGS). */
static int emit(struct cli *c, const char *text, size_t len, const char *file, unsigned flags)
{
    struct cd_error err = {0};
    if (file) {
        if (cd_safefile_write(file, flags, cd_store_team_gid(c->s->store), text, len, &err))
            return cli_fail(&err);
        return CLI_OK;
    }
    return cli_write_text(text, len);
}

static int parse_version(const struct cli *c, const char *s, int *out)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (!*s || *end || v < 1 || v > 1000000)
        return cli_usage(c, "'%s' is not a version number", s);
    *out = (int)v;
    return 0;
}

/* Load the plan of MRN at VERSION (0 = current). */
static int load(struct cli *c, const char *mrn, int version, struct cd_careplan **plan)
{
    struct cd_error err = {0};
    int64_t pid;
    if (cd_patient_find_mrn(c->s->store, mrn, &pid, &err) ||
        cd_careplan_load(c->s->store, pid, version, plan, &err))
        return cli_fail(&err);
    return 0;
}

static int cp_show(struct cli *c, int argc, char **argv)
{
    static const struct option opts[] = {
        {"version", required_argument, NULL, 'v'},
        {NULL, 0, NULL, 0},
    };
    const char *arg;
    int v, version = 0;
    while ((v = cli_getopt(c, argc, argv, opts, &arg)) != -1)
        if (v == '?' || parse_version(c, arg, &version))
            return CLI_USAGE;
    if (argc - cli_optind() != 1)
        return cli_usage(c, "careplan show needs exactly one MRN");
    struct cd_careplan *plan = NULL;
    if (load(c, argv[cli_optind()], version, &plan))
        return CLI_FAIL;
    struct cd_error err = {0};
    struct cd_strbuf out = CD_STRBUF_INIT;
    int rc = cd_careplan_format(c->s->store, plan, &out, &err) ? cli_fail(&err)
                                                               : emit(c, out.buf, out.len, NULL, 0);
    cd_strbuf_free(&out);
    cd_careplan_free(plan);
    return rc;
}

static int cp_export(struct cli *c, int argc, char **argv)
{
    static const struct option opts[] = {
        {"format", required_argument, NULL, 'f'},
        {"version", required_argument, NULL, 'v'},
        {"output", required_argument, NULL, 'o'},
        {"follow", no_argument, NULL, 'F'},
        {NULL, 0, NULL, 0},
    };
    const char *arg, *format = "text", *file = NULL;
    unsigned wflags = CD_SAFEFILE_OFFER_FOLLOW;
    int v, version = 0;
    static char output[] = "--output";
    for (int i = 1; i < argc; i++) /* -o is the one short option: the usual spelling */
        if (strcmp(argv[i], "-o") == 0)
            argv[i] = output;
    while ((v = cli_getopt(c, argc, argv, opts, &arg)) != -1) {
        if (v == '?')
            return CLI_USAGE;
        if (v == 'f')
            format = arg;
        else if (v == 'o')
            file = arg;
        else if (v == 'F')
            wflags |= CD_SAFEFILE_FOLLOW;
        else if (parse_version(c, arg, &version))
            return CLI_USAGE;
    }
    if (strcmp(format, "text") && strcmp(format, "json"))
        return cli_usage(c, "--format must be text or json, not '%s'", format);
    if (argc - cli_optind() != 1)
        return cli_usage(c, "careplan export needs exactly one MRN");
    struct cd_careplan *plan = NULL;
    if (load(c, argv[cli_optind()], version, &plan))
        return CLI_FAIL;
    struct cd_error err = {0};
    int rc;
    if (strcmp(format, "json") == 0) {
        char *json = NULL;
        rc = cd_fhir_careplan(c->s->store, plan, &json, &err)
                 ? cli_fail(&err)
                 : emit(c, json, strlen(json), file, wflags);
        free(json);
    } else {
        struct cd_strbuf out = CD_STRBUF_INIT;
        rc = cd_careplan_export_text(c->s->store, plan, &out, &err)
                 ? cli_fail(&err)
                 : emit(c, out.buf, out.len, file, wflags);
        cd_strbuf_free(&out);
    }
    cd_careplan_free(plan);
    return rc;
}

static int cp_history(struct cli *c, int argc, char **argv)
{
    bool json = false;
    if (cli_format_only(c, argc, argv, &json, NULL))
        return CLI_USAGE;
    if (argc - cli_optind() != 1)
        return cli_usage(c, "careplan history needs exactly one MRN");
    struct cd_error err = {0};
    struct cd_page page = CD_PAGE_INIT;
    int64_t pid;
    int rc = cd_patient_find_mrn(c->s->store, argv[cli_optind()], &pid, &err) ||
                     cd_careplan_history(c->s->store, pid, &page, &err)
                 ? cli_fail(&err)
                 : cli_print_page(&page, json, "version,items");
    cd_page_free(&page);
    return rc;
}

static int cp_diff(struct cli *c, int argc, char **argv)
{
    if (argc < 3 || argc > 4)
        return cli_usage(c, "careplan diff needs an MRN and one or two versions");
    int v1, v2 = 0;
    if (parse_version(c, argv[2], &v1) || (argc == 4 && parse_version(c, argv[3], &v2)))
        return CLI_USAGE;
    struct cd_careplan *a = NULL, *b = NULL;
    if (load(c, argv[1], v1, &a))
        return CLI_FAIL;
    if (load(c, argv[1], v2, &b)) {
        cd_careplan_free(a);
        return CLI_FAIL;
    }
    struct cd_error err = {0};
    struct cd_careplan_diff diff;
    struct cd_strbuf out = CD_STRBUF_INIT;
    int rc = cd_careplan_diff(a, b, &diff, &err);
    if (rc) {
        rc = cli_fail(&err);
    } else {
        cd_strbuf_addf(&out, "version %d -> version %d\n", a->version, b->version);
        if (diff.n == 0)
            cd_strbuf_add(&out, "no differences\n");
        cd_careplan_diff_text(&diff, &out);
        rc = out.oom ? cli_failf("out of memory") : emit(c, out.buf, out.len, NULL, 0);
        cd_careplan_diff_free(&diff);
    }
    cd_strbuf_free(&out);
    cd_careplan_free(a);
    cd_careplan_free(b);
    return rc;
}

/* Save an edited plan as a new version and say so. A command keeps nothing to merge later:
 * another process's newer version that touched none of these items is built on (core). */
static int save(struct cli *c, struct cd_careplan *plan, const char *mrn, const char *summary)
{
    struct cd_error err = {0};
    int rc = cd_careplan_save_rebased(c->s->store, plan, plan->version, summary, &err);
    if (!rc)
        cli_printf("saved care plan version %d of %s: %s\n", plan->version, mrn, plan->summary);
    cd_careplan_free(plan);
    return rc ? cli_fail(&err) : CLI_OK;
}

/* add MRN --section S ... and edit MRN KEY ...: the item fields as options. */
static int cp_add_edit(struct cli *c, int argc, char **argv, int adding)
{
    static const struct option opts[] = {
        {"section", required_argument, NULL, 'S'},
        {"text", required_argument, NULL, 't'},
        {"code", required_argument, NULL, 'c'},
        {"target", required_argument, NULL, 'g'},
        {"target-date", required_argument, NULL, 'd'},
        {"due", required_argument, NULL, 'd'},
        {"status", required_argument, NULL, 's'},
        {"responsible", required_argument, NULL, 'r'},
        {"dose", required_argument, NULL, 'o'},
        {"route", required_argument, NULL, 'R'},
        {"reconciled-on", required_argument, NULL, 'n'},
        {"summary", required_argument, NULL, 'm'},
        {NULL, 0, NULL, 0},
    };
    struct cd_careplan_fields in = {0};
    const char *arg, *section = NULL, *summary = NULL;
    int v;
    while ((v = cli_getopt(c, argc, argv, opts, &arg)) != -1) {
        switch (v) {
        case 'S': section = arg; break;
        case 't': in.text = arg; break;
        case 'c': in.code = arg; break;
        case 'g': in.target = arg; break;
        case 'd': in.target_date = arg; break;
        case 's': in.status = arg; break;
        case 'r': in.responsible = arg; break;
        case 'o': in.dose = arg; break;
        case 'R': in.route = arg; break;
        case 'n': in.reconciled_on = arg; break;
        case 'm': summary = arg; break;
        default: return CLI_USAGE;
        }
    }
    int first = cli_optind(), sec = -1;
    if (adding) {
        if (argc - first != 1)
            return cli_usage(c, "careplan add needs exactly one MRN");
        if (!section || !in.text)
            return cli_usage(c, "careplan add needs --section and --text");
        if ((sec = cd_careplan_section_parse(section)) < 0)
            return cli_usage(c,
                             "--section: '%s' is not a section (problem, prognosis, goal, "
                             "symptom, intervention, medication, assessment, environment, "
                             "caregiver, resource, barrier)",
                             section);
    } else {
        if (argc - first != 2)
            return cli_usage(c, "careplan edit needs an MRN and an item key");
        if (section)
            return cli_usage(c, "an item cannot change section; delete it and add a new one");
    }
    struct cd_careplan *plan = NULL;
    const char *mrn = argv[first];
    if (load(c, mrn, 0, &plan))
        return CLI_FAIL;
    struct cd_error err = {0};
    int rc = adding ? cd_careplan_add(plan, sec, &in, NULL, &err)
                    : cd_careplan_edit(plan, argv[first + 1], &in, &err);
    if (rc) {
        cd_careplan_free(plan);
        return cli_fail(&err);
    }
    return save(c, plan, mrn, summary);
}

/* set-status MRN KEY STATUS, delete MRN KEY, move MRN KEY DELTA, review-date MRN DATE|none */
static int cp_simple(struct cli *c, int argc, char **argv)
{
    const char *what = argv[0];
    int need = strcmp(what, "set-status") == 0 || strcmp(what, "move") == 0 ? 4 : 3;
    if (argc != need)
        return cli_usage(c, "careplan %s needs %s", what,
                         need == 4                     ? "an MRN, an item key and a value"
                         : strcmp(what, "delete") == 0 ? "an MRN and an item key"
                                                       : "an MRN and a date (or 'none')");
    int delta = 0;
    if (strcmp(what, "move") == 0) {
        char *end;
        long d = strtol(argv[3], &end, 10);
        if (!*argv[3] || *end || d < -1000 || d > 1000 || d == 0)
            return cli_usage(c, "careplan move: '%s' is not a number of places (e.g. -1, +2)",
                             argv[3]);
        delta = (int)d;
    }
    struct cd_careplan *plan = NULL;
    if (load(c, argv[1], 0, &plan))
        return CLI_FAIL;
    struct cd_error err = {0};
    int rc;
    if (strcmp(what, "set-status") == 0)
        rc = cd_careplan_set_status(plan, argv[2], argv[3], &err);
    else if (strcmp(what, "delete") == 0)
        rc = cd_careplan_delete(plan, argv[2], &err);
    else if (strcmp(what, "move") == 0)
        rc = cd_careplan_move(plan, argv[2], delta, &err);
    else
        rc = cd_careplan_set_review(plan, strcmp(argv[2], "none") ? argv[2] : NULL, &err);
    if (rc) {
        cd_careplan_free(plan);
        return cli_fail(&err);
    }
    return save(c, plan, argv[1], NULL);
}

int cli_careplan(struct cli *c)
{
    if (c->argc < 2)
        return cli_usage(c, "careplan needs an action");
    const char *a = c->argv[1];
    int argc = c->argc - 1;
    char **argv = c->argv + 1;
    if (strcmp(a, "show") == 0)
        return cp_show(c, argc, argv);
    if (strcmp(a, "export") == 0)
        return cp_export(c, argc, argv);
    if (strcmp(a, "history") == 0)
        return cp_history(c, argc, argv);
    if (strcmp(a, "diff") == 0)
        return cp_diff(c, argc, argv);
    if (strcmp(a, "add") == 0 || strcmp(a, "edit") == 0)
        return cp_add_edit(c, argc, argv, strcmp(a, "add") == 0);
    if (strcmp(a, "set-status") == 0 || strcmp(a, "delete") == 0 || strcmp(a, "move") == 0 ||
        strcmp(a, "review-date") == 0)
        return cp_simple(c, argc, argv);
    if (strcmp(a, "generate-reviews") == 0) {
        if (argc != 1)
            return cli_usage(c, "careplan generate-reviews takes no operand");
        struct cd_error err = {0};
        int n = 0;
        if (cd_worklist_generate_reviews(c->s->store, cd_clock_today(), &n, &err))
            return cli_fail(&err);
        cli_printf("created %d careplan_review task%s\n", n, n == 1 ? "" : "s");
        return CLI_OK;
    }
    return cli_usage(c, "unknown careplan action '%s'", a);
}
