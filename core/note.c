/* SPDX-License-Identifier: MIT */
/* Free-text notes: checked, normalised (CR LF to LF, trailing blank lines dropped), written and
 * audited in one transaction. */
#include "config.h"
#include "core/note.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/clock.h"
#include "core/base/strbuf.h"
#include "core/base/text.h"
#include "core/store/audit.h"
#include "core/store/db.h"

static const char SQL_INSERT[] = "INSERT INTO notes(patient_id, user_id, at, kind, text) VALUES "
                                 "(:pid, :user, :at, :kind, :text)";

/* Inside a transaction: a note of KIND ('note' or 'system') by the store's actor at AT, audited
 * (the audit's detail names a system note); *ID gets its id. */
static int insert(struct cd_store *store, int64_t patient_id, const char *kind, const char *text,
                  const char *at, int64_t *id, struct cd_error *err)
{
    struct cd_stmt *st;
    int rc = cd_db_stmt(store, SQL_INSERT, &st, err);
    if (rc)
        return rc;
    cd_db_bind_int(st, ":pid", patient_id);
    cd_db_bind_id(st, ":user", cd_store_actor(store));
    cd_db_bind_text(st, ":at", at);
    cd_db_bind_text(st, ":kind", kind);
    cd_db_bind_text(st, ":text", text);
    rc = cd_db_exec(store, st, err);
    cd_db_done(st);
    *id = rc ? 0 : cd_db_last_id(store);
    if (!rc)
        rc = cd_audit_log(store, "note", *id, "add", strcmp(kind, "system") == 0 ? "system" : NULL,
                          err);
    return rc;
}

int cd_note_system(struct cd_store *store, int64_t patient_id, const char *text, const char *at,
                   struct cd_error *err)
{
    int64_t id;
    return insert(store, patient_id, "system", text, at, &id, err);
}

/* Check TEXT and return its normalised copy in *OUT (caller frees). */
static int normalise(const char *text, char **out, struct cd_error *err)
{
    size_t n = text ? strlen(text) : 0;
    if (n > CD_NOTE_MAX)
        return cd_error_set(err, CD_EINVAL, "text: the note is too long (%zu bytes, at most %d)", n,
                            CD_NOTE_MAX);
    if (!cd_utf8_valid(text ? text : "", n))
        return cd_error_set(err, CD_EINVAL, "text: the note is not valid UTF-8");
    struct cd_strbuf sb = CD_STRBUF_INIT;
    bool blank = true;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c == '\r' && text[i + 1] == '\n')
            continue;
        if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f) {
            size_t line = 1;
            for (size_t k = 0; k < i; k++)
                line += text[k] == '\n';
            cd_strbuf_free(&sb);
            return cd_error_set(err, CD_EINVAL, "text: line %zu has a control character (0x%02x)",
                                line, c);
        }
        if (c != ' ' && c != '\n' && c != '\t')
            blank = false;
        cd_strbuf_addc(&sb, (char)c);
    }
    if (blank) {
        cd_strbuf_free(&sb);
        return cd_error_set(err, CD_EINVAL, "text: the note is empty");
    }
    while (sb.len &&
           (sb.buf[sb.len - 1] == '\n' || sb.buf[sb.len - 1] == ' ' || sb.buf[sb.len - 1] == '\t'))
        sb.buf[--sb.len] = '\0';
    if (sb.oom) {
        cd_strbuf_free(&sb);
        return cd_error_set(err, CD_ENOMEM, "out of memory");
    }
    *out = cd_strbuf_take(&sb);
    return 0;
}

int cd_note_add(struct cd_store *store, int64_t patient_id, const char *text, int64_t *id,
                struct cd_error *err)
{
    char *clean = NULL;
    int rc = normalise(text, &clean, err);
    if (rc)
        return rc;
    if ((rc = cd_store_begin(store, err))) {
        free(clean);
        return rc;
    }
    char at[CD_INSTANT_LEN];
    int64_t nid = 0;
    rc = insert(store, patient_id, "note", clean, cd_instant_format(cd_clock_now(), at), &nid, err);
    rc = cd_store_finish(store, rc, err);
    free(clean);
    if (rc)
        return rc;
    if (id)
        *id = nid;
    return 0;
}
