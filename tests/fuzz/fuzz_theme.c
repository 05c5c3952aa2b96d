/* SPDX-License-Identifier: MIT */
/* libFuzzer target: any bytes as a theme file (tui/screen/theme.c through the shared line
 * tokenizer), then every style the screens ask for. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tui/screen/theme.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1); /* the parser reads a NUL-terminated file */
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    struct theme *t = malloc(sizeof *t);
    struct cd_error err;
    if (t) {
        theme_init(t);
        theme_parse(t, "fuzz.theme", text, &err);
        unsigned sum = 0; /* read every style, as drawing does, whatever the parse said */
        for (int s = 0; s < SCOPE_COUNT; s++)
            for (int r = 0; r < ROLE_COUNT; r++)
                sum += theme_get(t, (enum scope)s, (enum role)r).attrs;
        if (sum == 0xdeadbeef)
            abort();
    }
    role_find(text);
    free(t);
    free(text);
    return 0;
}
