/* SPDX-License-Identifier: MIT */
/* caredesk: global options, identity, and the choice between a sub-command and the workstation. */
#include "config.h"

#include <getopt.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/base/strbuf.h"
#include "core/store/store.h"
#include "tui/cli/cli.h"
#include "tui/screen/app.h"
#include "tui/session.h"

struct command {
    const char *name;
    int (*run)(struct cli *c);
    unsigned flags;
    const char *usage;
    const char *summary;
};

static const struct command commands[] = {
#define CLI_COMMAND(name, fn, flags, usage, summary) {name, fn, flags, usage, summary},
#include "tui/cli/commands.def"
#undef CLI_COMMAND
};
#define N_COMMANDS (sizeof commands / sizeof commands[0])

static int help(void)
{
    struct cd_strbuf sb = CD_STRBUF_INIT;
    cd_strbuf_add(
        &sb, "usage: caredesk [GLOBAL OPTIONS] [SUB-COMMAND [ARGS]]\n"
             "\n"
             "Care coordination and care management workstation. Without a sub-command, opens the\n"
             "full-screen workstation on the database.\n"
             "\n"
             "Global options:\n"
             "  --db PATH        the database (default $CAREDESK_DB, else\n"
             "                   $XDG_DATA_HOME/caredesk/caredesk.db)\n"
             "  --user LOGIN     act as this staff member: for caredesk admins, or on a\n"
             "                   database of your own outside team mode (default: you, the\n"
             "                   OS login)\n"
             "  --now TIME       start the clock at YYYY-MM-DDTHH:MM[:SS][Z|+HH:MM] (clinic time\n"
             "                   without a zone); it runs on from there\n"
             "  --demo           open the workstation on a demo database (created on first use)\n"
             "  --theme NAME     color theme: default, light, high-contrast or mono\n"
             "  --no-color       monochrome, as with NO_COLOR\n"
             "  --help, -h       this help\n"
             "  --version, -V    the version\n"
             "\n"
             "Sub-commands:\n");
    for (size_t i = 0; i < N_COMMANDS; i++)
        cd_strbuf_addf(&sb, "  %-12s %s\n", commands[i].name, commands[i].summary);
    cd_strbuf_add(
        &sb, "\nRun 'caredesk SUB-COMMAND --help' for its options; 'man caredesk' for everything.\n"
             "Exit status: 0 success, 1 the work failed (nothing written), 2 usage error.\n");
    int rc = cli_write_text(cd_strbuf_str(&sb), sb.len);
    cd_strbuf_free(&sb);
    return rc;
}

/* True when the sub-command's arguments ask for help anywhere ('time add --help'): before any
 * option is checked or the database opened, so help works without a database. */
static bool asks_help(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0)
            return false;
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
            return true;
    }
    return false;
}

static char *demo_path(void)
{
    struct cd_strbuf sb = CD_STRBUF_INIT;
    const char *xdg = getenv("XDG_DATA_HOME");
    const char *home = getenv("HOME");
    if (xdg && *xdg == '/')
        cd_strbuf_addf(&sb, "%s/caredesk/demo.db", xdg);
    else
        cd_strbuf_addf(&sb, "%s/.local/share/caredesk/demo.db", home && *home ? home : ".");
    return cd_strbuf_take(&sb);
}

int main(int argc, char **argv)
{
    static const struct option opts[] = {
        {"db", required_argument, NULL, 'd'},
        {"user", required_argument, NULL, 'u'},
        {"now", required_argument, NULL, 'n'},
        {"demo", no_argument, NULL, 'D'},
        {"theme", required_argument, NULL, 't'},
        {"no-color", no_argument, NULL, 'C'},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0},
    };
#ifdef M_TRIM_THRESHOLD
    /* SQLite allocates and frees ~87 KiB per write statement inside a transaction; glibc's
     * default trim then shrinks and regrows the heap each time (6x slower imports). */
    mallopt(M_TRIM_THRESHOLD, 4 << 20);
#endif
    struct session s = {0};
    struct cli c = {.s = &s};
    struct app_options ao = {0};
    char *path_owned = NULL;
    int v, demo = 0;
    opterr = 0;
    while ((v = getopt_long(argc, argv, "+:hV", opts, NULL)) != -1) {
        switch (v) {
        case 'd': s.db_path = optarg; break;
        case 'u': s.requested = optarg; break;
        case 'n': s.now = optarg; break;
        case 'D': demo = 1; break;
        case 't': ao.theme = optarg; break;
        case 'C': ao.no_color = 1; break;
        case 'h': return help();
        case 'V': cli_printf("caredesk %s\n", PACKAGE_VERSION); return cli_flush();
        case ':': return cli_usage(NULL, "option %s needs a value", argv[optind - 1]);
        default:
            return cli_usage(NULL, "unknown option '%s' (see caredesk --help)", argv[optind - 1]);
        }
    }
    /* who you are until the store says whether --user may change it (session_identify) */
    s.login = cd_user_os_login();
    if (!s.login)
        s.login = "";
    if (!s.db_path)
        s.db_path = path_owned = demo ? demo_path() : cd_store_default_path();
    if (!s.db_path) {
        return cli_failf("out of memory");
    }
    int rc;
    if (optind < argc) {
        const struct command *cmd = NULL;
        for (size_t i = 0; i < N_COMMANDS; i++)
            if (strcmp(commands[i].name, argv[optind]) == 0)
                cmd = &commands[i];
        if (!cmd || demo) {
            cli_usage(NULL, "%s '%s' (see caredesk --help)",
                      demo ? "--demo opens the workstation; it takes no sub-command, not"
                           : "unknown sub-command",
                      argv[optind]);
            free(path_owned);
            return CLI_USAGE;
        }
        c.argc = argc - optind;
        c.argv = argv + optind;
        c.usage = cmd->usage;
        if (asks_help(c.argc, c.argv)) {
            cli_printf("usage: caredesk %s\n%s\n", cmd->usage, cmd->summary);
            free(path_owned);
            return cli_flush();
        }
        /* a command that opens the store itself (init --team) gets only the clock here */
        rc = cli_start(&c, (cmd->flags & CLI_OPENS) ? CLI_NO_STORE : cmd->flags);
        if (!rc)
            rc = cmd->run(&c);
    } else {
        struct cd_error err = {0};
        ao.demo = demo;
        rc = app_main(&s, &ao, &err);
        if (rc && err.msg[0])
            cli_fail(&err);
    }
    session_close(&s);
    free(path_owned);
    return rc;
}
