/* SPDX-License-Identifier: MIT */
/* Line tokenizer for the key and theme files: one grammar, one kind of error message. */
#include "config.h"
#include "tui/keys/conf.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/strbuf.h"
#include "core/base/text.h"

int conf_parse(const char *name, const char *text, conf_line_fn fn, void *ctx, struct cd_error *err)
{
    int lineno = 0;
    const char *p = text;
    struct cd_strbuf line = CD_STRBUF_INIT;
    int rc = 0;
    while (*p && !rc) {
        const char *e = strchr(p, '\n');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        lineno++;
        cd_strbuf_reset(&line);
        if (cd_strbuf_addn(&line, p, n)) {
            rc = cd_error_set(err, CD_ENOMEM, "out of memory");
            break;
        }
        p += n + (e ? 1 : 0);
        char *s = line.buf;
        if (!s)
            continue; /* an empty line */
        if (n && s[n - 1] == '\r')
            s[--n] = '\0';
        char *argv[CONF_MAX_WORDS];
        int argc = 0;
        if (!cd_utf8_valid(s, n)) {
            rc = cd_error_set(err, CD_EINVAL, "%s:%d: the line is not valid UTF-8", name, lineno);
            break;
        }
        for (char *w = s; *w;) {
            while (*w == ' ' || *w == '\t')
                w++;
            if (!*w || *w == '#')
                break;
            if (argc == CONF_MAX_WORDS) {
                rc = cd_error_set(err, CD_EINVAL, "%s:%d: too many words", name, lineno);
                break;
            }
            argv[argc++] = w;
            while (*w && *w != ' ' && *w != '\t')
                w++;
            if (*w)
                *w++ = '\0';
        }
        if (rc || argc == 0)
            continue;
        rc = fn(ctx, argc, argv, err);
        if (rc)
            cd_error_prefix(err, rc, "%s:%d: ", name, lineno);
    }
    cd_strbuf_free(&line);
    return rc;
}

int conf_read_file(const char *path, char **out, struct cd_error *err)
{
    *out = NULL;
    FILE *f = fopen(path, "r");
    if (!f) {
        if (errno == ENOENT)
            return cd_error_set(err, CD_ENOTFOUND, "%s: no such file", path);
        return cd_error_set(err, CD_EIO, "%s: %s", path, strerror(errno));
    }
    struct cd_strbuf sb = CD_STRBUF_INIT;
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        cd_strbuf_addn(&sb, buf, n);
    int bad = ferror(f);
    fclose(f);
    if (bad || sb.oom) {
        cd_strbuf_free(&sb);
        return cd_error_set(err, bad ? CD_EIO : CD_ENOMEM, "%s: %s", path,
                            bad ? "cannot be read" : "out of memory");
    }
    *out = cd_strbuf_take(&sb);
    if (!*out)
        *out = cd_strdup("");
    return *out ? 0 : cd_error_set(err, CD_ENOMEM, "out of memory");
}
