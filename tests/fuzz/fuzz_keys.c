/* SPDX-License-Identifier: MIT */
/* libFuzzer target: any bytes as a user's keys file (tui/keys/keymap.c through the shared line
 * tokenizer), then every look-up and name the screens and `caredesk keys` make of what it bound. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tui/keys/keymap.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1); /* the parser reads a NUL-terminated file */
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    struct keymap km = KEYMAP_INIT;
    struct cd_error err;
    if (keymap_parse(&km, "keys", text, &err) == 0) {
        for (size_t i = 0; i < km.n; i++) {
            char buf[32];
            enum scope scope = (enum scope)km.b[i].scope;
            key_format(km.b[i].key, buf, sizeof buf);
            key_label(km.b[i].key, buf, sizeof buf);
            keymap_lookup_in(&km, scope, SCOPE_GENERIC, km.b[i].key);
            keymap_key_for(&km, scope, km.b[i].action);
            action_name(km.b[i].action);
        }
    }
    key_parse(text); /* the whole input as one key name, too */
    keymap_free(&km);
    free(text);
    return 0;
}
