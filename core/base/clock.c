/* SPDX-License-Identifier: MIT */
/* The clock, the clinic zone (the process TZ, checked against the system's tzdata), and day
 * numbers. */
#include "config.h"
#include "core/base/clock.h"

#include <ctype.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static time_t clock_offset;          /* the instant the clock was set to */
static struct timespec clock_anchor; /* the real time it was set at */
static bool clock_fixed;
static char zone_name[128] = "UTC";

bool cd_clock_zone_valid(const char *iana)
{
    if (!iana || !*iana || strlen(iana) >= sizeof zone_name || strstr(iana, ".."))
        return false;
    if (strcmp(iana, "UTC") == 0)
        return true;
    if (iana[0] == '/' || iana[0] == '.')
        return false;
    /* the system's tzdata, which libical reads too: a TZif file named by the zone */
    const char *dir = getenv("TZDIR");
    char path[512], magic[4];
    snprintf(path, sizeof path, "%s/%s", dir && *dir == '/' ? dir : "/usr/share/zoneinfo", iana);
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0)
        return false;
    struct stat st;
    bool ok = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && read(fd, magic, 4) == 4 &&
              memcmp(magic, "TZif", 4) == 0;
    close(fd);
    return ok;
}

int cd_clock_set_zone(const char *iana, struct cd_error *err)
{
    if (!cd_clock_zone_valid(iana))
        return cd_error_set(err, CD_EINVAL,
                            "unknown time zone '%s' (use an IANA name such as "
                            "America/New_York)",
                            iana ? iana : "");
    const char *tz = getenv("TZ");
    /* unchanged: write nothing, so a second store opens while another thread reads the zone */
    if (strcmp(zone_name, iana) == 0 && tz && strcmp(tz, iana) == 0)
        return 0;
    snprintf(zone_name, sizeof zone_name, "%s", iana);
    setenv("TZ", zone_name, 1);
    tzset();
    return 0;
}

const char *cd_clock_zone(void)
{
    return zone_name;
}

const char *cd_clock_system_zone(void)
{
    static char buf[128];
    const char *tz = getenv("TZ");
    if (tz && *tz) {
        if (*tz == ':')
            tz++;
        if (cd_clock_zone_valid(tz)) {
            snprintf(buf, sizeof buf, "%s", tz);
            return buf;
        }
    }
    char link[PATH_MAX];
    ssize_t n = readlink("/etc/localtime", link, sizeof link - 1);
    if (n > 0) {
        link[n] = '\0';
        const char *p = strstr(link, "zoneinfo/");
        if (p && cd_clock_zone_valid(p + 9)) {
            snprintf(buf, sizeof buf, "%s", p + 9);
            return buf;
        }
    }
    FILE *f = fopen("/etc/timezone", "r");
    if (f) {
        if (fgets(buf, sizeof buf, f)) {
            buf[strcspn(buf, "\r\n ")] = '\0';
            fclose(f);
            if (cd_clock_zone_valid(buf))
                return buf;
        } else {
            fclose(f);
        }
    }
    return "UTC";
}

void cd_clock_set(time_t t)
{
    /* Anchored to the sub-second real time, so a clock set to T reads exactly T for a whole
     * second: a command run with --now is deterministic. */
    clock_gettime(CLOCK_REALTIME, &clock_anchor);
    clock_offset = t;
    clock_fixed = true;
}

time_t cd_clock_now(void)
{
    if (!clock_fixed)
        return time(NULL);
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    long long ns = (long long)(now.tv_sec - clock_anchor.tv_sec) * 1000000000LL +
                   (now.tv_nsec - clock_anchor.tv_nsec);
    long long s = ns >= 0 ? ns / 1000000000LL : -((-ns + 999999999LL) / 1000000000LL);
    return clock_offset + (time_t)s;
}

int cd_clock_today(void)
{
    return cd_instant_local_day(cd_clock_now());
}

