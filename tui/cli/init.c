/* SPDX-License-Identifier: MIT */
/* Sub-commands for setting up a clinic: init, settings, user, patient, status. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/clock.h"
#include "core/counts.h"
#include "core/patient.h"
#include "core/store/settings.h"
#include "core/user.h"
#include "tui/cli/cli.h"

int cli_init(struct cli *c)
{
    static const struct option opts[] = {
        {"clinic", required_argument, NULL, 'c'},
        {"timezone", required_argument, NULL, 'z'},
        {NULL, 0, NULL, 0},
    };
    const char *clinic = NULL, *zone = NULL, *arg;
    int v;
    while ((v = cli_getopt(c, c->argc, c->argv, opts, &arg)) != -1) {
        if (v == '?')
            return CLI_USAGE;
        if (v == 'c')
            clinic = arg;
        else
            zone = arg;
    }
    if (cli_optind() < c->argc)
        return cli_usage(c, "init takes no operand ('%s')", c->argv[cli_optind()]);
    struct cd_error err = {0};
    int64_t nusers = 0;
    if (cd_user_count(c->store, &nusers, &err))
        return cli_fail(&err);
    if (nusers > 0 && (clinic || zone)) {
        if (!c->user.id)
            return cli_failf("'%s' is not a caredesk user (an admin can add one with 'caredesk "
                             "user add %s --name NAME --role ROLE')",
                             c->login, c->login);
        if (cli_require_role(c, "admin,supervisor", "changing the clinic settings"))
            return CLI_FAIL;
    }
    /* A new database takes the machine's zone unless told otherwise. */
    if (!zone && nusers == 0)
        zone = cd_clock_system_zone();
    if (zone && cd_settings_set(c->store, "timezone", zone, &err))
        return cli_fail(&err);
    if (clinic && cd_settings_set(c->store, "clinic_name", clinic, &err))
        return cli_fail(&err);
    if (cli_apply_now(c))
        return CLI_USAGE;
    if (nusers == 0) {
        if (cd_user_add(c->store, c->login, c->login, "admin", NULL, NULL, &err))
            return cli_fail(&err);
        printf("initialized %s (schema %d, time zone %s); '%s' is its admin\n", c->db_path,
               cd_store_schema_version(c->store), cd_clock_zone(), c->login);
    } else if (cd_store_schema_opened(c->store) != cd_store_schema_version(c->store)) {
        printf("migrated %s from schema %d to %d (time zone %s)\n", c->db_path,
               cd_store_schema_opened(c->store), cd_store_schema_version(c->store),
               cd_clock_zone());
    } else {
        printf("%s is up to date (schema %d, time zone %s)\n", c->db_path,
               cd_store_schema_version(c->store), cd_clock_zone());
    }
    return CLI_OK;
}

int cli_settings(struct cli *c)
{
    bool json = false;
    if (cli_format_only(c, c->argc, c->argv, &json, NULL))
        return CLI_USAGE;
    int first = cli_optind();
    int n = c->argc - first;
    struct cd_error err = {0};
    if (n > 2)
        return cli_usage(c, "settings takes at most a key and a value");
    if (n == 0) {
        struct cd_page page = CD_PAGE_INIT;
        int rc = cd_settings_list(c->store, &page, &err) ? cli_fail(&err)
                                                         : cli_print_page(&page, json, NULL);
        cd_page_free(&page);
        return rc;
    }
    const char *key = c->argv[first];
    if (n == 1) {
        char *value = NULL;
        if (cd_settings_get(c->store, key, &value, &err))
            return cli_fail(&err);
        printf("%s\n", value);
        free(value);
        return CLI_OK;
    }
    if (cli_require_role(c, "admin,supervisor", "changing a setting"))
        return CLI_FAIL;
    if (cd_settings_set(c->store, key, c->argv[first + 1], &err))
        return cli_fail(&err);
    char *value = NULL;
    if (cd_settings_get(c->store, key, &value, &err))
        return cli_fail(&err);
    printf("%s = %s\n", key, value);
    free(value);
    return CLI_OK;
}

