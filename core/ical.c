/* SPDX-License-Identifier: MIT */
/* iCalendar export with libical, streamed: header and truncated VTIMEZONEs once, then each VEVENT
 * is built, serialized (libical escapes, folds and writes CRLF), written and freed. */
#include "config.h"
#include "core/ical.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libical/ical.h>

#include "core/clock.h"
#include "core/db.h"
#include "core/settings.h"
#include "core/strbuf.h"

#define FILTER_SQL                                                                                 \
    "WHERE (:from = '' OR a.start_at >= :from) AND (:to = '' OR a.start_at < :to) "                \
    "AND (:patient = 0 OR a.patient_id = :patient) "                                               \
    "AND (:provider IS NULL OR a.provider = :provider) "

static const char SQL_ZONES[] =
    "SELECT a.tzid, min(a.start_at), max(a.start_at), max(a.duration_min) FROM appointments a " FILTER_SQL
    "GROUP BY a.tzid ORDER BY a.tzid";
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
    struct icaltimetype stamp;
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

static void bind_filter(sqlite3_stmt *st, const char *from, const char *to, int64_t patient,
                        const char *provider)
{
    cd_db_bind_text(st, ":from", from);
    cd_db_bind_text(st, ":to", to);
    cd_db_bind_int(st, ":patient", patient);
    cd_db_bind_opt(st, ":provider", provider);
}

static time_t parse_utc(const char *s)
{
    time_t t = 0;
    cd_instant_parse(s, &t, NULL);
    return t;
}

/* One VTIMEZONE per zone, named by its plain IANA name and cut to the rules in force from a day
 * before the first start to a day after the last end. */
