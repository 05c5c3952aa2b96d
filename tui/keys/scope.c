/* SPDX-License-Identifier: MIT */
/* Scope names for the keymap and the theme, from tui/views.def. */
#include "config.h"
#include "tui/keys/scope.h"

#include <string.h>

static const char *const names[SCOPE_COUNT] = {
    "generic",
#define VIEW(id, name) name,
#include "tui/keys/scopes.def"
#undef VIEW
};

const char *scope_name(enum scope scope)
{
    return (unsigned)scope < SCOPE_COUNT ? names[scope] : "?";
}

int scope_find(const char *name, unsigned long n)
{
    for (int i = 0; i < SCOPE_COUNT; i++)
        if (strlen(names[i]) == n && strncmp(names[i], name, n) == 0)
            return i;
    return -1;
}
