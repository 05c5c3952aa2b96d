/* SPDX-License-Identifier: MIT */
/* A small HL7 v2 reader: messages from a byte buffer (segments ended by CR, LF or CRLF, MLLP
 * framing 0x0B ... 0x1C 0x0D accepted), separators from MSH, fields, repetitions, components
 * and subcomponents addressed by number, escape sequences decoded. Borrowed views only: the
 * buffer must outlive the messages. Errors start with the line number ("12: PID-5: ..."). */
#ifndef CD_CORE_IO_HL7_H
#define CD_CORE_IO_HL7_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "core/base/error.h"
#include "core/base/strbuf.h"

struct cd_hl7_segment {
    const char *text; /* starts with the 3-letter name; not NUL-terminated */
    size_t len;
    int line; /* 1-based line of the file where it starts */
};

struct cd_hl7_message {
    char fs, cs, rs, ec, ss;     /* field, component, repetition, escape, subcomponent separators */
    struct cd_hl7_segment *segs; /* owned array */
    size_t nsegs, cap;
    int line; /* line of the MSH segment */
};

#define CD_HL7_MESSAGE_INIT                                                                        \
    {                                                                                              \
        '|', '^', '~', '\\', '&', NULL, 0, 0, 0                                                    \
    }

struct cd_hl7_reader {
    const char *data;
    size_t len, pos;
    int line;
};

/* Start reading DATA (LEN bytes, may contain anything). */
void cd_hl7_reader_init(struct cd_hl7_reader *r, const char *data, size_t len);
/* The next message into M (reused: its segments are replaced). Returns 1 for a message, 0 at the
 * end, or a negative CD_E* with "LINE: what" in ERR (bad MSH, a segment outside a message, an
 * MLLP frame without its end). */
int cd_hl7_next(struct cd_hl7_reader *r, struct cd_hl7_message *m, struct cd_error *err);
/* Free M's segment array. */
void cd_hl7_message_free(struct cd_hl7_message *m);

/* The first segment named NAME at index FROM or later, or NULL; *INDEX (may be NULL) gets its
 * index. */
const struct cd_hl7_segment *cd_hl7_segment_find(const struct cd_hl7_message *m, const char *name,
                                                 size_t from, size_t *index);
/* Check every field of every segment: no NUL byte and at most MAX bytes. On failure ERR reads
 * "LINE: SEG-N: what". */
int cd_hl7_check_fields(const struct cd_hl7_message *m, size_t max, struct cd_error *err);
/* Number of repetitions of field FIELD of S (0 when empty or absent). */
int cd_hl7_repetitions(const struct cd_hl7_message *m, const struct cd_hl7_segment *s, int field);
/* The decoded value of S-FIELD, repetition REP (0-based), component COMP and subcomponent SUB
 * (1-based) into OUT (reset first; "" when absent). MSH-1 and MSH-2 are the separators. Returns
 * 0, CD_ENOMEM, or CD_EINVAL when an escape decodes to a NUL byte. */
int cd_hl7_get(const struct cd_hl7_message *m, const struct cd_hl7_segment *s, int field, int rep,
               int comp, int sub, struct cd_strbuf *out);
/* Decode escape sequences (\F\ \S\ \T\ \R\ \E\ \Xhh..\ \.br\) of the N bytes at S into OUT
 * (appended). Unknown sequences are dropped; an unterminated one is kept as text. */
int cd_hl7_decode(const struct cd_hl7_message *m, const char *s, size_t n, struct cd_strbuf *out);
/* Parse an HL7 time stamp YYYYMMDD[HHMM[SS[.S...]]][+/-ZZZZ]; without an offset it is clinic
 * local time. CD_EINVAL with "'...' is not an HL7 time ..." on error. */
int cd_hl7_time(const char *s, time_t *out, struct cd_error *err);

#endif
