/* SPDX-License-Identifier: MIT */
/* Scopes for key bindings and theme roles: "generic" plus one per view (tui/views.def). */
#ifndef CD_TUI_KEYS_SCOPE_H
#define CD_TUI_KEYS_SCOPE_H

enum scope {
    SCOPE_GENERIC,
#define VIEW(id, name) SCOPE_##id,
#include "tui/keys/scopes.def"
#undef VIEW
    SCOPE_COUNT
};

/* The name of SCOPE ("generic", "home", ...; static). */
const char *scope_name(enum scope scope);
/* The scope named by the N bytes of NAME, or -1. */
int scope_find(const char *name, unsigned long n);

#endif
