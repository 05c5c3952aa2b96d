/* SPDX-License-Identifier: MIT */
/* iCalendar (RFC 5545) export of appointments, streamed one VEVENT at a time: one VCALENDAR with
 * a truncated VTIMEZONE per zone used, then one VEVENT (with a VALARM) per appointment. */
#ifndef CD_CORE_IO_ICAL_H
#define CD_CORE_IO_ICAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "core/appointment.h"
#include "core/base/error.h"
#include "core/store/store.h"

struct cd_ical_options {
    struct cd_appointment_filter filter; /* which appointments (cancelled ones included) */
    bool full_names;   /* SUMMARY with the patient's name; by default only the initials */
    int alarm_minutes; /* the reminder, minutes before the start; 0 = 30 */
};

/* Write the calendar to OUT (CRLF lines folded at 75 octets). DTSTAMP is the clock's now, so two
 * exports of the same appointments differ only there. *COUNT (may be NULL) gets the number of
 * VEVENTs. METHOD:PUBLISH and ORGANIZER appear only when the organizer setting is set. CD_EIO when
 * writing fails; CD_EINVAL when a zone is unknown on this machine (tzdata). The export is one
 * entry in the audit log. */
int cd_ical_write(struct cd_store *store, const struct cd_ical_options *o, FILE *out, size_t *count,
                  struct cd_error *err);
/* The same into the file PATH, written as core/base/safefile.h says (FLAGS: CD_SAFEFILE_*): a
 * regular file replaced atomically and never wider than 0600 (0660 for a team), a device, a FIFO
 * or standard output written straight, a symlink refused unless followed. */
int cd_ical_export_file(struct cd_store *store, const struct cd_ical_options *o, const char *path,
                        unsigned flags, size_t *count, struct cd_error *err);

#endif
