/* SPDX-License-Identifier: MIT */
/* The command-line side of caredesk: shared context and helpers for the sub-commands.
 * No curses here; every sub-command calls the same core functions as the screens. */
#ifndef CD_TUI_CLI_CLI_H
#define CD_TUI_CLI_CLI_H

#include <getopt.h>
#include <stdbool.h>
#include <stdint.h>

#include "core/base/error.h"
#include "core/base/page.h"
#include "core/perm.h"
#include "core/store/store.h"
#include "core/user.h"
#include "tui/session.h"

enum cli_flags {
    CLI_CREATE = 1,   /* create the database file when missing */
    CLI_NO_STORE = 2, /* runs without a database */
    CLI_ANY_USER = 4, /* the invoking login need not be a user yet */
    CLI_OPENS = 8,    /* opens the store itself, after reading its options (cli_start) */
    CLI_READ = 16,    /* only reads (or has verbs that only read): a database this user cannot
                       * write opens read-only, and a writing verb then says why it cannot */
};

enum cli_exit { CLI_OK = 0, CLI_FAIL = 1, CLI_USAGE = 2 };

struct cli {
    struct session *s; /* the store, the acting user and the clock (tui/session.h) */
    int argc;          /* the sub-command's arguments, argv[0] = its name */
    char **argv;
    const char *usage; /* the sub-command's usage line */
};

/* Start a sub-command of FLAGS (CLI_*): open the store, start the clock at --now and find the
 * acting user, as the flags say; CLI_OK, or the exit status after a message. */
int cli_start(struct cli *c, unsigned flags);
/* Output: the only way a sub-command prints. Messages quote input, so each is made safe for a
 * terminal (core/base/text.h cd_text_safe: ESC shows as \x1b, U+202E as \u202e). */
/* Print "caredesk: MSG" to stderr, made safe, as one line; returns CLI_FAIL. */
int cli_fail(const struct cd_error *err);
/* Print "caredesk: FMT..." to stderr, made safe, as one line; returns CLI_FAIL. */
int cli_failf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Print "caredesk: FMT..." to stderr, made safe, as one line: a note beside work that went on. */
void cli_notef(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Print "caredesk: warning: FMT..." to stderr, made safe, as one line. */
void cli_warnf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Print "caredesk: FMT..." and the usage line to stderr; returns CLI_USAGE. */
int cli_usage(const struct cli *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Print FMT... to stdout made safe for a terminal (the newlines and tabs of the text pass). */
void cli_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Print the LEN bytes of TEXT to stdout made safe (newlines and tabs pass) and flush; CLI_OK, or
 * CLI_FAIL after a message when stdout cannot be written. */
int cli_write_text(const char *text, size_t len);
/* Flush stdout: CLI_OK, or CLI_FAIL after "cannot write the output". */
int cli_flush(void);
/* Parse options of ARGV (ARGV[0] is the (sub-)command name; options and operands may mix).
 * Returns the option's value, -1 at the end, or '?' after printing a usage error. */
int cli_getopt(const struct cli *c, int argc, char **argv, const struct option *opts,
               const char **arg);
/* After cli_getopt returned -1: the index in ARGV of the first operand. */
int cli_optind(void);
/* Parse VALUE, given for NAME, as a whole number from MIN to MAX into *OUT; returns 0, or
 * CLI_USAGE after "NAME: 'VALUE' is not a whole number from MIN to MAX". */
int cli_number(const struct cli *c, const char *name, const char *value, long long min,
               long long max, long long *out);
/* Parse --format: "tsv" (default) or "json"; returns 0, or CLI_USAGE after an error. */
int cli_format(const struct cli *c, const char *value, bool *json);
/* Parse the options of ARGV (as cli_getopt) when --format is the only one: *JSON from it, *GIVEN
 * (may be NULL) set when it was given. Returns 0, or CLI_USAGE after a usage error; cli_optind()
 * then gives the first operand. */
int cli_format_only(const struct cli *c, int argc, char **argv, bool *json, bool *given);
/* Write PAGE to stdout as TSV or JSON (NUMERIC: comma-separated numeric column names). */
int cli_print_page(const struct cd_page *page, bool json, const char *numeric);
/* Apply --now (again) in the current clinic zone, after a zone change; CLI_USAGE after a
 * message when --now is bad. */
int cli_apply_now(struct cli *c);
/* The patient with MRN: *ID and "Family, Given" in NAME (SIZE bytes); CLI_FAIL after a message. */
int cli_patient_named(struct cli *c, const char *mrn, int64_t *id, char *name, size_t size);
/* Ask core whether the acting user may do WHAT; CLI_FAIL after core's sentence when not. */
int cli_require(const struct cli *c, enum cd_perm what);

/* The sub-commands (tui/commands.def). */
#define CLI_COMMAND(name, fn, flags, usage, summary) int fn(struct cli *c);
#include "tui/cli/commands.def"
#undef CLI_COMMAND

#endif
