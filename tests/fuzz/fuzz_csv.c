/* SPDX-License-Identifier: MIT */
/* libFuzzer target: any bytes through the CSV importer (header, quoting, dates) and the
 * import into a scratch database (rolled back or committed, never crashing). */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#include "core/base/clock.h"
#include "core/io/importer.h"
#include "core/store/store.h"
#include "tests/fuzz/fuzz_store.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct cd_store *store;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct cd_error err;
    if (!store) {
        store = fuzz_store_open("csv");
    }
    struct cd_import_summary sum;
    cd_import_buffer(store, "fuzz", (const char *)data, size, CD_IMPORT_CSV, &sum, &err);
    return 0;
}
