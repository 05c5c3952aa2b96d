/* SPDX-License-Identifier: MIT */
/* The session both front ends share: open the store, start the clock, find the acting user. */
#include "config.h"
#include "tui/session.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/base/clock.h"

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
        fprintf(stderr, "caredesk: %.*s\n", (int)n, p);
        p += n + (p[n] == '\n');
    }
    return 0;
}

int session_identify(struct session *s, bool any_user, struct cd_error *err)
{
    int rc = cd_user_find(s->store, s->login, &s->user, err);
    if (rc == CD_ENOTFOUND && any_user) {
        memset(&s->user, 0, sizeof s->user);
        cd_error_clear(err);
        return 0;
    }
    if (rc)
        return rc;
    cd_store_set_actor(s->store, s->user.id);
    return 0;
}

void session_close(struct session *s)
{
    cd_store_close(s->store);
    s->store = NULL;
}
