/* SPDX-License-Identifier: MIT */
/* Clinic settings: clinic name, time zone, extra holidays, organizer address, and the time
 * limits (idle minutes, a running timer's maximum, a day's minutes per patient and program). */
#ifndef CD_CORE_STORE_SETTINGS_H
#define CD_CORE_STORE_SETTINGS_H

#include "core/base/error.h"
#include "core/base/page.h"
#include "core/store/store.h"

/* The known keys, NULL-terminated (static). */
extern const char *const cd_settings_keys[];

/* The value of KEY (caller frees *OUT). CD_EINVAL for an unknown key. */
int cd_settings_get(struct cd_store *store, const char *key, char **out, struct cd_error *err);
/* An integer setting, or DEF when unset or not a number. */
long cd_settings_get_long(struct cd_store *store, const char *key, long def);
/* Validate and store VALUE under KEY (audited, one transaction). Normalises extra_holidays to
 * sorted, comma-separated YYYY-MM-DD. A new time zone takes effect at once. */
int cd_settings_set(struct cd_store *store, const char *key, const char *value,
                    struct cd_error *err);
/* Every setting as rows (key, value), in the order of cd_settings_keys. */
int cd_settings_list(struct cd_store *store, struct cd_page *page, struct cd_error *err);
/* The extra holidays as day numbers (caller frees *DAYS). */
int cd_settings_extra_holidays(struct cd_store *store, int **days, size_t *n, struct cd_error *err);

#endif