/* Howard Hinnant's days-from-civil, proleptic Gregorian. */
int cd_date_from_ymd(int y, int m, int d)
{
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (unsigned)((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (int)doe - 719468;
}

void cd_date_to_ymd(int day, int *y, int *m, int *d)
{
    int z = day + 719468;
    int era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int yy = (int)yoe + era * 400;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    unsigned dd = doy - (153 * mp + 2) / 5 + 1;
    unsigned mm = mp < 10 ? mp + 3 : mp - 9;
    *y = yy + (mm <= 2);
    *m = (int)mm;
    *d = (int)dd;
}

int cd_date_weekday(int day)
{
    int w = (day + 4) % 7; /* 1970-01-01 was a Thursday */
    return w < 0 ? w + 7 : w;
}

int cd_date_days_in_month(int y, int m)
{
    static const int dim[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return (m >= 1 && m <= 12) ? dim[m - 1] : 0;
}

static int digits(const char *s, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (!isdigit((unsigned char)s[i]))
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return 0;
}

int cd_date_parse(const char *s, int *day, struct cd_error *err)
{
    int y, m, d;
    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-' || digits(s, 4, &y) ||
        digits(s + 5, 2, &m) || digits(s + 8, 2, &d))
        return cd_error_set(err, CD_EINVAL, "'%s' is not a date (expected YYYY-MM-DD)", s ? s : "");
    if (m < 1 || m > 12 || d < 1 || d > cd_date_days_in_month(y, m))
        return cd_error_set(err, CD_EINVAL, "'%s' is not a real calendar date", s);
    *day = cd_date_from_ymd(y, m, d);
    return 0;
}

char *cd_date_format(int day, char *out)
{
    int y, m, d;
    cd_date_to_ymd(day, &y, &m, &d);
    char buf[48];
    snprintf(buf, sizeof buf, "%04d-%02d-%02d", y % 10000, m, d);
    memcpy(out, buf, CD_DATE_LEN - 1);
    out[CD_DATE_LEN - 1] = '\0';
    return out;
}

int cd_date_age(int birth, int on)
{
    int by, bm, bd, y, m, d;
    cd_date_to_ymd(birth, &by, &bm, &bd);
    cd_date_to_ymd(on, &y, &m, &d);
    int age = y - by;
    if (m < bm || (m == bm && d < bd))
        age--;
    return age;
}

char *cd_instant_format(time_t t, char *out)
{
    struct tm tm;
    gmtime_r(&t, &tm);
    char buf[96];
    snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", (tm.tm_year + 1900) % 10000,
             tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
    memcpy(out, buf, CD_INSTANT_LEN - 1);
    out[CD_INSTANT_LEN - 1] = '\0';
    return out;
}

void cd_instant_local_tm(time_t t, struct tm *out)
{
    localtime_r(&t, out);
}

char *cd_instant_format_local(time_t t, char *out)
{
    struct tm tm;
    localtime_r(&t, &tm);
    char buf[96];
    snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d", (tm.tm_year + 1900) % 10000,
             tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min);
    memcpy(out, buf, 16);
    out[16] = '\0';
    return out;
}

int cd_instant_local_day(time_t t)
{
    struct tm tm;
    localtime_r(&t, &tm);
    return cd_date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

time_t cd_local_to_instant(int day, int h, int m, int s)
{
    int y, mo, d;
    cd_date_to_ymd(day, &y, &mo, &d);
    struct tm tm = {0};
    tm.tm_year = y - 1900;
    tm.tm_mon = mo - 1;
    tm.tm_mday = d;
    tm.tm_hour = h;
    tm.tm_min = m;
    tm.tm_sec = s;
    tm.tm_isdst = -1;
    return mktime(&tm);
}

int cd_instant_parse(const char *s, time_t *out, struct cd_error *err)
{
    char date[CD_DATE_LEN];
    int day, h = 0, mi = 0, sec = 0;
    if (!s || strlen(s) < 10)
        goto bad;
    memcpy(date, s, 10);
    date[10] = '\0';
    if (cd_date_parse(date, &day, NULL))
        goto bad;
    const char *p = s + 10;
    if (*p == '\0') {
        *out = cd_local_to_instant(day, 0, 0, 0);
        return 0;
    }
    if (*p != 'T' && *p != ' ')
        goto bad;
    p++;
    if (digits(p, 2, &h) || p[2] != ':' || digits(p + 3, 2, &mi))
        goto bad;
    p += 5;
    if (*p == ':') {
        if (digits(p + 1, 2, &sec))
            goto bad;
        p += 3;
        if (*p == '.') /* fractions of a second are dropped */
            for (p++; isdigit((unsigned char)*p); p++)
                ;
    }
    if (h > 23 || mi > 59 || sec > 60)
        goto bad;
    if (*p == '\0') {
        *out = cd_local_to_instant(day, h, mi, sec);
        return 0;
    }
    long offset = 0;
    if (*p == 'Z' && p[1] == '\0') {
        offset = 0;
    } else if (*p == '+' || *p == '-') {
        int oh, om;
        const char *q = p + 1;
        if (digits(q, 2, &oh))
            goto bad;
        q += 2;
        if (*q == ':')
            q++;
        if (digits(q, 2, &om) || q[2] != '\0' || oh > 14 || om > 59)
            goto bad;
        offset = (oh * 3600L + om * 60L) * (*p == '-' ? -1 : 1);
    } else {
        goto bad;
    }
    *out = (time_t)day * 86400 + h * 3600 + mi * 60 + sec - offset;
    return 0;
bad:
    return cd_error_set(err, CD_EINVAL,
                        "'%s' is not a date and time (expected YYYY-MM-DD[THH:MM[:SS][Z|+HH:MM]])",
                        s ? s : "");
}
