/* SPDX-License-Identifier: MIT */
/* libFuzzer target: a settings value as `caredesk settings KEY VALUE` would pass it. The first
 * line of the input is the key (one of the known ones when it is a digit 0-4), the rest the
 * value; it goes through the validation and normalisation of core/store/settings.c into a scratch
 * database, and whatever was stored is read back as the rest of caredesk reads it. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/base/clock.h"
#include "core/store/settings.h"
#include "core/store/store.h"
#include "tests/fuzz/fuzz_store.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct cd_store *store;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct cd_error err;
    if (!store) {
        store = fuzz_store_open("settings");
    }
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    char *nl = strchr(text, '\n');
    const char *key = text, *value = nl ? nl + 1 : "";
    if (nl)
        *nl = '\0';
    if (key[0] >= '0' && key[0] <= '4' && !key[1])
        key = cd_settings_keys[key[0] - '0'];
    if (cd_settings_set(store, key, value, &err) == 0) {
        char *v = NULL;
        int *days = NULL;
        size_t n = 0;
        if (cd_settings_get(store, key, &v, &err) == 0 && strcmp(key, "extra_holidays") == 0)
            cd_settings_extra_holidays(store, &days, &n, &err);
        cd_settings_get_long(store, "idle_minutes", 30);
        free(days);
        free(v);
    }
    cd_clock_set_zone("UTC", &err); /* the next input starts from the same zone */
    free(text);
    return 0;
}
