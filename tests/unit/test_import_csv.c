/* SPDX-License-Identifier: MIT */
/* Unit tests of core/import_csv and core/importer: RFC 4180 details, columns, dates, errors,
 * all-or-nothing, re-import, the summary line. */
#include "config.h"

#include "core/io/importer.h"
#include "core/patient.h"
#include "tests/lib/page_by_name.h"
#include "tests/lib/tap.h"
#include "tests/lib/testdb.h"

static struct cd_store *store;
static struct cd_import_summary sum;
static struct cd_error err;

static int imp(const char *csv)
{
    return cd_import_buffer(store, "t.csv", csv, strlen(csv), CD_IMPORT_CSV, &sum, &err);
}

static const char *line(void)
{
    static struct cd_strbuf sb = CD_STRBUF_INIT;
    cd_strbuf_reset(&sb);
    cd_import_summary_format("t.csv", &sum, &sb);
    return cd_strbuf_str(&sb);
}

int main(void)
{
    store = testdb_open("America/New_York", "2026-11-23T09:00");
    is_int(cd_import_guess("\xef\xbb\xbfmrn,name", 12), CD_IMPORT_CSV, "guess csv");
    is_int(cd_import_guess("\x0bMSH|^~\\&|", 10), CD_IMPORT_HL7, "guess hl7 with MLLP");
    is_int(cd_import_guess("\r\nMSH|", 7), CD_IMPORT_HL7, "guess hl7 after a blank line");
    enum cd_import_format f;
    is_int(cd_import_format_parse("xml", &f, &err), CD_EINVAL, "bad format");
    is_str(err.msg, "format: 'xml' is not csv or hl7", "format message");

    is_int(imp("\xef\xbb\xbf"
               "Setting,DISCHARGE_AT,mrn,name,diagnoses\r\n"
               "inpatient,11/20/2026 14:30,A1,\"Núñez, Zoë\",\"I50.9;E11.9\"\r\n"
               "snf,2026-11-20,A2,\"O'Brien, \"\"Pat\"\"\",\r\n"
               "\r\n"
               "inpatient,2026-11-19T10:00Z,A3,\"Lee, Ann\nMarie\",\r\n"),
           0, "BOM, CRLF, quotes, quoted newline, blank line");
    is_str(line(),
           "import t.csv: patients 3 new, 0 updated; discharges 3 new, 0 already known; "
           "tasks 6 created; messages 0 skipped",
           "summary");
    is_int(sum.records, 3, "three records");
    struct cd_page page = CD_PAGE_INIT;
    cd_patient_search(store, "A", 10, &page, &err);
    is_str(page_str(&page, 1, "patient"), "Núñez, Zoë", "UTF-8 name split from name");
    is_str(page_str(&page, 2, "patient"), "O'Brien, \"Pat\"", "doubled quotes");
    is_str(page_str(&page, 0, "patient"), "Lee, Ann Marie", "line break becomes a space");
    cd_page_free(&page);

    is_int(imp("\xef\xbb\xbf"
               "Setting,DISCHARGE_AT,mrn,name,diagnoses\r\n"
               "inpatient,11/20/2026 14:30,A1,\"Núñez, Zoë\",\"I50.9;E11.9\"\r\n"),
           0, "same record again");
    is_str(line(),
           "import t.csv: patients 0 new, 0 updated; discharges 0 new, 1 already known; "
           "tasks 0 created; messages 0 skipped; nothing changed",
           "nothing changed");

    /* errors: file:line: field: what, and nothing written */
    static const struct {
        const char *csv, *msg;
    } bad[] = {
        {"", "t.csv:1: header: the file is empty"},
        {"mrn,name,discharge_at,setting,colour\n",
         "t.csv:1: header: unknown column 'colour' "
         "(known: mrn, family_name, given_name, name, birth_date, sex, phone, discharge_at, "
         "admit_at, facility, setting, disposition, admission_type, diagnoses, complexity)"},
        {"mrn,name,setting\n", "t.csv:1: header: no 'discharge_at' column"},
        {"mrn,family_name,discharge_at,setting\n", "t.csv:1: header: needs family_name and "
                                                   "given_name, or name"},
        {"mrn,MRN,name,discharge_at,setting\n", "t.csv:1: header: column 'mrn' appears twice"},
        {"mrn,name,discharge_at,setting\nB1,\"Doe, Jo\",2026-11-20,inpatient\nB2,Doe,2026-11-20,"
         "inpatient\n",
         "t.csv:3: name: 'Doe' is not 'Family, Given'"},
        {"mrn,name,discharge_at,setting\nB1,\"Doe, Jo\",2026-11-20\n",
         "t.csv:2: record: has 3 fields; the header has 4"},
        {"mrn,name,discharge_at,setting\nB1,\"Doe, Jo,2026-11-20,inpatient\n",
         "t.csv:2: record: a quoted field is not closed"},
        {"mrn,name,discharge_at,setting\nB1,\"Doe, Jo\"x,2026-11-20,inpatient\n",
         "t.csv:2: field 2: the quoted field starting here has text after its closing quote on "
         "line 2"},
        {"mrn,name,discharge_at,setting\nB1,\"Doe, Jo\",13/45/2026,inpatient\n",
         "t.csv:2: discharge_at: '2026-13-45' is not a date and time (expected "
         "YYYY-MM-DD[THH:MM[:SS][Z|+HH:MM]])"},
        {"mrn,name,discharge_at,admit_at,setting\nB1,\"Doe, Jo\",2026-11-20,2026-11-21,"
         "inpatient\n",
         "t.csv:2: discharge_at: '2026-11-20' is before admit_at '2026-11-21'"},
        {"mrn,name,birth_date,discharge_at,setting\nB1,\"Late, Born\",2026-11-22,2026-11-20,"
         "inpatient\n",
         "t.csv:2: discharge_at: '2026-11-20' is before the patient's birth date (2026-11-22)"},
        {"mrn,name,discharge_at,setting\nB1,\"Doe, J\xc3\",2026-11-20,inpatient\n",
         "t.csv:2: name: is not valid UTF-8"},
        {"mrn,name,discharge_at,setting\nB1,\"Doe, Jo\",2026-11-20,hotel\n",
         "t.csv:2: setting: 'hotel' is not inpatient, snf, irf, ltch, psych, observation, "
         "partial, ed, outpatient or other"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        is_int(imp(bad[i].csv), CD_EINVAL, "bad input %zu refused", i);
        is_str(err.msg, bad[i].msg, "message %zu", i);
    }
    /* NUL byte inside a field; a field over the limit */
    static const char nul[] =
        "mrn,name,discharge_at,setting\nB1,\"Doe\0, Jo\",2026-11-20,inpatient\n";
    cd_import_buffer(store, "t.csv", nul, sizeof nul - 1, CD_IMPORT_CSV, &sum, &err);
    is_str(err.msg, "t.csv:2: name: contains a NUL byte", "NUL byte");
    struct cd_strbuf big = CD_STRBUF_INIT;
    cd_strbuf_add(&big, "mrn,name,discharge_at,setting\nB1,\"Doe, ");
    for (int i = 0; i < 70000; i++)
        cd_strbuf_addc(&big, 'x');
    cd_strbuf_add(&big, "\",2026-11-20,inpatient\n");
    imp(cd_strbuf_str(&big));
    is_str(err.msg, "t.csv:2: field 2: is longer than 65536 bytes", "long quoted field");
    cd_strbuf_reset(&big);
    cd_strbuf_add(&big, "mrn,name,discharge_at,setting\nB1,");
    for (int i = 0; i < 70000; i++)
        cd_strbuf_addc(&big, 'x');
    imp(cd_strbuf_str(&big));
    is_str(err.msg, "t.csv:2: field 2: is 70000 bytes long; the limit is 65536", "long field");
    cd_strbuf_free(&big);
    /* the good first record of the refused file was not written */
    int64_t id;
    is_int(cd_patient_find_mrn(store, "B1", &id, &err), CD_ENOTFOUND, "nothing half-written");
    cd_store_close(store);
    return done_testing();
}
