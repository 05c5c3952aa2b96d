/* SPDX-License-Identifier: MIT */
/* Unit tests of core/settings: each key's validation and normalisation. */
#include "config.h"

#include "core/store/settings.h"
#include "tests/lib/tap.h"
#include "tests/lib/testdb.h"

static void check(struct cd_store *store, const char *key, const char *value, int want_rc,
                  const char *want)
{
    struct cd_error err = {0};
    int rc = cd_settings_set(store, key, value, &err);
    is_int(rc, want_rc, "set %s='%s'", key, value);
    if (rc == 0) {
        char *v = NULL;
        cd_settings_get(store, key, &v, NULL);
        is_str(v, want, "%s stored as '%s'", key, want);
        free(v);
    } else {
        is_str(err.msg, want, "%s error message", key);
    }
}

int main(void)
{
    struct cd_store *store = testdb_open("America/Chicago", "2026-11-02T09:00");
    check(store, "timezone", "Europe/Paris", 0, "Europe/Paris");
    is_str(cd_clock_zone(), "Europe/Paris", "new zone applies at once");
    check(store, "timezone", "Mars/Olympus", CD_EINVAL,
          "timezone: unknown time zone 'Mars/Olympus' (use an IANA name such as "
          "America/New_York)");
    check(store, "clinic_name", "Clínica Norte", 0, "Clínica Norte");
    check(store, "clinic_name", "", CD_EINVAL, "clinic_name is empty");
    check(store, "extra_holidays", "2026-12-24, 2025-12-26,2026-12-24", 0, "2025-12-26,2026-12-24");
    check(store, "extra_holidays", "2026-12-32", CD_EINVAL,
          "extra_holidays: '2026-12-32' is not a real calendar date");
    check(store, "organizer", "sched@clinic.example", 0, "mailto:sched@clinic.example");
    check(store, "organizer", "nobody", CD_EINVAL,
          "organizer: 'nobody' is not an e-mail address (e.g. scheduling@clinic.example)");
    check(store, "idle_minutes", "15", 0, "15");
    check(store, "idle_minutes", "0", CD_EINVAL,
          "idle_minutes: '0' is not a whole number of minutes from 1 to 240");
    check(store, "timer_max_minutes", "180", 0, "180");
    check(store, "timer_max_minutes", "721", CD_EINVAL,
          "timer_max_minutes: '721' is not a whole number of minutes from 1 to 720");
    check(store, "timer_max_minutes", "4h", CD_EINVAL,
          "timer_max_minutes: '4h' is not a whole number of minutes from 1 to 720");
    check(store, "day_max_minutes", "90", 0, "90");
    check(store, "day_max_minutes", "0", CD_EINVAL,
          "day_max_minutes: '0' is not a whole number of minutes from 1 to 1440");
    check(store, "day_max_minutes", "", CD_EINVAL,
          "day_max_minutes: '' is not a whole number of minutes from 1 to 1440");
    check(store, "colour", "red", CD_EINVAL,
          "unknown setting 'colour' (known: clinic_name, timezone, extra_holidays, organizer, "
          "idle_minutes, timer_max_minutes, day_max_minutes)");
    is_int(cd_settings_get_long(store, "idle_minutes", 10), 15, "integer read");

    int *days = NULL;
    size_t n = 0;
    is_int(cd_settings_extra_holidays(store, &days, &n, NULL), 0, "holidays read");
    is_int(n, 2, "two holidays");
    is_int(n == 2 ? days[1] : 0, cd_date_from_ymd(2026, 12, 24), "sorted");
    free(days);

    struct cd_page page = CD_PAGE_INIT;
    cd_settings_list(store, &page, NULL);
    is_int(page.nrows, 7, "seven settings listed");
    is_str(cd_page_get(&page, 5, 0), "timer_max_minutes", "the timer's maximum is listed");
    is_str(cd_page_get(&page, 6, 1), "90", "the day's limit as set");
    is_str(cd_page_get(&page, 0, 1), "Clínica Norte", "first is the clinic name");
    cd_page_free(&page);
    cd_store_close(store);
    return done_testing();
}
