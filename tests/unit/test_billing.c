/* SPDX-License-Identifier: MIT */
/* Unit tests of core/billing: every threshold and cap of the code table, exclusions, consent,
 * APCM, voided entries, the clinic month list with sorting and the close-to-threshold filter. */
#include "config.h"

#include "core/billing.h"
#include "core/enrollment.h"
#include "core/patient.h"
#include "core/timeentry.h"
#include "tests/lib/page_by_name.h"
#include "tests/lib/tap.h"
#include "tests/lib/testdb.h"

static const struct cd_billing_rules *rules;

/* The codes SECONDS of PROGRAM/ROLE earn, and the next threshold. */
static void earn(const char *program, const char *role, int64_t seconds, const char *codes,
                 int next)
{
    struct cd_billing_earned e;
    cd_billing_earn(rules, program, role, seconds, &e);
    /* the guard keeps gcc -O1 from warning about a NULL %s on the path where codes is NULL */
    is_str(e.codes, codes, "%s %s %lld:%02lld -> '%s'", program, role, (long long)seconds / 60,
           (long long)seconds % 60, codes ? codes : "");
    is_int(e.next_threshold, next, "%s %s %lld s: next threshold %d", program, role,
           (long long)seconds, next);
}

static void thresholds(void)
{
    /* clinical staff, non-complex CCM (domain.md examples) */
    earn("ccm", "clinical_staff", 19 * 60, "", 20);
    earn("ccm", "clinical_staff", 19 * 60 + 59, "", 20);
    earn("ccm", "clinical_staff", 20 * 60, "99490", 40);
    earn("ccm", "clinical_staff", 39 * 60, "99490", 40);
    earn("ccm", "clinical_staff", 40 * 60, "99490,99439", 60);
    earn("ccm", "clinical_staff", 59 * 60 + 59, "99490,99439", 60);
    earn("ccm", "clinical_staff", 60 * 60, "99490,99439x2", 0);
    earn("ccm", "clinical_staff", 95 * 60, "99490,99439x2", 0);
    /* complex CCM */
    earn("ccm_complex", "clinical_staff", 59 * 60, "", 60);
    earn("ccm_complex", "clinical_staff", 60 * 60, "99487", 90);
    earn("ccm_complex", "clinical_staff", 89 * 60, "99487", 90);
    earn("ccm_complex", "clinical_staff", 90 * 60, "99487,99489", 120);
    earn("ccm_complex", "clinical_staff", 150 * 60, "99487,99489x3", 180);
    /* physician / QHP personally */
    earn("ccm", "practitioner", 29 * 60, "", 30);
    earn("ccm", "practitioner", 30 * 60, "99491", 60);
    earn("ccm", "practitioner", 60 * 60, "99491,99437", 90);
    earn("ccm", "practitioner", 120 * 60, "99491,99437x3", 150);
    /* PCM */
    earn("pcm", "clinical_staff", 29 * 60, "", 30);
    earn("pcm", "clinical_staff", 30 * 60, "99426", 60);
    earn("pcm", "clinical_staff", 60 * 60, "99426,99427", 90);
    earn("pcm", "clinical_staff", 90 * 60, "99426,99427x2", 0);
    earn("pcm", "clinical_staff", 200 * 60, "99426,99427x2", 0);
    earn("pcm", "practitioner", 30 * 60, "99424", 60);
    earn("pcm", "practitioner", 90 * 60, "99424,99425x2", 120);
    earn("pcm", "practitioner", 150 * 60, "99424,99425x4", 180);
    /* no time-based code */
    earn("tcm", "clinical_staff", 60 * 60, "", 0);
    earn("apcm", "clinical_staff", 60 * 60, "", 0);
    earn("ccm_complex", "practitioner", 60 * 60, "", 0);
}

