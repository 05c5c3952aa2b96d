/* SPDX-License-Identifier: MIT */
/* Clinic settings: validation per key, storage in the settings table. */
#include "config.h"
#include "core/store/settings.h"

#include <stdlib.h>
#include <string.h>

#include "core/base/clock.h"
#include "core/base/strbuf.h"
#include "core/base/text.h"
#include "core/store/audit.h"
#include "core/store/db.h"

const char *const cd_settings_keys[] = {
    "clinic_name",  "timezone",          "extra_holidays",  "organizer",
    "idle_minutes", "timer_max_minutes", "day_max_minutes", NULL};

/* The whole-minute settings and their ranges. */
static const struct {
    const char *key;
    long lo, hi;
} minute_keys[] = {
    {"idle_minutes", 1, 240},
    {"timer_max_minutes", 1, 720},
    {"day_max_minutes", 1, 1440},
};

static const char SQL_GET[] = "SELECT value FROM settings WHERE key = :key";
static const char SQL_SET[] = "INSERT INTO settings(key, value) VALUES (:key, :value) "
                              "ON CONFLICT(key) DO UPDATE SET value = excluded.value";

static int known(const char *key)
{
    for (int i = 0; cd_settings_keys[i]; i++)
        if (strcmp(cd_settings_keys[i], key) == 0)
            return 1;
    return 0;
}

static int unknown_key(const char *key, struct cd_error *err)
{
    struct cd_strbuf known = CD_STRBUF_INIT;
    for (int i = 0; cd_settings_keys[i]; i++)
        cd_strbuf_addf(&known, "%s%s", i ? ", " : "", cd_settings_keys[i]);
    cd_error_set(err, CD_EINVAL, "unknown setting '%s' (known: %s)", key, cd_strbuf_str(&known));
    cd_strbuf_free(&known);
    return CD_EINVAL;
}

int cd_settings_get(struct cd_store *store, const char *key, char **out, struct cd_error *err)
{
    int rc;
    *out = NULL;
    if (!known(key))
        return unknown_key(key, err);
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(store, SQL_GET, &st, err)))
        return rc;
    cd_db_bind_text(st, ":key", key);
    rc = cd_db_step(store, st, err);
    if (rc == 1)
        *out = cd_db_col_dup(st, 0);
    cd_db_done(st);
    if (rc < 0)
        return rc;
    if (!*out && !(*out = cd_strdup("")))
        return cd_error_set(err, CD_ENOMEM, "out of memory");
    return 0;
}

long cd_settings_get_long(struct cd_store *store, const char *key, long def)
{
    char *v = NULL;
    long n = def;
    if (cd_settings_get(store, key, &v, NULL) == 0 && v && *v) {
        char *end;
        long x = strtol(v, &end, 10);
        if (*end == '\0')
            n = x;
    }
    free(v);
    return n;
}

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

/* Parse a comma/space separated list of dates into sorted, unique day numbers. */
static int parse_days(const char *value, int **days, size_t *n, struct cd_error *err)
{
    *days = NULL;
    *n = 0;
    size_t cap = 0;
    const char *p = value;
    while (p && *p) {
        while (*p == ',' || *p == ' ')
            p++;
        if (!*p)
            break;
        size_t len = strcspn(p, ", ");
        char tok[32];
        if (len >= sizeof tok) {
            free(*days);
            *days = NULL;
            return cd_error_set(err, CD_EINVAL, "extra_holidays: '%.*s' is not a date", (int)len,
                                p);
        }
        memcpy(tok, p, len);
        tok[len] = '\0';
        int day;
        int rc = cd_date_parse(tok, &day, err);
        if (rc) {
            free(*days);
            *days = NULL;
            return cd_error_prefix(err, rc, "extra_holidays: ");
        }
        if (*n == cap) {
            cap = cap ? cap * 2 : 8;
            int *d = realloc(*days, cap * sizeof *d);
            if (!d) {
                free(*days);
                *days = NULL;
                return cd_error_set(err, CD_ENOMEM, "out of memory");
            }
            *days = d;
        }
        (*days)[(*n)++] = day;
        p += len;
    }
    if (*n)
        qsort(*days, *n, sizeof **days, cmp_int);
    size_t w = 0;
    for (size_t i = 0; i < *n; i++)
        if (w == 0 || (*days)[w - 1] != (*days)[i])
            (*days)[w++] = (*days)[i];
    *n = w;
    return 0;
}

int cd_settings_extra_holidays(struct cd_store *store, int **days, size_t *n, struct cd_error *err)
{
    char *v = NULL;
    int rc = cd_settings_get(store, "extra_holidays", &v, err);
    if (!rc)
        rc = parse_days(v, days, n, err);
    free(v);
    return rc;
}

