/* SPDX-License-Identifier: MIT */
/* What the workstation and the sub-commands share: the open store, the acting user and the
 * clock. main.c fills it from the global options; nothing prints from here but the notes of
 * opening the store. */
#ifndef CD_TUI_SESSION_H
#define CD_TUI_SESSION_H

#include <stdbool.h>

#include "core/base/error.h"
#include "core/store/store.h"
#include "core/user.h"

struct session {
    const char *db_path;    /* --db, $CAREDESK_DB or the default */
    const char *requested;  /* --user as given, or NULL */
    const char *login;      /* the acting login: the OS login, or --user once allowed */
    const char *now;        /* --now as given, or NULL */
    struct cd_store *store; /* open after session_open */
    struct cd_user user;    /* the acting user (id 0 when not yet a user) */
};

/* Open the store at S->db_path with FLAGS (CD_STORE_*); the clinic's zone becomes the process's.
 * What the opening repaired goes to stderr, one "caredesk: ..." line each (before any screen). */
int session_open(struct session *s, unsigned flags, struct cd_error *err);
/* Start the clock at --now in the current clinic zone (again after a zone change); CD_EINVAL
 * with "--now: ..." when it is not a time. */
int session_apply_now(struct session *s, struct cd_error *err);
/* Decide who acts (core's cd_user_acting: the OS login, or S->requested when the OS user is an
 * admin or owns this single user's database), audit acting as another with both names, find the
 * user and make it the store's actor. With ANY_USER a login that is not yet a user leaves S->user
 * zeroed instead of failing (init, demo). */
int session_identify(struct session *s, bool any_user, struct cd_error *err);
/* Close the store (the session's strings are the caller's). */
void session_close(struct session *s);

#endif
