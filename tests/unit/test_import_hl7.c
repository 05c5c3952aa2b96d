/* SPDX-License-Identifier: MIT */
/* Unit tests of core/hl7 (framing, separators, fields, escapes, time stamps) and of
 * core/import_hl7 (A03, A13, A08, skipped types, duplicates, errors). */
#include "config.h"

#include "core/base/clock.h"
#include "core/io/hl7.h"
#include "core/io/importer.h"
#include "core/patient.h"
#include "tests/lib/tap.h"
#include "tests/lib/testdb.h"

static struct cd_store *store;
static struct cd_import_summary sum;
static struct cd_error err;

static int imp(const char *data)
{
    return cd_import_buffer(store, "t.hl7", data, strlen(data), CD_IMPORT_HL7, &sum, &err);
}

#define MSH(id, type) "MSH|^~\\&|EPIC|STMARY|CD|CLINIC|202611211005||ADT^" type "|" id "|P|2.5\r"
#define PV1(cls, visit, disp, admit, dis)                                                          \
    "PV1|1|" cls "|4W^^^STMARY"                                                                    \
    "|||||||||||||||"                                                                              \
    "|" visit "|||||||||||||||||" disp "||||||||" admit "|" dis "\r"

static void parser(void)
{
    static const char data[] = "\x0bMSH#*@$%#A#B@C*D%E#F#$H$$X41$$1\r\nPID#1\x1c\r"
                               "\nMSH|^~\\&|a\nEVN|A03|2026\rPID|1||m1~m2^^^^MR||\\F\\\\S\\\\T\\"
                               "\\R\\\\E\\\\.br\\\\Z\\x\\";
    struct cd_hl7_reader r;
    struct cd_hl7_message m = CD_HL7_MESSAGE_INIT;
    struct cd_strbuf v = CD_STRBUF_INIT;
    cd_hl7_reader_init(&r, data, sizeof data - 1);
    is_int(cd_hl7_next(&r, &m, &err), 1, "MLLP message");
    is_int(m.nsegs, 2, "two segments");
    is_int(m.fs, '#', "field separator from MSH");
    is_int(m.cs, '*', "component separator");
    cd_hl7_get(&m, &m.segs[0], 1, 0, 1, 1, &v);
    is_str(cd_strbuf_str(&v), "#", "MSH-1");
    cd_hl7_get(&m, &m.segs[0], 2, 0, 1, 1, &v);
    is_str(cd_strbuf_str(&v), "*@$%", "MSH-2 raw");
    /* "#A#B@C*D%E#F#$H$$X41$$1": MSH-3 A, MSH-4 B@C*D%E, MSH-5 F */
    cd_hl7_get(&m, &m.segs[0], 4, 1, 2, 1, &v);
    is_str(cd_strbuf_str(&v), "D", "repetition 2, component 2");
    cd_hl7_get(&m, &m.segs[0], 4, 1, 2, 2, &v);
    is_str(cd_strbuf_str(&v), "E", "subcomponent 2");
    is_int(cd_hl7_repetitions(&m, &m.segs[0], 4), 2, "two repetitions");
    cd_hl7_get(&m, &m.segs[0], 6, 0, 1, 1, &v);
    is_str(cd_strbuf_str(&v), "A$1", "escapes with $ as escape: X41 and unterminated kept");
    is_int(m.segs[1].line, 2, "PID on line 2");
    is_int(cd_hl7_next(&r, &m, &err), 1, "second message, LF and CR");
    is_int(m.line, 3, "starts on line 3");
    is_int(m.nsegs, 3, "three segments");
    const struct cd_hl7_segment *pid = cd_hl7_segment_find(&m, "PID", 0, NULL);
    cd_hl7_get(&m, pid, 3, 1, 5, 1, &v);
    is_str(cd_strbuf_str(&v), "MR", "PID-3 second repetition type");
    cd_hl7_get(&m, pid, 5, 0, 1, 1, &v);
    is_str(cd_strbuf_str(&v), "|^&~\\\nx\\",
           "\\F\\ \\S\\ \\T\\ \\R\\ \\E\\ \\.br\\, \\Z\\ dropped");
    cd_hl7_get(&m, pid, 40, 0, 1, 1, &v);
    is_str(cd_strbuf_str(&v), "", "absent field is empty");
    is_int(cd_hl7_next(&r, &m, &err), 0, "end");

    static const char nulx[] = "MSH|^~\\&|\\X00\\\r";
    cd_hl7_reader_init(&r, nulx, sizeof nulx - 1);
    cd_hl7_next(&r, &m, &err);
    is_int(cd_hl7_get(&m, &m.segs[0], 3, 0, 1, 1, &v), CD_EINVAL, "\\X00\\ refused");
    static const char *const bad[][2] = {
        {"PID|1\r", "1: MSH: expected an MSH segment to start a message"},
        {"\x0bMSH|^~\\&|a\rPID|1\r", "1: MSH: the message is truncated (its MLLP frame has no "
                                     "end byte)"},
        {"MSH|^~|a\r", "1: MSH-2: the encoding characters must be 4 (component, repetition, "
                       "escape, subcomponent), not 2"},
        {"MSH|^^\\&|a\r", "1: MSH-2: the separators are not 5 different punctuation characters"},
        {"MSH|^~\\&|a\rpid|1\r", "2: segment: a line that is not a segment (a 3-letter name and "
                                 "'|' expected)"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        cd_hl7_reader_init(&r, bad[i][0], strlen(bad[i][0]));
        is_int(cd_hl7_next(&r, &m, &err), CD_EINVAL, "bad framing %zu", i);
        is_str(err.msg, bad[i][1], "framing message %zu", i);
    }

    time_t t;
    char buf[CD_INSTANT_LEN];
    is_int(cd_hl7_time("20261120143000-0500", &t, &err), 0, "time with offset");
    is_str(cd_instant_format(t, buf), "2026-11-20T19:30:00Z", "offset applied");
    cd_hl7_time("202611201430", &t, &err);
    is_str(cd_instant_format(t, buf), "2026-11-20T19:30:00Z", "no offset: clinic local");
    cd_hl7_time("20260701120000.1234+0000", &t, &err);
    is_str(cd_instant_format(t, buf), "2026-07-01T12:00:00Z", "fraction dropped");
    is_int(cd_hl7_time("20261131", &t, &err), CD_EINVAL, "November 31");
    is_str(err.msg, "'20261131' is not an HL7 time (YYYYMMDD[HHMM[SS]][+/-ZZZZ])", "message");
    is_int(cd_hl7_time("202611", &t, &err), CD_EINVAL, "month only");
    is_int(cd_hl7_time("20261120+05", &t, &err), CD_EINVAL, "short offset");
    cd_hl7_message_free(&m);
    cd_strbuf_free(&v);
}

int main(void)
{
    store = testdb_open("America/New_York", "2026-11-23T09:00");
    parser();

    const char *a03 =
        MSH("M1", "A03") "EVN|A03|202611211000\r"
                         "PID|1||X9^^^O^PI~H1^^^STMARY^MR||Garc\\XC3AD\\a^Ana||19450302|F|||||"
                         "555-0200^PRN\r" PV1("I", "V1", "01", "202611170900",
                                              "20261120143000-0500") "DG1|1||I50.9^HF^I10\r";
    is_int(imp(a03), 0, "A03 imported");
    is_int(sum.discharges_new, 1, "one discharge");
    is_int(sum.tasks_created, 2, "two tasks");
    int64_t id;
    is_int(cd_patient_find_mrn(store, "H1", &id, &err), 0, "MRN is the MR identifier");
    struct cd_patient_header h;
    cd_patient_header_get(store, id, &h, &err);
    is_str(h.family_name, "García", "\\X..\\ decoded to UTF-8");
    is_str(h.phone, "555-0200", "PID-13");
    is_str(h.programs, "tcm", "TCM enrollment");
    is_int(imp(a03), 0, "same message again");
    is_int(sum.discharges_known, 1, "already known by MSH-10");
    is_int(cd_import_changed(&sum), 0, "nothing changed");
    /* same visit, new control id: known by visit number */
    const char *again = MSH("M1b", "A03") "PID|1||H1^^^STMARY^MR||García^Ana\r" PV1(
        "I", "V1", "01", "", "20261120143000-0500");
    imp(again);
    is_int(sum.discharges_known, 1, "known by visit number");
    is_int(sum.discharges_new, 0, "no new discharge");

    /* one message per line reads better than any wrapping */
    // clang-format off
    const char *mixed =
        MSH("M2", "A01") "PID|1||H2^^^S^MR||Doe^Jo\r"
        MSH("M3", "A08") "PID|1||H1^^^S^MR||García^Ana||||||||555-0299\r"
        MSH("M4", "A13") "PID|1||H1^^^S^MR||García^Ana\r"
            PV1("I", "V1", "01", "", "20261120143000-0500")
        MSH("M5", "A13") "PID|1||H1^^^S^MR||García^Ana\r"
            PV1("I", "V404", "01", "", "20261120143000-0500")
        MSH("M6", "A03") "PID|1||H3^^^S^MR||Brown^Ed\r"
            PV1("E", "V3", "01", "", "202611201600")
        MSH("M7", "A03") "PID|1||H4^^^S^MR||White^Al|||||||||||||||||||||||||Y\r"
            PV1("I", "V4", "01", "", "202611201600");
    // clang-format on
    is_int(imp(mixed), 0, "mixed file");
    struct cd_strbuf sb = CD_STRBUF_INIT;
    cd_import_summary_format("t.hl7", &sum, &sb);
    is_str(cd_strbuf_str(&sb),
           "import t.hl7: patients 2 new, 1 updated; discharges 2 new (2 not "
           "eligible for TCM), 0 already known; tasks 0 created; messages 2 "
           "skipped; discharges 1 cancelled, tasks 2 cancelled; 1 death recorded",
           "A01 skipped, A08 update, A13 cancel (and one for an unknown visit), ED, death");
    cd_strbuf_free(&sb);

    static const char *const bad[][2] = {
        {MSH("B1", "A03") "PV1|1|I\r", "t.hl7:1: PID: the ADT^A03 message has no PID segment "
                                       "(message B1)"},
        {MSH("B2", "A03") "PID|1||Z1^^^S^MR||Doe^Jo\r", "t.hl7:1: PV1: the ADT^A03 message has "
                                                        "no PV1 segment (message B2)"},
        {"\r\n" MSH("B3", "A03") "PID|1||Z1^^^S^MR||Doe^Jo\r" PV1("I", "V9", "01", "", "2026112x"),
         "t.hl7:4: PV1-45 discharge_at: '2026112x' is not an HL7 time "
         "(YYYYMMDD[HHMM[SS]][+/-ZZZZ]) (message B3)"},
        {MSH("B4", "A03") "PID|1||Z1^^^S^MR||Doe^Jo\r" PV1("I", "V9", "01", "202611201000",
                                                           "202611190900"),
         "t.hl7:3: PV1-45 discharge_at: '2026-11-19T14:00:00Z' is before admit_at "
         "'2026-11-20T15:00:00Z' (message B4)"},
        {MSH("B5", "A03") "PID|1||Z1^^^S^MR||D\xc3(^Jo\r" PV1("I", "V9", "01", "", "20261120"),
         "t.hl7:2: PID-5 family_name: is not valid UTF-8 (message B5)"},
        {MSH("B6", "A03") "PID|1||Z1^^^S^MR||^Jo\r" PV1("I", "V9", "01", "", "20261120"),
         "t.hl7:2: PID-5 family_name: '' is empty (message B6)"},
        {MSH("B7", "A03") "PID|1||Z1^^^S^MR||Doe^Jo\r" PV1("I", "V9", "77", "", "20261120"),
         "t.hl7:3: PV1-36 disposition: '77' is not a NUBC discharge status code or name (see "
         "dispositions.tsv) (message B7)"},
        {"MSH|^~\\&|a|b|c|d|2026||ADT^A03||P\r", "t.hl7:1: MSH-10: the message control id is "
                                                 "empty (message at line 1)"},
        {"", "t.hl7:1: MSH: the file holds no HL7 message"},
        {MSH("B8", "A03") "PID|1||Z1^^^S^MR||Doe^\\X00\\\r" PV1("I", "V9", "01", "", "20261120"),
         "t.hl7:2: PID-5: an escape "
         "sequence decodes to a NUL byte "
         "(message B8)"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        is_int(imp(bad[i][0]), CD_EINVAL, "bad message %zu refused", i);
        is_str(err.msg, bad[i][1], "message %zu", i);
    }
    static const char nul[] = MSH("B9", "A03") "PID|1||Z1^^^S^MR||Do\0e^Jo\r";
    cd_import_buffer(store, "t.hl7", nul, sizeof nul - 1, CD_IMPORT_HL7, &sum, &err);
    is_str(err.msg, "t.hl7:2: PID-5: contains a NUL byte (message B9)", "NUL byte");
    struct cd_strbuf big = CD_STRBUF_INIT;
    cd_strbuf_add(&big, MSH("B10", "A03") "PID|1||Z1^^^S^MR||Doe^");
    for (int i = 0; i < 100000; i++)
        cd_strbuf_addc(&big, 'x');
    imp(cd_strbuf_str(&big));
    is_str(err.msg, "t.hl7:2: PID-5: is 100004 bytes long; the limit is 65536 (message B10)",
           "long field");
    cd_strbuf_free(&big);
    /* all-or-nothing: a good message before a bad one is not kept */
    imp(MSH("G1", "A03") "PID|1||OK1^^^S^MR||Good^Guy\r" PV1("I", "VG", "01", "", "20261120")
            MSH("G2", "A03") "PID|1||OK2^^^S^MR||Bad^Guy\r" PV1("I", "VH", "01", "", "2026"));
    is_int(cd_patient_find_mrn(store, "OK1", &id, &err), CD_ENOTFOUND, "nothing half-written");
    cd_store_close(store);
    return done_testing();
}