static int normalise(const char *key, const char *value, struct cd_strbuf *out,
                     struct cd_error *err)
{
    const char *why;
    if (strcmp(key, "clinic_name") == 0) {
        if ((why = cd_text_check(value, 200, true)))
            return cd_error_set(err, CD_EINVAL, "clinic_name %s", why);
        return cd_strbuf_add(out, value);
    }
    if (strcmp(key, "timezone") == 0) {
        if (!cd_clock_zone_valid(value))
            return cd_error_set(err, CD_EINVAL,
                                "timezone: unknown time zone '%s' (use an IANA name such as "
                                "America/New_York)",
                                value);
        return cd_strbuf_add(out, value);
    }
    if (strcmp(key, "extra_holidays") == 0) {
        int *days;
        size_t n;
        int rc = parse_days(value, &days, &n, err);
        if (rc)
            return rc;
        for (size_t i = 0; i < n; i++) {
            char d[CD_DATE_LEN];
            cd_strbuf_addf(out, "%s%s", i ? "," : "", cd_date_format(days[i], d));
        }
        free(days);
        return 0;
    }
    if (strcmp(key, "organizer") == 0) {
        if (!*value)
            return 0;
        const char *addr = strncmp(value, "mailto:", 7) == 0 ? value + 7 : value;
        const char *at = strchr(addr, '@');
        if ((why = cd_text_check(value, 200, true)) || !at || at == addr || !at[1] ||
            strchr(addr, ' '))
            return cd_error_set(err, CD_EINVAL,
                                "organizer: '%s' is not an e-mail address (e.g. "
                                "scheduling@clinic.example)",
                                value);
        return cd_strbuf_addf(out, "mailto:%s", addr);
    }
    for (size_t i = 0; i < sizeof minute_keys / sizeof minute_keys[0]; i++) {
        if (strcmp(key, minute_keys[i].key))
            continue;
        char *end;
        long n = strtol(value, &end, 10);
        if (!*value || *end || n < minute_keys[i].lo || n > minute_keys[i].hi)
            return cd_error_set(err, CD_EINVAL,
                                "%s: '%s' is not a whole number of minutes from %ld to %ld", key,
                                value, minute_keys[i].lo, minute_keys[i].hi);
        return cd_strbuf_addf(out, "%ld", n);
    }
    return unknown_key(key, err);
}

int cd_settings_set(struct cd_store *store, const char *key, const char *value,
                    struct cd_error *err)
{
    if (!known(key))
        return unknown_key(key, err);
    struct cd_strbuf norm = CD_STRBUF_INIT;
    int rc = normalise(key, value ? value : "", &norm, err);
    if (rc) {
        cd_strbuf_free(&norm);
        return rc;
    }
    if ((rc = cd_store_begin(store, err))) {
        cd_strbuf_free(&norm);
        return rc;
    }
    struct cd_stmt *st;
    rc = cd_db_stmt(store, SQL_SET, &st, err);
    if (!rc) {
        cd_db_bind_text(st, ":key", key);
        cd_db_bind_text(st, ":value", cd_strbuf_str(&norm));
        rc = cd_db_exec(store, st, err);
        cd_db_done(st);
    }
    if (!rc) {
        struct cd_strbuf detail = CD_STRBUF_INIT;
        cd_strbuf_addf(&detail, "%s=%s", key, cd_strbuf_str(&norm));
        rc = cd_audit_log(store, "settings", 0, "set", cd_strbuf_str(&detail), err);
        cd_strbuf_free(&detail);
    }
    rc = cd_store_finish(store, rc, err);
    if (!rc && strcmp(key, "timezone") == 0)
        rc = cd_clock_set_zone(cd_strbuf_str(&norm), err);
    cd_strbuf_free(&norm);
    return rc;
}

int cd_settings_list(struct cd_store *store, struct cd_page *page, struct cd_error *err)
{
    static const char *const cols[] = {"key", "value"};
    if (cd_page_set_columns(page, 2, cols))
        return cd_error_set(err, CD_ENOMEM, "out of memory");
    for (int i = 0; cd_settings_keys[i]; i++) {
        char *v = NULL;
        int rc = cd_settings_get(store, cd_settings_keys[i], &v, err);
        if (rc)
            return rc;
        const char *row[] = {cd_settings_keys[i], v};
        rc = cd_page_add_row(page, row);
        free(v);
        if (rc)
            return cd_error_set(err, CD_ENOMEM, "out of memory");
    }
    return 0;
}
