/* SPDX-License-Identifier: MIT */
/* libFuzzer target: any bytes through the HL7 reader, field access, time parsing and the whole
 * import into a scratch database (rolled back or committed, never crashing). */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#include "core/base/clock.h"
#include "core/io/hl7.h"
#include "core/io/importer.h"
#include "core/store/store.h"
#include "tests/fuzz/fuzz_store.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct cd_store *store;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct cd_error err;
    if (!store) {
        store = fuzz_store_open("hl7");
    }
    struct cd_hl7_reader r;
    struct cd_hl7_message m = CD_HL7_MESSAGE_INIT;
    struct cd_strbuf v = CD_STRBUF_INIT;
    time_t t;
    cd_hl7_reader_init(&r, (const char *)data, size);
    while (cd_hl7_next(&r, &m, &err) == 1)
        for (size_t i = 0; i < m.nsegs; i++)
            for (int f = 1; f < 8; f++)
                if (cd_hl7_get(&m, &m.segs[i], f, 1, 2, 1, &v) == 0)
                    cd_hl7_time(cd_strbuf_str(&v), &t, &err);
    cd_hl7_message_free(&m);
    cd_strbuf_free(&v);
    struct cd_import_summary sum;
    cd_import_buffer(store, "fuzz", (const char *)data, size, CD_IMPORT_HL7, &sum, &err);
    return 0;
}
