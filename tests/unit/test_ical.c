/* SPDX-License-Identifier: MIT */
/* Unit tests of core/ical: the exact shape of the export, escaping, folding at 75 octets without
 * splitting UTF-8, CRLF, repeatability, CANCELLED and SEQUENCE, METHOD/ORGANIZER, minimum
 * necessary summaries, and a re-parse of the output by libical with its restriction checks. */
#include "config.h"

#include <libical/ical.h>

#include "core/appointment.h"
#include "core/base/strbuf.h"
#include "core/base/text.h"
#include "core/io/ical.h"
#include "core/patient.h"
#include "core/store/settings.h"
#include "tests/lib/tap.h"
#include "tests/lib/testdb.h"

static struct cd_store *store;

/* Export with OPTS into a file and read it back (caller frees). */
static char *export(const struct cd_ical_options *o, size_t *count)
{
    struct cd_error err = {0};
    char path[400];
    snprintf(path, sizeof path, "%s/out.ics", testdb_dir);
    if (cd_ical_export_file(store, o, path, 0, count, &err)) {
        printf("# export: %s\n", err.msg);
        return NULL;
    }
    FILE *f = fopen(path, "rb");
    struct cd_strbuf sb = CD_STRBUF_INIT;
    char buf[4096];
    size_t n;
    while (f && (n = fread(buf, 1, sizeof buf, f)) > 0)
        cd_strbuf_addn(&sb, buf, n);
    if (f)
        fclose(f);
    return cd_strbuf_take(&sb);
}

/* The text with folds undone and CRLF turned into LF. */
static char *unfold(const char *s)
{
    struct cd_strbuf sb = CD_STRBUF_INIT;
    for (const char *p = s; *p; p++) {
        if (p[0] == '\r' && p[1] == '\n' && (p[2] == ' ' || p[2] == '\t')) {
            p += 2;
            continue;
        }
        if (p[0] == '\r' && p[1] == '\n') {
            cd_strbuf_addc(&sb, '\n');
            p++;
            continue;
        }
        cd_strbuf_addc(&sb, *p);
    }
    return cd_strbuf_take(&sb);
}

/* The text without its DTSTAMP lines. */
static char *mask_dtstamp(const char *s)
{
    struct cd_strbuf sb = CD_STRBUF_INIT;
    while (*s) {
        const char *e = strstr(s, "\r\n");
        size_t n = e ? (size_t)(e - s) + 2 : strlen(s);
        if (strncmp(s, "DTSTAMP:", 8) != 0)
            cd_strbuf_addn(&sb, s, n);
        s += n;
    }
    return cd_strbuf_take(&sb);
}

static int count_of(const char *s, const char *needle)
{
    int n = 0;
    for (const char *p = s; (p = strstr(p, needle)); p += strlen(needle))
        n++;
    return n;
}

static void book(const char *mrn, const char *kind, const char *at, int dur, const char *provider,
                 const char *location)
{
    struct cd_error err = {0};
    struct cd_appointment_result res;
    struct cd_appointment_in in = {.mrn = mrn,
                                   .kind = kind,
                                   .at = at,
                                   .duration_min = dur,
                                   .provider = provider,
                                   .location = location};
    if (cd_appointment_book(store, &in, &res, &err))
        printf("# book: %s\n", err.msg);
}

static void test_lines(const char *ics)
{
    int crlf_ok = 1, len_ok = 1, utf8_ok = 1, lines = 0;
    size_t longest = 0;
    for (const char *p = ics; *p;) {
        const char *e = strstr(p, "\r\n");
        if (!e) {
            crlf_ok = 0;
            break;
        }
        size_t n = (size_t)(e - p);
        if (memchr(p, '\n', n) || memchr(p, '\r', n))
            crlf_ok = 0;
        if (n > 75)
            len_ok = 0;
        if (n > longest)
            longest = n;
        if (!cd_utf8_valid(p, n))
            utf8_ok = 0;
        lines++;
        p = e + 2;
    }
    ok(crlf_ok, "every line ends in CRLF, no bare CR or LF (%d lines)", lines);
    ok(len_ok, "no line longer than 75 octets (longest %zu)", longest);
    ok(longest >= 70, "long lines were folded near the limit (%zu)", longest);
    ok(utf8_ok, "every physical line is valid UTF-8: no fold splits a character");
}

static void test_reparse(const char *ics)
{
    icalcomponent *cal = icalparser_parse_string(ics);
    ok(cal != NULL, "libical parses the export");
    if (!cal)
        return;
    int restriction_ok = icalrestriction_check(cal);
    int errors = icalcomponent_count_errors(cal);
    ok(restriction_ok, "icalrestriction_check passes");
    is_int(errors, 0, "no X-LIC-ERROR after the restriction check");
    int n = 0;
    for (icalcomponent *ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); ev;
         ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT))
        n++;
    is_int(n, 4, "four VEVENTs read back");
    icalcomponent *ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
    is_str(icalcomponent_get_location(ev), "Suite 4; 2nd floor, \"East\" \\ wing",
           "LOCATION unescapes to the original text");
    icalcomponent_free(cal);
}