static void parse_errors(void)
{
    struct cd_billing_rules r;
    struct cd_error err = {0};
    const char *hdr = "code\tprogram\tperformer\tkind\tminutes\tmax_units\texcludes\n";
    char buf[512];
    snprintf(buf, sizeof buf, "%s99490\tccm\tclinical_staff\tfirst\ttwenty\t1\t\n", hdr);
    is_int(cd_billing_rules_parse("codes.tsv", buf, &r, &err), CD_EINVAL, "bad minutes refused");
    is_str(err.msg, "codes.tsv:2: minutes: 'twenty' is not a whole number from 1 to 600",
           "bad minutes message");
    snprintf(buf, sizeof buf, "# c\n%s99490\tccm\tnurse\tfirst\t20\t1\t\n", hdr);
    cd_billing_rules_parse("codes.tsv", buf, &r, &err);
    is_str(err.msg, "codes.tsv:3: performer: 'nurse' is not clinical_staff or practitioner",
           "bad performer message (line counts comments)");
    snprintf(buf, sizeof buf, "%s99439\tccm\tclinical_staff\teach\t20\t2\t\n", hdr);
    cd_billing_rules_parse("codes.tsv", buf, &r, &err);
    is_str(err.msg, "codes.tsv: 99439: an 'each' code needs a 'first' code for ccm clinical_staff",
           "each without first");
    snprintf(buf, sizeof buf, "%s99490\tccm\tclinical_staff\tfirst\t20\t1\n", hdr);
    cd_billing_rules_parse("codes.tsv", buf, &r, &err);
    is_str(err.msg, "codes.tsv:2: 6 fields, expected 7 (code ... excludes)", "missing field");
    snprintf(buf, sizeof buf,
             "%s99490\tccm\tclinical_staff\tfirst\t20\t1\t\n"
             "99490\tpcm\tclinical_staff\tfirst\t30\t1\t\n",
             hdr);
    cd_billing_rules_parse("codes.tsv", buf, &r, &err);
    is_str(err.msg, "codes.tsv:3: code: '99490' appears twice", "duplicate code");
    /* next year's change is a data edit: a 25-minute first unit */
    snprintf(buf, sizeof buf, "%s99490\tccm\tclinical_staff\tfirst\t25\t1\t\n", hdr);
    is_int(cd_billing_rules_parse("codes.tsv", buf, &r, &err), 0, "edited table parses");
    struct cd_billing_earned e;
    cd_billing_earn(&r, "ccm", "clinical_staff", 24 * 60, &e);
    is_str(e.codes, "", "24 min under a 25-minute rule earns nothing");
    is_int(r.n, 1, "one code");
}

static int64_t patient(struct cd_store *s, const char *mrn, const char *family)
{
    struct cd_error err = {0};
    struct cd_patient_in in = {
        .mrn = mrn, .family = family, .given = "Ann", .birth_date = "1950-01-01"};
    int64_t id = 0;
    if (cd_patient_add(s, &in, &id, &err))
        printf("# patient: %s\n", err.msg);
    return id;
}

static void enroll(struct cd_store *s, const char *mrn, const char *program, const char *consent,
                   const char *date)
{
    struct cd_error err = {0};
    struct cd_enroll_in in = {.mrn = mrn, .program = program, .consent = consent, .date = date};
    if (cd_enrollment_enroll(s, &in, NULL, NULL, &err))
        printf("# enroll: %s\n", err.msg);
}

static int64_t add(struct cd_store *s, int64_t pid, const char *date, int minutes,
                   const char *program, const char *role)
{
    struct cd_error err = {0};
    struct cd_time_fields f = {.date = date,
                               .seconds = minutes * 60,
                               .program = program,
                               .role = role,
                               .activity = "call"};
    int64_t id = 0;
    if (cd_time_add(s, pid, &f, &id, &err))
        printf("# add: %s\n", err.msg);
    return id;
}

static void line_is(struct cd_store *s, int64_t pid, const char *program, const char *role,
                    const char *codes, const char *reason, int next, const char *what)
{
    struct cd_billing_month m;
    struct cd_error err = {0};
    is_int(cd_billing_patient(s, pid, "2026-11", &m, &err), 0, "%s: summary", what);
    const struct cd_billing_line *l = cd_billing_find(&m, program, role);
    ok(l != NULL, "%s: line present", what);
    if (!l)
        return;
    is_str(l->earned.codes, codes, "%s: codes", what);
    is_str(l->reason, reason, "%s: reason", what);
    is_int(l->next_in_minutes, next, "%s: next threshold in", what);
}

