/* SPDX-License-Identifier: MIT */
/* iCalendar export with libical, streamed: header and truncated VTIMEZONEs once, then each VEVENT
 * is built, serialized (libical escapes, folds and writes CRLF), written and freed. */
#include "config.h"
#include "core/io/ical.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <dlfcn.h>
#include <libical/ical.h>

#include "core/base/clock.h"
#include "core/base/safefile.h"
#include "core/base/strbuf.h"
#include "core/base/text.h"
#include "core/store/audit.h"
#include "core/store/db.h"
#include "core/store/settings.h"

#define FILTER_SQL                                                                                 \
    "WHERE (:from = '' OR a.start_at >= :from) AND (:to = '' OR a.start_at < :to) "                \
    "AND (:patient = 0 OR a.patient_id = :patient) "                                               \
    "AND (:provider IS NULL OR a.provider = :provider) "

static const char SQL_ZONES[] =
    "SELECT a.tzid, min(a.start_at), max(a.start_at), max(a.duration_min) FROM appointments "
    "a " FILTER_SQL "GROUP BY a.tzid ORDER BY a.tzid";
static const char SQL_EVENTS[] =
    "SELECT a.uid, a.sequence, a.kind, a.status, a.start_at, a.start_local, a.duration_min, "
    "a.tzid, a.provider, a.location, p.given_name, p.family_name FROM appointments a "
    "JOIN patients p ON p.id = a.patient_id " FILTER_SQL "ORDER BY a.start_at, a.id";

#define MAX_ZONES 16

struct zone {
    char tzid[64];
    icaltimezone *tz; /* NULL for UTC: times are written with Z */
};

struct ctx {
    FILE *out;
    int io_failed;
    struct zone zones[MAX_ZONES];
    size_t nzones;
    char *organizer, *clinic;
    const struct cd_ical_options *o;
    char dtstamp[40];       /* "DTSTAMP:...Z\r\n", the same for every event */
    char trigger[40];       /* "TRIGGER:-PT30M\r\n" */
    char *organizer_line;   /* "ORGANIZER;CN=...:mailto:...\r\n" or NULL */
    struct cd_strbuf event; /* one VEVENT, reused */
    struct cd_strbuf tmp;   /* summary and description, reused */
};

static void put(struct ctx *c, const char *s)
{
    size_t n = strlen(s);
    if (fwrite(s, 1, n, c->out) != n)
        c->io_failed = 1;
}

static void put_free(struct ctx *c, char *s)
{
    if (s)
        put(c, s);
    else
        c->io_failed = 1;
    free(s);
}

static void bind_filter(struct cd_stmt *st, const char *from, const char *to, int64_t patient,
                        const char *provider)
{
    cd_db_bind_text(st, ":from", from);
    cd_db_bind_text(st, ":to", to);
    cd_db_bind_int(st, ":patient", patient);
    cd_db_bind_opt(st, ":provider", provider);
}

/* libical is loaded when a calendar is first written, not when caredesk starts: it brings ICU
 * and libstdc++, whose mapping and relocation were most of every command's start-up. The
 * functions used are called through pointers typed from libical's own header. */
#define ICAL_FUNCS(X)                                                                              \
    X(icaltimezone_get_builtin_timezone)                                                           \
    X(icaltimezone_get_utc_timezone)                                                               \
    X(icaltimezone_get_component)                                                                  \
    X(icalcomponent_new_clone)                                                                     \
    X(icalcomponent_get_first_property)                                                            \
    X(icalproperty_set_tzid)                                                                       \
    X(icaltimezone_truncate_vtimezone)                                                             \
    X(icaltime_from_timet_with_zone)                                                               \
    X(icalcomponent_as_ical_string_r)                                                              \
    X(icalcomponent_free)
static struct {
    void *handle;
#define ICAL_POINTER(name) __typeof__(name) *name;
    ICAL_FUNCS(ICAL_POINTER)
#undef ICAL_POINTER
} lib;

