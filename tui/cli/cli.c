/* SPDX-License-Identifier: MIT */
/* Helpers shared by the sub-commands: errors, option parsing, output formats. Every byte the
 * command line prints goes out through this file, made safe for a terminal by cd_text_safe
 * (build-aux/check-layers.sh refuses a printf or an stderr anywhere else in tui/cli). */
#include "config.h"
#include "tui/cli/cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/strbuf.h"
#include "core/base/text.h"
#include "core/patient.h"
#include "core/perm.h"

int cli_start(struct cli *c, unsigned flags)
{
    struct cd_error err = {0};
    bool store = !(flags & CLI_NO_STORE);
    unsigned open = ((flags & CLI_CREATE) ? CD_STORE_CREATE : 0) |
                    ((flags & CLI_READ) ? CD_STORE_READ_FALLBACK : 0);
    if (store && session_open(c->s, open, &err))
        return cli_fail(&err);
    if (session_apply_now(c->s, &err)) {
        cli_fail(&err);
        return CLI_USAGE;
    }
    if (store && session_identify(c->s, flags & CLI_ANY_USER, &err))
        return cli_fail(&err);
    return CLI_OK;
}

/* Write the N bytes of S to F made safe for a terminal under FLAGS (cd_text_safe); 0 or -1. */
static int put_safe(FILE *f, const char *s, size_t n, unsigned flags)
{
    struct cd_strbuf out = CD_STRBUF_INIT;
    int rc = cd_text_safe(&out, s, n, flags);
    if (!rc && fwrite(cd_strbuf_str(&out), 1, out.len, f) != out.len)
        rc = -1;
    cd_strbuf_free(&out);
    return rc ? -1 : 0;
}

/* "caredesk: " PREFIX and FMT... as one line on stderr: error messages quote input files,
 * arguments and database text, so the whole sentence is made safe (a newline shows as \n). */
__attribute__((format(printf, 2, 0))) static void say(const char *prefix, const char *fmt,
                                                      va_list ap)
{
    struct cd_strbuf msg = CD_STRBUF_INIT;
    cd_strbuf_add(&msg, prefix);
    cd_strbuf_vaddf(&msg, fmt, ap);
    fputs("caredesk: ", stderr);
    put_safe(stderr, cd_strbuf_str(&msg), msg.len, 0);
    fputc('\n', stderr);
    cd_strbuf_free(&msg);
}

__attribute__((format(printf, 1, 2))) static void sayf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    say("", fmt, ap);
    va_end(ap);
}

int cli_fail(const struct cd_error *err)
{
    sayf("%s", err && err->msg[0] ? err->msg : cd_strerror(err ? err->code : CD_EIO));
    return CLI_FAIL;
}

int cli_failf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    say("", fmt, ap);
    va_end(ap);
    return CLI_FAIL;
}

void cli_notef(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    say("", fmt, ap);
    va_end(ap);
}

void cli_warnf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    say("warning: ", fmt, ap);
    va_end(ap);
}

int cli_usage(const struct cli *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    say("", fmt, ap);
    va_end(ap);
    if (c && c->usage)
        fprintf(stderr, "usage: caredesk %s\n", c->usage);
    return CLI_USAGE;
}

void cli_printf(const char *fmt, ...)
{
    struct cd_strbuf line = CD_STRBUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    cd_strbuf_vaddf(&line, fmt, ap);
    va_end(ap);
    put_safe(stdout, cd_strbuf_str(&line), line.len, CD_TEXT_MULTILINE);
    cd_strbuf_free(&line);
}

int cli_write_text(const char *text, size_t len)
{
    if (put_safe(stdout, text, len, CD_TEXT_MULTILINE) || fflush(stdout))
        return cli_failf("cannot write the output");
    return CLI_OK;
}

int cli_flush(void)
{
    return fflush(stdout) == 0 ? CLI_OK : cli_failf("cannot write the output");
}

int cli_getopt(const struct cli *c, int argc, char **argv, const struct option *opts,
               const char **arg)
{
    static char **last;
    if (argv != last) {
        optind = 0; /* glibc: full re-initialisation for a new argument vector */
        last = argv;
    }
    opterr = 0;
    int v = getopt_long(argc, argv, ":", opts, NULL);
    *arg = optarg;
    if (v == '?' || v == ':') {
        const char *opt = argv[optind - 1];
        last = NULL;
        if (v == ':')
            cli_usage(c, "option %s needs a value", opt);
        else if (optopt && optopt < 256)
            cli_usage(c, "unknown option for '%s': -%c", argv[0], optopt);
        else
            cli_usage(c, "unknown option for '%s': %s", argv[0], opt);
        return '?';
    }
    if (v == -1)
        last = NULL;
    return v;
}

int cli_optind(void)
{
    return optind;
}

int cli_number(const struct cli *c, const char *name, const char *value, long long min,
               long long max, long long *out)
{
    char *end;
    errno = 0;
    long long v = strtoll(value, &end, 10);
    if (errno || end == value || *end || v < min || v > max)
        return cli_usage(c, "%s: '%s' is not a whole number from %lld to %lld", name, value, min,
                         max);
    *out = v;
    return 0;
}

int cli_format(const struct cli *c, const char *value, bool *json)
{
    if (strcmp(value, "tsv") == 0)
        *json = false;
    else if (strcmp(value, "json") == 0)
        *json = true;
    else
        return cli_usage(c, "--format must be tsv or json, not '%s'", value);
    return 0;
}

int cli_format_only(const struct cli *c, int argc, char **argv, bool *json, bool *given)
{
    static const struct option opts[] = {
        {"format", required_argument, NULL, 'f'},
        {NULL, 0, NULL, 0},
    };
    const char *arg;
    int v;
    while ((v = cli_getopt(c, argc, argv, opts, &arg)) != -1) {
        if (v == '?' || cli_format(c, arg, json))
            return CLI_USAGE;
        if (given)
            *given = true;
    }
    return 0;
}

int cli_print_page(const struct cd_page *page, bool json, const char *numeric)
{
    struct cd_strbuf out = CD_STRBUF_INIT;
    int rc = json ? cd_page_write_json(page, numeric, &out) : cd_page_write_tsv(page, &out);
    if (!rc)
        fwrite(cd_strbuf_str(&out), 1, out.len, stdout);
    cd_strbuf_free(&out);
    if (rc)
        return cli_failf("out of memory");
    return cli_flush();
}

int cli_apply_now(struct cli *c)
{
    struct cd_error err = {0};
    if (session_apply_now(c->s, &err)) {
        cli_fail(&err);
        return CLI_USAGE;
    }
    return 0;
}

int cli_require(const struct cli *c, enum cd_perm what)
{
    struct cd_error err = {0};
    return cd_perm_check(c->s->user.id ? &c->s->user : NULL, what, &err) ? cli_fail(&err) : 0;
}

int cli_patient_named(struct cli *c, const char *mrn, int64_t *id, char *name, size_t size)
{
    struct cd_error err = {0};
    struct cd_patient_header h;
    if (cd_patient_find_mrn(c->s->store, mrn, id, &err) ||
        cd_patient_header_get(c->s->store, *id, &h, &err))
        return cli_fail(&err);
    snprintf(name, size, "%s, %s", h.family_name, h.given_name);
    return 0;
}
