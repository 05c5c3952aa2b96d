/* SPDX-License-Identifier: MIT */
/* Random (version 4) UUIDs for identifiers that leave the clinic, such as iCalendar UIDs:
 * nothing about the patient, the user or the machine is in them. */
#ifndef CD_CORE_BASE_UUID_H
#define CD_CORE_BASE_UUID_H

#include "core/base/error.h"

/* "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx" plus NUL */
#define CD_UUID_LEN 37

/* Write a new random version-4 UUID (lower-case hex) into OUT (CD_UUID_LEN bytes), from the
 * kernel's random source (getrandom, else /dev/urandom). CD_EIO when no randomness is available. */
int cd_uuid_v4(char *out, struct cd_error *err);
/* Write the version-4 UUID made of the 16 random BYTES (their version and variant bits are
 * overwritten) into OUT (CD_UUID_LEN bytes); for a caller with its own seeded source. */
void cd_uuid_v4_from(const unsigned char bytes[16], char *out);
/* True when S is a well-formed lower-case version-4 UUID. */
int cd_uuid_valid(const char *s);

#endif