/* Load libical once; CD_EIO with a sentence when it cannot be. */
static int ical_load(struct cd_error *err)
{
    if (lib.handle)
        return 0;
    void *h = dlopen(CD_LIBICAL_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (!h)
        return cd_error_set(err, CD_EIO, "cannot load %s to write the calendar: %s",
                            CD_LIBICAL_SONAME, dlerror());
#define ICAL_LOOKUP(name)                                                                          \
    if (!(*(void **)&lib.name = dlsym(h, #name))) {                                                \
        dlclose(h);                                                                                \
        return cd_error_set(err, CD_EIO, "%s has no %s: reinstall libical", CD_LIBICAL_SONAME,     \
                            #name);                                                                \
    }
    ICAL_FUNCS(ICAL_LOOKUP)
#undef ICAL_LOOKUP
    lib.handle = h;
    return 0;
}
#define icaltimezone_get_builtin_timezone (*lib.icaltimezone_get_builtin_timezone)
#define icaltimezone_get_utc_timezone (*lib.icaltimezone_get_utc_timezone)
#define icaltimezone_get_component (*lib.icaltimezone_get_component)
#define icalcomponent_new_clone (*lib.icalcomponent_new_clone)
#define icalcomponent_get_first_property (*lib.icalcomponent_get_first_property)
#define icalproperty_set_tzid (*lib.icalproperty_set_tzid)
#define icaltimezone_truncate_vtimezone (*lib.icaltimezone_truncate_vtimezone)
#define icaltime_from_timet_with_zone (*lib.icaltime_from_timet_with_zone)
#define icalcomponent_as_ical_string_r (*lib.icalcomponent_as_ical_string_r)
#define icalcomponent_free (*lib.icalcomponent_free)

static time_t parse_utc(const char *s)
{
    time_t t = 0;
    cd_instant_parse(s, &t, NULL);
    return t;
}

/* One VTIMEZONE per zone, named by its plain IANA name and cut to the rules in force from a day
 * before the first start to a day after the last end. */
static int write_zones(struct ctx *c, struct cd_stmt *st, struct cd_store *store,
                       struct cd_error *err)
{
    int rc;
    while ((rc = cd_db_step(store, st, err)) == 1) {
        const char *tzid = cd_db_col_text(st, 0);
        if (c->nzones == MAX_ZONES)
            return cd_error_set(err, CD_EINVAL, "the appointments use more than %d time zones",
                                MAX_ZONES);
        struct zone *z = &c->zones[c->nzones++];
        snprintf(z->tzid, sizeof z->tzid, "%s", tzid);
        if (strcmp(tzid, "UTC") == 0) {
            z->tz = NULL;
            continue;
        }
        z->tz = icaltimezone_get_builtin_timezone(tzid);
        if (!z->tz)
            return cd_error_set(err, CD_EINVAL,
                                "time zone '%s' is not known on this machine (install tzdata)",
                                tzid);
        time_t first = parse_utc(cd_db_col_text(st, 1)) - 86400;
        time_t last = parse_utc(cd_db_col_text(st, 2)) + cd_db_col_int(st, 3) * 60 + 86400;
        icaltimezone *utc = icaltimezone_get_utc_timezone();
        icalcomponent *vtz = icalcomponent_new_clone(icaltimezone_get_component(z->tz));
        if (!vtz)
            return cd_error_set(err, CD_ENOMEM, "out of memory");
        /* libical names it /freeassociation.sourceforge.net/...; clients want the IANA name */
        icalproperty *p = icalcomponent_get_first_property(vtz, ICAL_TZID_PROPERTY);
        if (p)
            icalproperty_set_tzid(p, tzid);
        icaltimezone_truncate_vtimezone(vtz, icaltime_from_timet_with_zone(first, 0, utc),
                                        icaltime_from_timet_with_zone(last, 0, utc), 0);
        put_free(c, icalcomponent_as_ical_string_r(vtz));
        icalcomponent_free(vtz);
    }
    return rc < 0 ? rc : 0;
}

static const struct zone *find_zone(const struct ctx *c, const char *tzid)
{
    for (size_t i = 0; i < c->nzones; i++)
        if (strcmp(c->zones[i].tzid, tzid) == 0)
            return &c->zones[i];
    return NULL;
}

/* Append one content line NAME:VALUE to SB, the value escaped as TEXT when TEXT is set (RFC 5545
 * 3.3.11: backslash, semicolon, comma, newline), folded so that no line exceeds 75 octets and no
 * fold splits a UTF-8 sequence, ended by CRLF. Written here rather than through libical's
 * serializer: libical's per-event allocations made a 100,000-event export slower than calcurse. */
static void content_line(struct cd_strbuf *sb, const char *name, const char *value, int text)
{
    /* TEXT may not hold controls (RFC 5545 3.3.11), and an export printed meets a terminal:
     * a name from an older database with an ESC or a bidi override is written visibly */
    struct cd_strbuf safe = CD_STRBUF_INIT;
    if (text && cd_text_safe_span(value, strlen(value), CD_TEXT_MULTILINE) < strlen(value)) {
        cd_text_safe(&safe, value, strlen(value), CD_TEXT_MULTILINE);
        value = cd_strbuf_str(&safe);
    }
    /* worst case: every octet escaped to two, plus a fold (3 octets) per 37 output octets */
    size_t nlen = strlen(name), vlen = strlen(value);
    size_t cap = nlen + 1 + vlen * 2 + (nlen + 1 + vlen * 2) / 37 * 3 + 8;
    char stackbuf[2048], *out = cap <= sizeof stackbuf ? stackbuf : malloc(cap);
    if (!out) {
        cd_strbuf_addn(sb, "", 0);
        sb->oom = true;
        cd_strbuf_free(&safe);
        return;
    }
    size_t o = nlen, col = nlen + 1;
    memcpy(out, name, nlen);
    out[o++] = ':';
    for (const unsigned char *p = (const unsigned char *)value; *p;) {
        unsigned char c = *p;
        char esc = 0;
        size_t n = 1;
        if (text && (c == '\\' || c == ';' || c == ',' || c == '\n')) {
            esc = c == '\n' ? 'n' : (char)c;
            n = 2;
        } else if (text && c == '\r') {
            p++;
            continue;
        } else if (c >= 0x80) {
            cd_utf8_decode((const char *)p, strnlen((const char *)p, 4), &n); /* whole char */
        }
        if (col + n > 75) {
            out[o++] = '\r';
            out[o++] = '\n';
            out[o++] = ' ';
            col = 1;
        }
        if (esc) {
            out[o++] = '\\';
            out[o++] = esc;
            p++;
        } else {
            memcpy(out + o, p, n);
            o += n;
            p += n;
        }
        col += n;
    }
    out[o++] = '\r';
    out[o++] = '\n';
    cd_strbuf_addn(sb, out, o);
    if (out != stackbuf)
        free(out);
    cd_strbuf_free(&safe);
}

/* A parameter value: quoted when it holds a separator; DQUOTE and controls dropped. */
static void param_value(struct cd_strbuf *sb, const char *v)
{
    int quote = strpbrk(v, ",;:") != NULL;
    if (quote)
        cd_strbuf_addc(sb, '"');
    for (const unsigned char *p = (const unsigned char *)v; *p; p++)
        if (*p != '"' && *p >= 0x20 && *p != 0x7f)
            cd_strbuf_addc(sb, (char)*p);
    if (quote)
        cd_strbuf_addc(sb, '"');
}

/* DTSTART/DTEND: local time with TZID, or UTC with Z. */
static void time_line(struct cd_strbuf *sb, const char *name, const struct zone *z, int y, int mo,
                      int d, int h, int mi)
{
    char line[160];
    if (z->tz)
        snprintf(line, sizeof line, "%s;TZID=%s:%04d%02d%02dT%02d%02d00\r\n", name, z->tzid, y, mo,
                 d, h, mi);
    else
        snprintf(line, sizeof line, "%s:%04d%02d%02dT%02d%02d00Z\r\n", name, y, mo, d, h, mi);
    cd_strbuf_add(sb, line);
}

/* The wall time of instant T in zone Z: the process zone's rules when Z is the clinic zone (fast),
 * else libical's. */
static void wall_of(time_t t, const struct zone *z, int *y, int *mo, int *d, int *h, int *mi)
{
    if (!z->tz || strcmp(z->tzid, cd_clock_zone()) == 0) {
        struct tm tm;
        if (z->tz)
            localtime_r(&t, &tm);
        else
            gmtime_r(&t, &tm);
        *y = tm.tm_year + 1900;
        *mo = tm.tm_mon + 1;
        *d = tm.tm_mday;
        *h = tm.tm_hour;
        *mi = tm.tm_min;
        return;
    }
    struct icaltimetype it = icaltime_from_timet_with_zone(t, 0, z->tz);
    *y = it.year;
    *mo = it.month;
    *d = it.day;
    *h = it.hour;
    *mi = it.minute;
}

/* "YYYY-MM-DDTHH:MM" into its parts; -1 when damaged. */
static int parse_local(const char *s, int *y, int *mo, int *d, int *h, int *mi)
{
    static const int pos[] = {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15};
    int v[12];
    if (strlen(s) != 16)
        return -1;
    for (int i = 0; i < 12; i++) {
        if (s[pos[i]] < '0' || s[pos[i]] > '9')
            return -1;
        v[i] = s[pos[i]] - '0';
    }
    *y = v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3];
    *mo = v[4] * 10 + v[5];
    *d = v[6] * 10 + v[7];
    *h = v[8] * 10 + v[9];
    *mi = v[10] * 10 + v[11];
    return 0;
}

static int write_event(struct ctx *c, struct cd_stmt *st, struct cd_error *err)
{
    const char *uid = cd_db_col_text(st, 0);
    int sequence = cd_db_col_int(st, 1);
    const char *kind = cd_db_col_text(st, 2);
    const char *status = cd_db_col_text(st, 3);
    time_t start = parse_utc(cd_db_col_text(st, 4));
    const char *start_local = cd_db_col_text(st, 5);
    int duration = cd_db_col_int(st, 6);
    const char *tzid = cd_db_col_text(st, 7);
    const char *provider = cd_db_col_text(st, 8);
    const char *location = cd_db_col_text(st, 9);
    const char *given = cd_db_col_text(st, 10);
    const char *family = cd_db_col_text(st, 11);
    const struct zone *z = find_zone(c, tzid);
    if (!z)
        return cd_error_set(err, CD_EIO, "time zone '%s' changed during the export", tzid);
    const char *label = cd_appointment_kind_label(kind);
    if (!label)
        label = "Appointment";
    int cancelled = strcmp(status, "cancelled") == 0;

    struct cd_strbuf *ev = &c->event, *tmp = &c->tmp;
    cd_strbuf_reset(ev);
    cd_strbuf_reset(tmp);
    char line[160];
    cd_strbuf_add(ev, "BEGIN:VEVENT\r\n");
    content_line(ev, "UID", uid, 1);
    cd_strbuf_add(ev, c->dtstamp);
    int y, mo, d, h, mi;
    if (parse_local(start_local, &y, &mo, &d, &h, &mi))
        return cd_error_set(err, CD_EIO, "appointment %s has a damaged start '%s'", uid,
                            start_local);
    time_line(ev, "DTSTART", z, y, mo, d, h, mi);
    wall_of(start + (time_t)duration * 60, z, &y, &mo, &d, &h, &mi);
    time_line(ev, "DTEND", z, y, mo, d, h, mi);

    cd_strbuf_addf(tmp, "%s - ", label);
    if (c->o->full_names) {
        cd_strbuf_addf(tmp, "%s %s", given, family);
    } else {
        char initials[24];
        cd_text_initials(given, family, true, initials, sizeof initials);
        cd_strbuf_add(tmp, initials);
    }
    content_line(ev, "SUMMARY", cd_strbuf_str(tmp), 1);
    if (location && *location)
        content_line(ev, "LOCATION", location, 1);
    else if (strcmp(kind, "telehealth") == 0)
        content_line(ev, "LOCATION", "Telehealth", 1);
    else if (c->clinic && *c->clinic)
        content_line(ev, "LOCATION", c->clinic, 1);
    size_t summary_len = tmp->len;
    cd_strbuf_addf(tmp, "%s with %s, %d minutes.", label, provider, duration);
    if (cancelled)
        cd_strbuf_add(tmp, "\nCancelled.");
    else if (strcmp(status, "kept") == 0)
        cd_strbuf_add(tmp, "\nThe patient came.");
    else if (strcmp(status, "no_show") == 0)
        cd_strbuf_add(tmp, "\nThe patient did not come.");
    content_line(ev, "DESCRIPTION", cd_strbuf_str(tmp) + summary_len, 1);
    snprintf(line, sizeof line, "STATUS:%s\r\nSEQUENCE:%d\r\nCLASS:PRIVATE\r\n",
             cancelled ? "CANCELLED" : "CONFIRMED", sequence);
    cd_strbuf_add(ev, line);
    if (c->organizer_line)
        cd_strbuf_add(ev, c->organizer_line);
    if (!cancelled) {
        tmp->buf[summary_len] = '\0'; /* back to the summary */
        cd_strbuf_add(ev, "BEGIN:VALARM\r\nACTION:DISPLAY\r\n");
        content_line(ev, "DESCRIPTION", tmp->buf, 1);
        cd_strbuf_add(ev, c->trigger);
        cd_strbuf_add(ev, "END:VALARM\r\n");
    }
    cd_strbuf_add(ev, "END:VEVENT\r\n");
    if (ev->oom || tmp->oom)
        return cd_error_set(err, CD_ENOMEM, "out of memory");
    if (fwrite(ev->buf, 1, ev->len, c->out) != ev->len)
        c->io_failed = 1;
    return 0;
}

int cd_ical_write(struct cd_store *store, const struct cd_ical_options *o, FILE *out, size_t *count,
                  struct cd_error *err)
{
    char from[CD_INSTANT_LEN], to[CD_INSTANT_LEN];
    int64_t patient;
    size_t n = 0;
    if (count)
        *count = 0;
    int rc = cd_appointment_filter_bounds(store, &o->filter, from, to, &patient, err);
    if (!rc)
        rc = ical_load(err);
    if (rc)
        return rc;
    struct ctx c = {.out = out, .o = o};
    char *organizer = NULL;
    if ((rc = cd_settings_get(store, "organizer", &organizer, err)) ||
        (rc = cd_settings_get(store, "clinic_name", &c.clinic, err))) {
        free(organizer);
        free(c.clinic);
        return rc;
    }
    if (organizer && *organizer) {
        c.organizer = organizer;
        struct cd_strbuf name = CD_STRBUF_INIT, org = CD_STRBUF_INIT;
        cd_strbuf_add(&name, "ORGANIZER");
        if (c.clinic && *c.clinic) {
            cd_strbuf_add(&name, ";CN=");
            param_value(&name, c.clinic);
        }
        content_line(&org, cd_strbuf_str(&name), organizer, 0);
        cd_strbuf_free(&name);
        c.organizer_line = cd_strbuf_take(&org);
    }
    struct tm now;
    time_t t = cd_clock_now();
    gmtime_r(&t, &now);
    snprintf(c.dtstamp, sizeof c.dtstamp, "DTSTAMP:%04d%02d%02dT%02d%02d%02dZ\r\n",
             (now.tm_year + 1900) % 10000, now.tm_mon + 1, now.tm_mday, now.tm_hour, now.tm_min,
             now.tm_sec);
    snprintf(c.trigger, sizeof c.trigger, "TRIGGER:-PT%dM\r\n",
             o->alarm_minutes > 0 ? o->alarm_minutes : 30);

    put(&c, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//caredesk//caredesk " PACKAGE_VERSION
            "//EN\r\nCALSCALE:GREGORIAN\r\n");
    if (c.organizer) /* RFC 5546: PUBLISH needs an ORGANIZER in every event */
        put(&c, "METHOD:PUBLISH\r\n");
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(store, SQL_ZONES, &st, err))) {
        goto done;
    }
    bind_filter(st, from, to, patient, o->filter.provider);
    rc = write_zones(&c, st, store, err);
    cd_db_done(st);
    if (rc)
        goto done;
    if ((rc = cd_db_stmt(store, SQL_EVENTS, &st, err)))
        goto done;
    bind_filter(st, from, to, patient, o->filter.provider);
    while (!c.io_failed && (rc = cd_db_step(store, st, err)) == 1) {
        if ((rc = write_event(&c, st, err)))
            break;
        n++;
    }
    cd_db_done(st);
    if (rc < 0)
        goto done;
    rc = 0;
    put(&c, "END:VCALENDAR\r\n");
    if (fflush(out) != 0 || ferror(out))
        c.io_failed = 1;
    if (c.io_failed)
        rc = cd_error_set(err, CD_EIO, "writing the calendar failed: %s", strerror(errno));
    if (!rc) { /* one audit entry for the whole export, however many appointments */
        char detail[64];
        snprintf(detail, sizeof detail, "%zu appointment%s as iCalendar", n, n == 1 ? "" : "s");
        rc = cd_audit_access(store, "appointment", patient, "export", detail, err);
    }
done:
    free(organizer);
    free(c.clinic);
    free(c.organizer_line);
    cd_strbuf_free(&c.event);
    cd_strbuf_free(&c.tmp);
    if (!rc && count)
        *count = n;
    return rc;
}

int cd_ical_export_file(struct cd_store *store, const struct cd_ical_options *o, const char *path,
                        unsigned flags, size_t *count, struct cd_error *err)
{
    struct cd_safefile sf;
    int rc = cd_safefile_open(&sf, path, flags, cd_store_team_gid(store), err);
    if (rc)
        return rc;
    if ((rc = cd_ical_write(store, o, sf.f, count, err))) {
        cd_safefile_abort(&sf);
    } else if ((rc = cd_safefile_commit(&sf, err))) {
        if (count)
            *count = 0;
    }
    return rc;
}