int main(void)
{
    store = testdb_open("America/New_York", "2026-03-01T09:00");
    struct cd_error err = {0};
    struct cd_patient_in p1 = {.mrn = "M1",
                               .family = "Núñez",
                               .given = "zoë",
                               .birth_date = "1948-05-12",
                               .phone = "555-0100"};
    struct cd_patient_in p2 = {
        .mrn = "M2", .family = "O'Brien, Jr.", .given = "Jane", .birth_date = "1950-01-01"};
    cd_patient_add(store, &p1, NULL, &err);
    cd_patient_add(store, &p2, NULL, &err);
    cd_settings_set(store, "clinic_name", "North Clinic", &err);
    /* 39 three-octet and 16 four-octet characters: folds must land between them */
    const char *wide =
        "東京都千代田区丸の内一丁目東京都千代田区丸の内一丁目東京都千代田区丸の内一丁目"
        "😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀";
    book("M1", "primary_care", "2026-03-07T09:30", 30, "Smith, Alan; MD",
         "Suite 4; 2nd floor, \"East\" \\ wing");
    book("M2", "tcm_visit", "2026-03-09T09:30", 45, "Dr. Ñandú Éclair-Ünlü Ærøskøbing-Łódź", wide);
    book("M1", "lab", "2026-10-31T09:00", 15, "Lab", NULL);
    book("M2", "telehealth", "2026-11-02T09:00", 20, "Dr. Lee", NULL);
    struct cd_appointment_result res;
    struct cd_appointment_change ch = {.at = "2026-11-02T10:00"};
    cd_appointment_move(store, 4, &ch, &res, &err);
    cd_appointment_cancel(store, 4, "readmitted", &res, &err);

    struct cd_ical_options o = {0};
    size_t count = 0;
    char *ics = export(&o, &count);
    ok(ics != NULL, "exported");
    if (!ics)
        return done_testing();
    is_int((int)count, 4, "four appointments exported");
    test_lines(ics);
    char *flat = unfold(ics);
    const char *head = "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//caredesk//caredesk " PACKAGE_VERSION
                       "//EN\nCALSCALE:GREGORIAN\nBEGIN:VTIMEZONE\nTZID:America/New_York\n";
    ok(strncmp(flat, head, strlen(head)) == 0, "header, then a VTIMEZONE named by its IANA name");
    ok(strstr(flat, "/freeassociation") == NULL, "no libical TZID prefix anywhere");
    ok(strstr(flat, "METHOD:") == NULL, "no METHOD without an organizer");
    ok(strstr(flat, "ORGANIZER") == NULL, "no ORGANIZER without an organizer");
    is_int(count_of(flat, "BEGIN:VTIMEZONE"), 1, "one VTIMEZONE");
    ok(strstr(flat, "DTSTART:20260306T093000\n") != NULL,
       "VTIMEZONE starts a day before the first appointment");
    ok(strstr(flat, "TZUNTIL:20261103T") != NULL, "VTIMEZONE ends a day after the last one");
    is_int(count_of(flat, "RRULE"), 0, "only the two changes of 2026, no open-ended rules");
    ok(strstr(flat, "LOCATION:Suite 4\\; 2nd floor\\, \"East\" \\\\ wing\n") != NULL,
       "semicolon, comma and backslash escaped in LOCATION");
    ok(strstr(flat, "DESCRIPTION:Primary care visit with Smith\\, Alan\\; MD\\, 30 minutes.\n") !=
           NULL,
       "DESCRIPTION escaped");
    ok(strstr(flat, "DESCRIPTION:Telehealth visit with Dr. Lee\\, 20 minutes.\\nCancelled.\n") !=
           NULL,
       "newline escaped as \\n");
    ok(strstr(flat, "SUMMARY:Primary care visit - Z.N.\n") != NULL, "summary: kind and initials");
    ok(strstr(flat, "SUMMARY:TCM face-to-face visit - J.O.\n") != NULL, "TCM summary");
    ok(strstr(flat, "Núñez") == NULL && strstr(flat, "Jane") == NULL, "no names by default");
    /* the UIDs are random hex and may hold "1948": look only at the other lines */
    struct cd_strbuf rest = CD_STRBUF_INIT;
    for (const char *line = flat; *line;) {
        size_t n = strcspn(line, "\n");
        if (strncmp(line, "UID:", 4) != 0)
            cd_strbuf_addf(&rest, "%.*s\n", (int)n, line);
        line += n + (line[n] == '\n');
    }
    const char *r = cd_strbuf_str(&rest);
    ok(strstr(r, "UID:") == NULL && strstr(r, "SUMMARY:") != NULL, "UID lines set aside");
    ok(strstr(r, "M1") == NULL && strstr(r, "1948") == NULL && strstr(r, "555-0100") == NULL,
       "no MRN, birth date or phone");
    cd_strbuf_free(&rest);
    struct cd_strbuf want = CD_STRBUF_INIT;
    cd_strbuf_addf(&want, "LOCATION:%s\n", wide);
    ok(strstr(flat, cd_strbuf_str(&want)) != NULL, "non-ASCII LOCATION unfolds to the original");
    cd_strbuf_free(&want);
    ok(strstr(flat, "DTSTART;TZID=America/New_York:20260307T093000\n"
                    "DTEND;TZID=America/New_York:20260307T100000\n") != NULL,
       "DTSTART and DTEND with TZID");
    ok(strstr(flat, "DTSTAMP:20260301T1400") != NULL, "DTSTAMP is the clock's now in UTC");
    ok(strstr(flat, "STATUS:CANCELLED\nSEQUENCE:2\nCLASS:PRIVATE\nEND:VEVENT\n") != NULL,
       "cancelled: STATUS:CANCELLED, SEQUENCE 2 (moved, cancelled), no alarm");
    ok(strstr(flat, "STATUS:CONFIRMED\nSEQUENCE:0\nCLASS:PRIVATE\nBEGIN:VALARM\nACTION:DISPLAY\n"
                    "DESCRIPTION:Primary care visit - Z.N.\nTRIGGER:-PT30M\nEND:VALARM\n") != NULL,
       "confirmed with a 30-minute DISPLAY alarm");
    ok(strstr(flat, "LOCATION:North Clinic\n") != NULL, "no location: the clinic's name");
    ok(strstr(flat, "LOCATION:Telehealth\n") != NULL, "telehealth without a place");
    ok(strcmp(flat + strlen(flat) - 14, "END:VCALENDAR\n") == 0, "ends with END:VCALENDAR");
    test_reparse(ics);

    /* a second export later in the day differs only in DTSTAMP */
    cd_clock_set(cd_clock_now() + 3600);
    char *again = export(&o, NULL);
    ok(again && strcmp(ics, again) != 0, "DTSTAMP moved on");
    char *m1 = mask_dtstamp(ics), *m2 = mask_dtstamp(again ? again : "");
    ok(strcmp(m1, m2) == 0, "byte-identical apart from DTSTAMP");
    free(m1);
    free(m2);
    free(again);

    o.full_names = true;
    o.alarm_minutes = 15;
    char *full = export(&o, NULL);
    char *ffull = unfold(full ? full : "");
    ok(strstr(ffull, "SUMMARY:Primary care visit - zoë Núñez\n") != NULL, "--full-names");
    ok(strstr(ffull, "SUMMARY:TCM face-to-face visit - Jane O'Brien\\, Jr.\n") != NULL,
       "full name escaped");
    ok(strstr(ffull, "TRIGGER:-PT15M\n") != NULL, "alarm minutes");
    free(full);
    free(ffull);

    cd_settings_set(store, "organizer", "scheduling@north.example", &err);
    o = (struct cd_ical_options){.filter = {.mrn = "M1", .from = "2026-03-01", .to = "2026-03-31"}};
    char *pub = export(&o, &count);
    char *fpub = unfold(pub ? pub : "");
    is_int((int)count, 1, "filtered to M1 in March");
    ok(strstr(fpub, "CALSCALE:GREGORIAN\nMETHOD:PUBLISH\n") != NULL,
       "METHOD:PUBLISH with an organizer");
    ok(strstr(fpub, "ORGANIZER;CN=North Clinic:mailto:scheduling@north.example\n") != NULL,
       "ORGANIZER with the clinic's name");
    ok(strstr(fpub, "TZUNTIL:20260308T") != NULL, "VTIMEZONE cut to the exported range");
    free(pub);
    free(fpub);

    o = (struct cd_ical_options){.filter = {.from = "2027-01-01"}};
    char *none = export(&o, &count);
    is_int((int)count, 0, "nothing in 2027");
    ok(none && strstr(none, "VTIMEZONE") == NULL && strstr(none, "END:VCALENDAR\r\n"),
       "an empty calendar, without a VTIMEZONE");
    free(none);

    char bad[400];
    snprintf(bad, sizeof bad, "%s/no/such/dir/out.ics", testdb_dir);
    is_int(cd_ical_export_file(store, &o, bad, 0, NULL, &err), CD_EIO, "unwritable path refused");
    char wmsg[1024];
    snprintf(wmsg, sizeof wmsg, "%s: the directory %s/no/such/dir does not exist", bad, testdb_dir);
    is_str(err.msg, wmsg, "unwritable path message");

    free(flat);
    free(ics);
    cd_store_close(store);
    return done_testing();
}