static int user_add(struct cli *c, int argc, char **argv)
{
    static const struct option opts[] = {
        {"name", required_argument, NULL, 'n'},
        {"role", required_argument, NULL, 'r'},
        {"team", required_argument, NULL, 't'},
        {NULL, 0, NULL, 0},
    };
    const char *name = NULL, *role = NULL, *team = NULL, *arg;
    int v;
    while ((v = cli_getopt(c, argc, argv, opts, &arg)) != -1) {
        switch (v) {
        case 'n': name = arg; break;
        case 'r': role = arg; break;
        case 't': team = arg; break;
        default: return CLI_USAGE;
        }
    }
    int first = cli_optind();
    if (argc - first != 1)
        return cli_usage(c, "user add needs exactly one LOGIN");
    if (!name || !role)
        return cli_usage(c, "user add needs --name and --role");
    if (cli_require_role(c, "admin,supervisor", "adding a user"))
        return CLI_FAIL;
    struct cd_error err = {0};
    int64_t id;
    if (cd_user_add(c->store, argv[first], name, role, team, &id, &err))
        return cli_fail(&err);
    printf("added %s (%s) as %s\n", argv[first], name, role);
    return CLI_OK;
}

int cli_user(struct cli *c)
{
    if (c->argc < 2)
        return cli_usage(c, "user needs 'add' or 'list'");
    if (strcmp(c->argv[1], "add") == 0)
        return user_add(c, c->argc - 1, c->argv + 1);
    if (strcmp(c->argv[1], "list") == 0) {
        bool json = false;
        if (cli_format_only(c, c->argc - 1, c->argv + 1, &json, NULL))
            return CLI_USAGE;
        struct cd_error err = {0};
        struct cd_page page = CD_PAGE_INIT;
        int rc = cd_user_list(c->store, &page, &err) ? cli_fail(&err)
                                                     : cli_print_page(&page, json, "id");
        cd_page_free(&page);
        return rc;
    }
    return cli_usage(c, "unknown user action '%s'", c->argv[1]);
}

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
    if (cd_patient_add(c->store, &in, &id, &err))
        return cli_fail(&err);
    printf("added patient %s (%s, %s)\n", in.mrn, in.family, in.given);
    return CLI_OK;
}

int cli_patient(struct cli *c)
{
    if (c->argc < 2)
        return cli_usage(c, "patient needs 'add' or 'find'");
    if (strcmp(c->argv[1], "add") == 0)
        return patient_add(c, c->argc - 1, c->argv + 1);
    if (strcmp(c->argv[1], "find") == 0) {
        bool json = false;
        if (cli_format_only(c, c->argc - 1, c->argv + 1, &json, NULL))
            return CLI_USAGE;
        int first = cli_optind() + 1;
        if (c->argc - first != 1)
            return cli_usage(c, "patient find needs one name or MRN");
        struct cd_error err = {0};
        struct cd_page page = CD_PAGE_INIT;
        int rc = cd_patient_search(c->store, c->argv[first], 50, &page, &err)
                     ? cli_fail(&err)
                     : cli_print_page(&page, json, "id");
        cd_page_free(&page);
        return rc;
    }
    return cli_usage(c, "unknown patient action '%s'", c->argv[1]);
}

int cli_status(struct cli *c)
{
    bool json = false;
    if (cli_format_only(c, c->argc, c->argv, &json, NULL))
        return CLI_USAGE;
    struct cd_error err = {0};
    struct cd_counts n;
    if (cd_counts_today(c->store, c->user.id, &n, &err))
        return cli_fail(&err);
    static const char *const cols[] = {"figure", "value"};
    struct {
        const char *name;
        int64_t value;
    } rows[] = {
        {"patients", n.patients},
        {"tasks_open", n.tasks_open},
        {"tasks_due_today", n.tasks_due_today},
        {"tasks_overdue", n.tasks_overdue},
        {"tcm_contacts_due", n.tcm_contacts_due},
        {"tcm_visits_open", n.tcm_visits_open},
        {"discharges_30d", n.discharges_30d},
        {"care_management_enrolled", n.ccm_enrolled},
        {"my_tasks_due", n.my_tasks_due},
        {"appointments_today", n.appointments_today},
    };
    struct cd_page page = CD_PAGE_INIT;
    int rc = cd_page_set_columns(&page, 2, cols);
    for (size_t i = 0; !rc && i < sizeof rows / sizeof rows[0]; i++) {
        char num[32];
        snprintf(num, sizeof num, "%lld", (long long)rows[i].value);
        const char *row[] = {rows[i].name, num};
        rc = cd_page_add_row(&page, row);
    }
    rc = rc ? cli_failf("out of memory") : cli_print_page(&page, json, "value");
    cd_page_free(&page);
    return rc;
}
