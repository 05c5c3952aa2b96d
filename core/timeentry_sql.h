/* SPDX-License-Identifier: MIT */
/* SQL that several core modules share about time entries; core-internal (nothing in tui/). */
#ifndef CD_CORE_TIMEENTRY_SQL_H
#define CD_CORE_TIMEENTRY_SQL_H

/* The programs whose minutes count toward a monthly care-management code. */
#define CD_SQL_CARE_PROGRAMS "('ccm', 'ccm_complex', 'pcm')"

/* A patient's care-management seconds in the month :month (YYYY-MM): CCM, complex CCM and PCM
 * entries that are not voided; NULL when there are none. PID is the SQL for the patient's id.
 * The one definition of "this month's minutes" that the call list, its generation and the chart
 * header read (billing splits the same entries by role and consent). */
#define CD_SQL_MONTH_SECONDS(pid)                                                                  \
    "(SELECT sum(s.seconds) FROM time_entries s WHERE s.month = :month AND s.patient_id = " pid    \
    " AND s.program IN " CD_SQL_CARE_PROGRAMS " AND s.voided = 0)"

#endif
