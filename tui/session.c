/* SPDX-License-Identifier: MIT */
/* The session both front ends share: open the store, start the clock, find the acting user. */
#include "config.h"
#include "tui/session.h"

#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/base/clock.h"
#include "core/base/strbuf.h"
#include "core/base/text.h"

int session_apply_now(struct session *s, struct cd_error *err)
{
    if (!s->now)
        return 0;
    time_t t;
    int rc = cd_instant_parse(s->now, &t, err);
    if (rc) {
        cd_error_prefix(err, rc, "--now: ");
        return rc;
    }
    cd_clock_set(t);
    return 0;
}

int session_open(struct session *s, unsigned flags, struct cd_error *err)
{
    int rc = cd_store_open(s->db_path, flags, &s->store, err);
    if (rc)
        return rc;
    /* what opening repaired (a mode too open), said once: the next open finds nothing to say */
    const char *notes = cd_store_notes(s->store);
    for (const char *p = notes; *p;) {
        size_t n = strcspn(p, "\n");
        struct cd_strbuf line = CD_STRBUF_INIT; /* the path is text from outside */
        cd_text_safe(&line, p, n, 0);
        fprintf(stderr, "caredesk: %s\n", cd_strbuf_str(&line));
        cd_strbuf_free(&line);
        p += n + (p[n] == '\n');
    }
    return 0;
}

int session_identify(struct session *s, bool any_user, struct cd_error *err)
{
    const char *os = cd_user_os_login();
    if (!os)
        return cd_error_set(err, CD_ENOTFOUND,
                            "your user id %ld has no name in the password database; caredesk "
                            "knows people by their login",
                            (long)getuid());
    /* the owner of a single user's database, and the system's root (whom no role of caredesk
     * stops: through caredesk its acts are at least audited), may act as anyone */
    bool owns =
        (cd_store_caller_owns(s->store) && cd_store_team_gid(s->store) < 0) || getuid() == 0;
    int rc = cd_user_acting(s->store, os, s->requested, owns, &s->login, err);
    if (rc)
        return rc;
    rc = cd_user_find(s->store, s->login, &s->user, err);
    if (rc == CD_ENOTFOUND && any_user) {
        memset(&s->user, 0, sizeof s->user);
        cd_error_clear(err);
    } else if (rc) {
        return rc;
    }
    cd_store_set_actor(s->store, s->user.id);
    if (strcmp(s->login, os) != 0)
        return cd_user_audit_act_as(s->store, os, s->login, err);
    return 0;
}

void session_close(struct session *s)
{
    cd_store_close(s->store);
    s->store = NULL;
}