static int write_zones(struct ctx *c, sqlite3_stmt *st, struct cd_store *store,
                       struct cd_error *err)
{
    int rc;
    while ((rc = cd_db_step(store, st, err)) == 1) {
        const char *tzid = (const char *)sqlite3_column_text(st, 0);
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
        time_t first = parse_utc((const char *)sqlite3_column_text(st, 1)) - 86400;
        time_t last = parse_utc((const char *)sqlite3_column_text(st, 2)) +
                      sqlite3_column_int(st, 3) * 60 + 86400;
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

/* The first character of S (one UTF-8 sequence), upper-cased when ASCII. */
static void add_initial(struct cd_strbuf *sb, const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    if (!*u)
        return;
    size_t n = *u < 0x80 ? 1 : (*u & 0xe0) == 0xc0 ? 2 : (*u & 0xf0) == 0xe0 ? 3 : 4;
    if (n == 1)
        cd_strbuf_addc(sb, (char)(*u >= 'a' && *u <= 'z' ? *u - 32 : *u));
    else
        cd_strbuf_addn(sb, s, strnlen(s, n));
    cd_strbuf_addc(sb, '.');
}

/* A wall time in ZONE (NULL = UTC) as an icaltime carrying that zone. */
static struct icaltimetype local_time(const char *local, const struct zone *z)
{
    struct icaltimetype t = icaltime_null_time();
    sscanf(local, "%4d-%2d-%2dT%2d:%2d", &t.year, &t.month, &t.day, &t.hour, &t.minute);
    t.is_date = 0;
    return icaltime_set_timezone(&t, z->tz ? z->tz : icaltimezone_get_utc_timezone());
}

static icalproperty *with_tzid(icalproperty *p, const struct zone *z)
{
    if (z->tz)
        icalproperty_add_parameter(p, icalparameter_new_tzid(z->tzid));
    return p;
}

static int write_event(struct ctx *c, sqlite3_stmt *st, struct cd_error *err)
{
    const char *uid = (const char *)sqlite3_column_text(st, 0);
    int sequence = sqlite3_column_int(st, 1);
    const char *kind = (const char *)sqlite3_column_text(st, 2);
    const char *status = (const char *)sqlite3_column_text(st, 3);
    time_t start = parse_utc((const char *)sqlite3_column_text(st, 4));
    const char *start_local = (const char *)sqlite3_column_text(st, 5);
    int duration = sqlite3_column_int(st, 6);
    const char *tzid = (const char *)sqlite3_column_text(st, 7);
    const char *provider = (const char *)sqlite3_column_text(st, 8);
    const char *location = (const char *)sqlite3_column_text(st, 9);
    const char *given = (const char *)sqlite3_column_text(st, 10);
    const char *family = (const char *)sqlite3_column_text(st, 11);
    const struct zone *z = find_zone(c, tzid);
    if (!z)
        return cd_error_set(err, CD_EIO, "time zone '%s' changed during the export", tzid);
    const char *label = cd_appointment_kind_label(kind);
    int cancelled = strcmp(status, "cancelled") == 0;

    struct cd_strbuf summary = CD_STRBUF_INIT, desc = CD_STRBUF_INIT;
    cd_strbuf_addf(&summary, "%s - ", label ? label : "Appointment");
    if (c->o->full_names) {
        cd_strbuf_addf(&summary, "%s %s", given, family);
    } else {
        add_initial(&summary, given);
        add_initial(&summary, family);
    }
    cd_strbuf_addf(&desc, "%s with %s, %d minutes.", label ? label : "Appointment", provider,
                   duration);
    if (cancelled)
        cd_strbuf_add(&desc, "\nCancelled.");
    else if (strcmp(status, "kept") == 0)
        cd_strbuf_add(&desc, "\nThe patient came.");
    else if (strcmp(status, "no_show") == 0)
        cd_strbuf_add(&desc, "\nThe patient did not come.");
    if (summary.oom || desc.oom) {
        cd_strbuf_free(&summary);
        cd_strbuf_free(&desc);
        return cd_error_set(err, CD_ENOMEM, "out of memory");
    }

    icaltimezone *utc = icaltimezone_get_utc_timezone();
    struct icaltimetype dtstart = local_time(start_local, z);
    struct icaltimetype dtend =
        icaltime_from_timet_with_zone(start + (time_t)duration * 60, 0, z->tz ? z->tz : utc);
    dtend = icaltime_set_timezone(&dtend, z->tz ? z->tz : utc);

    icalcomponent *ev = icalcomponent_new_vevent();
    icalcomponent_add_property(ev, icalproperty_new_uid(uid));
    icalcomponent_add_property(ev, icalproperty_new_dtstamp(c->stamp));
    icalcomponent_add_property(ev, with_tzid(icalproperty_new_dtstart(dtstart), z));
    icalcomponent_add_property(ev, with_tzid(icalproperty_new_dtend(dtend), z));
    icalcomponent_add_property(ev, icalproperty_new_summary(cd_strbuf_str(&summary)));
    if (location && *location)
        icalcomponent_add_property(ev, icalproperty_new_location(location));
    else if (strcmp(kind, "telehealth") == 0)
        icalcomponent_add_property(ev, icalproperty_new_location("Telehealth"));
    else if (c->clinic && *c->clinic)
        icalcomponent_add_property(ev, icalproperty_new_location(c->clinic));
    icalcomponent_add_property(ev, icalproperty_new_description(cd_strbuf_str(&desc)));
    icalcomponent_add_property(
        ev, icalproperty_new_status(cancelled ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED));
    icalcomponent_add_property(ev, icalproperty_new_sequence(sequence));
    icalcomponent_add_property(ev, icalproperty_new_class(ICAL_CLASS_PRIVATE));
    if (c->organizer) {
        icalproperty *org = icalproperty_new_organizer(c->organizer);
        if (c->clinic && *c->clinic)
            icalproperty_add_parameter(org, icalparameter_new_cn(c->clinic));
        icalcomponent_add_property(ev, org);
    }
    if (!cancelled) {
        icalcomponent *al = icalcomponent_new_valarm();
        icalcomponent_add_property(al, icalproperty_new_action(ICAL_ACTION_DISPLAY));
        icalcomponent_add_property(al, icalproperty_new_description(cd_strbuf_str(&summary)));
        int minutes = c->o->alarm_minutes > 0 ? c->o->alarm_minutes : 30;
        struct icaltriggertype trg = {icaltime_null_time(),
                                      icaldurationtype_from_int(-60 * minutes)};
        icalcomponent_add_property(al, icalproperty_new_trigger(trg));
        icalcomponent_add_component(ev, al);
    }
    put_free(c, icalcomponent_as_ical_string_r(ev));
    icalcomponent_free(ev);
    cd_strbuf_free(&summary);
    cd_strbuf_free(&desc);
    return 0;
}

int cd_ical_write(struct cd_store *store, const struct cd_ical_options *o, FILE *out,
                  size_t *count, struct cd_error *err)
{
    char from[CD_INSTANT_LEN], to[CD_INSTANT_LEN];
    int64_t patient;
    size_t n = 0;
    if (count)
        *count = 0;
    int rc = cd_appointment_filter_bounds(store, &o->filter, from, to, &patient, err);
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
    if (organizer && *organizer)
        c.organizer = organizer;
    c.stamp = icaltime_from_timet_with_zone(cd_clock_now(), 0, icaltimezone_get_utc_timezone());

    put(&c, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//caredesk//caredesk " PACKAGE_VERSION
            "//EN\r\nCALSCALE:GREGORIAN\r\n");
    if (c.organizer) /* RFC 5546: PUBLISH needs an ORGANIZER in every event */
        put(&c, "METHOD:PUBLISH\r\n");
    sqlite3_stmt *st = cd_db_stmt(store, SQL_ZONES, err);
    if (!st) {
        rc = err ? err->code : CD_EIO;
        goto done;
    }
    bind_filter(st, from, to, patient, o->filter.provider);
    rc = write_zones(&c, st, store, err);
    cd_db_done(st);
    if (rc)
        goto done;
    st = cd_db_stmt(store, SQL_EVENTS, err);
    if (!st) {
        rc = err ? err->code : CD_EIO;
        goto done;
    }
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
done:
    free(organizer);
    free(c.clinic);
    if (!rc && count)
        *count = n;
    return rc;
}

int cd_ical_export_file(struct cd_store *store, const struct cd_ical_options *o, const char *path,
                        size_t *count, struct cd_error *err)
{
    struct cd_strbuf tmp = CD_STRBUF_INIT;
    cd_strbuf_addf(&tmp, "%s.XXXXXX", path);
    if (tmp.oom)
        return cd_error_set(err, CD_ENOMEM, "out of memory");
    char *name = tmp.buf;
    int fd = mkstemp(name);
    if (fd < 0) {
        int rc = cd_error_set(err, CD_EIO, "%s: cannot create the file: %s", path, strerror(errno));
        cd_strbuf_free(&tmp);
        return rc;
    }
    FILE *f = fdopen(fd, "wb");
    if (!f) {
        close(fd);
        unlink(name);
        cd_strbuf_free(&tmp);
        return cd_error_set(err, CD_ENOMEM, "out of memory");
    }
    int rc = cd_ical_write(store, o, f, count, err);
    if (!rc && fsync(fileno(f)) != 0)
        rc = cd_error_set(err, CD_EIO, "%s: cannot write the file: %s", path, strerror(errno));
    if (fclose(f) != 0 && !rc)
        rc = cd_error_set(err, CD_EIO, "%s: cannot write the file: %s", path, strerror(errno));
    if (!rc && rename(name, path) != 0)
        rc = cd_error_set(err, CD_EIO, "%s: cannot replace the file: %s", path, strerror(errno));
    if (rc) {
        unlink(name);
        if (count)
            *count = 0;
    }
    cd_strbuf_free(&tmp);
    return rc;
}