static void month(void)
{
    struct cd_store *s = testdb_open("America/New_York", "2026-11-30T17:00");
    struct cd_error err = {0};
    int64_t a = patient(s, "A1", "Adams"), b = patient(s, "B2", "Baker"),
            c = patient(s, "C3", "Cruz"), d = patient(s, "D4", "Diaz"), e = patient(s, "E5", "Eng"),
            f = patient(s, "F6", "Ford"), g = patient(s, "G7", "Gray");

    /* A: enrolled before the month, 14 min: below threshold, 6 to go */
    enroll(s, "A1", "ccm", "verbal", "2026-10-01");
    add(s, a, "2026-11-03", 14, "ccm", "clinical_staff");
    line_is(s, a, "ccm", "clinical_staff", "", "below threshold", 6, "14 min");
    add(s, a, "2026-11-04", 6, "ccm", "clinical_staff");
    line_is(s, a, "ccm", "clinical_staff", "99490", "", 20, "20 min");
    int64_t v = add(s, a, "2026-11-05", 40, "ccm", "clinical_staff");
    line_is(s, a, "ccm", "clinical_staff", "99490,99439x2", "", -1, "60 min: capped");
    is_int(cd_time_void(s, v, "wrong patient", &err), 0, "void");
    line_is(s, a, "ccm", "clinical_staff", "99490", "", 20, "voided entries ignored");

    /* B: enrolled on the 1st, consent on the 10th: the 5th's minutes do not count */
    enroll(s, "B2", "ccm", "none", "2026-11-01");
    enroll(s, "B2", "ccm", "written", "2026-11-10");
    add(s, b, "2026-11-05", 15, "ccm", "clinical_staff");
    line_is(s, b, "ccm", "clinical_staff", "", "before consent date", -1, "before consent only");
    add(s, b, "2026-11-10", 20, "ccm", "clinical_staff");
    line_is(s, b, "ccm", "clinical_staff", "99490", "15:00 not counted (before consent)", 20,
            "consent day counts");

    /* C: consent 'none', then not enrolled at all for pcm */
    enroll(s, "C3", "ccm", "none", "2026-11-01");
    add(s, c, "2026-11-05", 30, "ccm", "clinical_staff");
    line_is(s, c, "ccm", "clinical_staff", "", "no consent", -1, "consent none");
    add(s, c, "2026-11-05", 30, "pcm", "clinical_staff");
    line_is(s, c, "pcm", "clinical_staff", "", "not enrolled in PCM", -1, "not enrolled");

    /* D: complex CCM excludes 99490/99439 */
    enroll(s, "D4", "ccm", "verbal", "2026-10-01");
    enroll(s, "D4", "ccm_complex", "verbal", "2026-10-01");
    add(s, d, "2026-11-05", 25, "ccm", "clinical_staff");
    add(s, d, "2026-11-06", 60, "ccm_complex", "clinical_staff");
    line_is(s, d, "ccm_complex", "clinical_staff", "99487", "", 30, "complex earns");
    line_is(s, d, "ccm", "clinical_staff", "", "excluded by 99487 (complex CCM)", -1,
            "complex excludes 99490");

    /* E: PCM excludes CCM; practitioner CCM too */
    enroll(s, "E5", "ccm", "verbal", "2026-10-01");
    enroll(s, "E5", "pcm", "verbal", "2026-10-01");
    add(s, e, "2026-11-05", 20, "ccm", "clinical_staff");
    add(s, e, "2026-11-05", 30, "ccm", "practitioner");
    add(s, e, "2026-11-06", 30, "pcm", "clinical_staff");
    line_is(s, e, "pcm", "clinical_staff", "99426", "", 30, "pcm earns");
    line_is(s, e, "ccm", "clinical_staff", "", "excluded by 99426 (PCM)", -1, "pcm excludes ccm");
    line_is(s, e, "ccm", "practitioner", "", "excluded by 99426 (PCM)", -1, "pcm excludes 99491");

    /* practitioner time in complex CCM earns no code (99487/99489 are clinical staff codes) */
    add(s, d, "2026-11-07", 30, "ccm_complex", "practitioner");
    line_is(s, d, "ccm_complex", "practitioner", "", "no code for practitioner time in complex CCM",
            -1, "no practitioner complex code");

    /* F: APCM bundles CCM; TCM minutes are their own line */
    enroll(s, "F6", "ccm", "verbal", "2026-10-01");
    enroll(s, "F6", "apcm", "verbal", "2026-11-15");
    add(s, f, "2026-11-05", 25, "ccm", "clinical_staff");
    add(s, f, "2026-11-05", 25, "tcm", "clinical_staff");
    add(s, f, "2026-11-16", 25, "apcm", "clinical_staff");
    line_is(s, f, "ccm", "clinical_staff", "", "APCM this month bundles CCM, PCM and TCM", -1,
            "apcm bundles ccm");
    line_is(s, f, "tcm", "clinical_staff", "", "TCM is billed per discharge, not by minutes", -1,
            "tcm minutes never count for ccm");
    line_is(s, f, "apcm", "clinical_staff", "", "APCM is billed per month, not by minutes", -1,
            "apcm has no time code");

    /* G: 19:59 is not 20 minutes; ended enrollment stops counting after its end */
    enroll(s, "G7", "ccm", "verbal", "2026-10-01");
    struct cd_time_fields tf = {
        .date = "2026-11-02", .seconds = 19 * 60 + 59, .program = "ccm", .activity = "call"};
    cd_time_add(s, g, &tf, NULL, &err);
    line_is(s, g, "ccm", "clinical_staff", "", "below threshold", 1, "19:59 is below 20");
    /* logged while enrolled, then the enrollment is ended on an earlier day */
    add(s, g, "2026-11-12", 5, "ccm", "clinical_staff");
    is_int(cd_enrollment_end(s, "G7", "ccm", "2026-11-10", "moved", NULL, NULL, &err), 0,
           "disenroll");
    line_is(s, g, "ccm", "clinical_staff", "", "below threshold; 05:00 not counted (not enrolled)",
            1, "minutes after the end do not count");

    /* the clinic list */
    struct cd_page page = CD_PAGE_INIT;
    struct cd_billing_query q = {.month = "2026-11"};
    is_int(cd_billing_list(s, &q, &page, &err), 0, "month list");
    static const char *const billing_cols[] = {CD_BILLING_COLUMNS(CD_PAGE_COL_NAME)};
    ok(cd_page_columns_are(&page, billing_cols, CD_BILLING_NCOLS),
       "the list has the columns billing.h declares");
    is_int(page.nrows, 14, "one row per patient, program and role");
    is_str(page_str(&page, 0, "mrn"), "A1", "MRN order");
    is_str(page_str(&page, 0, "codes"), "99490", "A1 codes");
    is_str(page_str(&page, 0, "minutes"), "20", "A1 minutes (voided left out)");
    is_str(cd_page_name(&page, 6), "next_threshold_in", "column 7");
    cd_page_free(&page);
    q.close_within = 5;
    q.sort = CD_BILLING_SORT_NEXT;
    cd_billing_list(s, &q, &page, &err);
    is_int(page.nrows, 1, "close to a threshold: within 5 minutes");
    ok(cd_page_columns_are(&page, billing_cols, CD_BILLING_NCOLS), "a sorted list has them too");
    is_str(page_str(&page, 0, "mrn"), "G7", "G7 is 1 minute short");
    cd_page_free(&page);
    q.close_within = 0;
    q.sort = CD_BILLING_SORT_MINUTES;
    q.descending = true;
    q.limit = 2;
    cd_billing_list(s, &q, &page, &err);
    is_int(page.nrows, 2, "limit");
    is_str(page_str(&page, 0, "mrn"), "D4", "most minutes first (D4 complex 60)");
    cd_page_free(&page);
    q = (struct cd_billing_query){.month = "2026-13"};
    is_int(cd_billing_list(s, &q, &page, &err), CD_EINVAL, "bad month");
    is_str(err.msg, "month: '2026-13' is not a month (YYYY-MM)", "bad month message");
    cd_page_free(&page);
    q = (struct cd_billing_query){.month = "2026-10"};
    cd_billing_list(s, &q, &page, &err);
    is_int(page.nrows, 0, "October has no time");
    cd_page_free(&page);
    cd_store_close(s);
}

int main(void)
{
    struct cd_error err = {0};
    cd_billing_rules_builtin(&rules, &err);
    ok(rules != NULL, "built-in code table loads: %s", err.msg);
    if (!rules)
        return done_testing();
    is_int(rules->n, 10, "ten codes");
    thresholds();
    parse_errors();
    month();
    return done_testing();
}
