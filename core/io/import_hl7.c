/* SPDX-License-Identifier: MIT */
/* HL7 v2 ADT feeds: A03 discharge, A13 cancel discharge, A08 update patient information; other
 * messages are skipped and counted. Fields as in domain.md (Interfaces). Messages already seen
 * (MSH-10) change nothing. Errors name the line, the HL7 field and the message control id. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/base/clock.h"
#include "core/base/text.h"
#include "core/encounter.h"
#include "core/io/hl7.h"
#include "core/io/importer.h"
#include "core/patient.h"
#include "core/store/db.h"

static const char SQL_SEEN[] =
    "SELECT 1 FROM inbound_messages WHERE source = 'hl7' AND control_id = :id";
static const char SQL_SEEN_ADD[] =
    "INSERT INTO inbound_messages(source, control_id, message_type, received_at, encounter_id) "
    "VALUES ('hl7', :id, :type, :at, :encounter)";

/* The values one message yields, decoded. */
enum val {
    V_CTRL,
    V_TYPE,
    V_TRIGGER,
    V_MSH7,
    V_SENDING,
    V_EVN2,
    V_MRN,
    V_FAMILY,
    V_GIVEN,
    V_BIRTH,
    V_SEX,
    V_PHONE,
    V_LANG,
    V_DEATH_IND,
    V_DEATH_AT,
    V_CLASS,
    V_FACILITY,
    V_POINT,
    V_ADM_TYPE,
    V_VISIT,
    V_DISP,
    V_TO,
    V_ADMIT,
    V_DISCHARGE,
    V_DX,
    V_SCRATCH,
    V_NVALS
};

struct msg {
    struct cd_hl7_message m;
    const struct cd_hl7_segment *msh, *evn, *pid, *pv1;
    struct cd_strbuf v[V_NVALS];
    struct cd_strbuf tmp;
    char ctrl[48]; /* printable control id for messages */
};

/* "(message X)" appended to ERR's text, for every error about a message. */
static int msg_err(struct msg *g, struct cd_error *err)
{
    size_t n = strlen(err->msg);
    snprintf(err->msg + n, sizeof err->msg - n, " (message %s)", g->ctrl);
    return err->code;
}

static int seg_line(const struct msg *g, const struct cd_hl7_segment *s)
{
    return s ? s->line : g->m.line;
}

/* Read SEG-FIELD[REP].COMP.SUB into value V, checking it is UTF-8 text. */
static int take(struct msg *g, const struct cd_hl7_segment *s, int field, int rep, int comp,
                int sub, enum val v, const char *name, struct cd_error *err)
{
    int rc = cd_hl7_get(&g->m, s, field, rep, comp, sub, &g->v[v]);
    if (rc == CD_ENOMEM)
        return cd_error_set(err, rc, "out of memory");
    if (rc)
        return cd_error_set(err, rc, "%d: %.3s-%d: an escape sequence decodes to a NUL byte",
                            seg_line(g, s), s->text, field);
    if (!cd_utf8_valid(g->v[v].buf, g->v[v].len))
        return cd_error_set(err, CD_EINVAL, "%d: %.3s-%d %s: is not valid UTF-8", seg_line(g, s),
                            s->text, field, name);
    return 0;
}

static const char *val(const struct msg *g, enum val v)
{
    return cd_strbuf_str(&g->v[v]);
}

/* PID-3: the identifier whose type (CX-5) is MR, else the first one. */
static int take_mrn(struct msg *g, struct cd_error *err)
{
    int n = cd_hl7_repetitions(&g->m, g->pid, 3);
    for (int r = 0; r < n; r++) {
        int rc = take(g, g->pid, 3, r, 5, 1, V_MRN, "identifier type", err);
        if (rc)
            return rc;
        if (strcmp(val(g, V_MRN), "MR") == 0)
            return take(g, g->pid, 3, r, 1, 1, V_MRN, "mrn", err);
    }
    return take(g, g->pid, 3, 0, 1, 1, V_MRN, "mrn", err);
}

static int convert_time(struct msg *g, const struct cd_hl7_segment *s, int field, enum val v,
                        const char *name, bool date_only, struct cd_error *err);

static int take_pid(struct msg *g, struct cd_error *err)
{
    int rc;
    if ((rc = take_mrn(g, err)) ||
        (rc = take(g, g->pid, 5, 0, 1, 1, V_FAMILY, "family_name", err)) ||
        (rc = take(g, g->pid, 5, 0, 2, 1, V_GIVEN, "given_name", err)) ||
        (rc = take(g, g->pid, 7, 0, 1, 1, V_BIRTH, "birth_date", err)) ||
        (rc = take(g, g->pid, 8, 0, 1, 1, V_SEX, "sex", err)) ||
        (rc = take(g, g->pid, 13, 0, 1, 1, V_PHONE, "phone", err)) ||
        (rc = take(g, g->pid, 15, 0, 1, 1, V_LANG, "language", err)) ||
        (rc = take(g, g->pid, 30, 0, 1, 1, V_DEATH_IND, "death indicator", err)) ||
        (rc = take(g, g->pid, 29, 0, 1, 1, V_DEATH_AT, "deceased_at", err)) ||
        (rc = convert_time(g, g->pid, 29, V_DEATH_AT, "deceased_at", false, err)))
        return rc;
    if (!*val(g, V_PHONE)) { /* XTN-6 area code and XTN-7 local number */
        struct cd_strbuf *p = &g->v[V_PHONE];
        if ((rc = take(g, g->pid, 13, 0, 6, 1, V_PHONE, "phone", err)))
            return rc;
        cd_strbuf_reset(&g->tmp);
        cd_strbuf_add(&g->tmp, cd_strbuf_str(p));
        if ((rc = take(g, g->pid, 13, 0, 7, 1, V_PHONE, "phone", err)))
            return rc;
        if (g->tmp.len && p->len) {
            cd_strbuf_add(&g->tmp, "-");
            cd_strbuf_add(&g->tmp, cd_strbuf_str(p));
            cd_strbuf_reset(p);
            cd_strbuf_add(p, cd_strbuf_str(&g->tmp));
        }
    }
    /* HL7 table 0001: O (other) and A (ambiguous) are X here; N (not applicable) is U */
    const char *sex = val(g, V_SEX);
    const char *mapped = strcmp(sex, "O") == 0 || strcmp(sex, "A") == 0 ? "X"
                         : strcmp(sex, "N") == 0                        ? "U"
                                                                        : NULL;
    if (mapped) {
        cd_strbuf_reset(&g->v[V_SEX]);
        cd_strbuf_add(&g->v[V_SEX], mapped);
    }
    return 0;
}

/* An HL7 time stamp into an ISO instant in V (or a date for the birth date). */
static int convert_time(struct msg *g, const struct cd_hl7_segment *s, int field, enum val v,
                        const char *name, bool date_only, struct cd_error *err)
{
    if (!*val(g, v))
        return 0;
    time_t t;
    char out[CD_INSTANT_LEN];
    if (date_only) {
        const char *b = val(g, v);
        int n = 0;
        while (b[n] >= '0' && b[n] <= '9')
            n++;
        if (n >= 8) {
            snprintf(out, sizeof out, "%.4s-%.2s-%.2s", b, b + 4, b + 6);
            cd_strbuf_reset(&g->v[v]);
            cd_strbuf_add(&g->v[v], out);
            return 0;
        }
    }
    int rc = cd_hl7_time(val(g, v), &t, err);
    if (rc)
        return cd_error_prefix(err, rc, "%d: %.3s-%d %s: ", seg_line(g, s), s->text, field, name);
    cd_strbuf_reset(&g->v[v]);
    cd_strbuf_add(&g->v[v], cd_instant_format(t, out));
    return 0;
}

static int take_pv1(struct msg *g, struct cd_error *err)
{
    int rc;
    if ((rc = take(g, g->pv1, 2, 0, 1, 1, V_CLASS, "patient class", err)) ||
        (rc = take(g, g->pv1, 3, 0, 1, 1, V_POINT, "location", err)) ||
        (rc = take(g, g->pv1, 3, 0, 4, 1, V_FACILITY, "facility", err)) ||
        (rc = take(g, g->pv1, 4, 0, 1, 1, V_ADM_TYPE, "admission type", err)) ||
        (rc = take(g, g->pv1, 19, 0, 1, 1, V_VISIT, "visit number", err)) ||
        (rc = take(g, g->pv1, 36, 0, 1, 1, V_DISP, "disposition", err)) ||
        (rc = take(g, g->pv1, 37, 0, 1, 1, V_TO, "discharged_to", err)) ||
        (rc = take(g, g->pv1, 44, 0, 1, 1, V_ADMIT, "admit_at", err)) ||
        (rc = take(g, g->pv1, 45, 0, 1, 1, V_DISCHARGE, "discharge_at", err)))
        return rc;
    if (!*val(g, V_FACILITY) && (rc = take(g, g->msh, 4, 0, 1, 1, V_FACILITY, "facility", err)))
        return rc;
    const struct cd_hl7_segment *s = g->pv1;
    int field = 45;
    if (!*val(g, V_DISCHARGE) && g->evn) { /* fallbacks: EVN-2, then MSH-7 */
        if ((rc = take(g, g->evn, 2, 0, 1, 1, V_DISCHARGE, "discharge_at", err)))
            return rc;
        s = g->evn;
        field = 2;
    }
    if (!*val(g, V_DISCHARGE)) {
        cd_strbuf_reset(&g->v[V_DISCHARGE]);
        cd_strbuf_add(&g->v[V_DISCHARGE], val(g, V_MSH7));
        s = g->msh;
        field = 7;
    }
    if ((rc = convert_time(g, s, field, V_DISCHARGE, "discharge_at", false, err)) ||
        (rc = convert_time(g, g->pv1, 44, V_ADMIT, "admit_at", false, err)))
        return rc;
    /* DG1-3 of every DG1 segment, joined by ';' */
    cd_strbuf_reset(&g->v[V_DX]);
    cd_strbuf_add(&g->v[V_DX], "");
    size_t at = 0;
    const struct cd_hl7_segment *dg;
    while ((dg = cd_hl7_segment_find(&g->m, "DG1", at, &at))) {
        at++;
        if ((rc = take(g, dg, 3, 0, 1, 1, V_SCRATCH, "diagnosis", err)))
            return rc;
        if (g->v[V_SCRATCH].len) {
            if (g->v[V_DX].len)
                cd_strbuf_addc(&g->v[V_DX], ';');
            cd_strbuf_add(&g->v[V_DX], val(g, V_SCRATCH));
        }
    }
    return 0;
}

static const char *setting_of(const char *cls)
{
    if (strcmp(cls, "I") == 0 || strcmp(cls, "B") == 0)
        return "inpatient";
    if (strcmp(cls, "E") == 0)
        return "ed";
    if (strcmp(cls, "O") == 0 || strcmp(cls, "R") == 0)
        return "outpatient";
    if (strcmp(cls, "OBS") == 0)
        return "observation";
    return "other";
}

static const char *admission_of(const char *t)
{
    if (!*t)
        return NULL;
    if (strcmp(t, "E") == 0 || strcmp(t, "A") == 0)
        return "emergency";
    if (strcmp(t, "U") == 0)
        return "urgent";
    if (strcmp(t, "C") == 0 || strcmp(t, "R") == 0)
        return "elective";
    return "other";
}

/* Which HL7 field a cd_discharge_validate message is about (its text starts with the name). */
static const struct cd_hl7_segment *field_of(struct msg *g, const char *msg, const char **name)
{
    static const struct {
        const char *field, *hl7;
        int seg; /* 0 PID, 1 PV1, 2 DG1 */
    } map[] = {
        {"mrn", "PID-3", 0},
        {"family_name", "PID-5", 0},
        {"given_name", "PID-5", 0},
        {"birth_date", "PID-7", 0},
        {"sex", "PID-8", 0},
        {"phone", "PID-13", 0},
        {"language", "PID-15", 0},
        {"discharge_at", "PV1-45", 1},
        {"admit_at", "PV1-44", 1},
        {"facility", "PV1-3", 1},
        {"setting", "PV1-2", 1},
        {"patient_class", "PV1-2", 1},
        {"disposition", "PV1-36", 1},
        {"discharged_to", "PV1-37", 1},
        {"admission_type", "PV1-4", 1},
        {"diagnoses", "DG1-3", 2},
        {"external_id", "PV1-19", 1},
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++) {
        size_t n = strlen(map[i].field);
        if (strncmp(msg, map[i].field, n) == 0 && msg[n] == ':') {
            *name = map[i].hl7;
            if (map[i].seg == 2)
                return cd_hl7_segment_find(&g->m, "DG1", 0, NULL);
            return map[i].seg ? g->pv1 : g->pid;
        }
    }
    *name = NULL;
    return g->msh;
}

/* Prefix a core validation message with the line and the HL7 field it is about. */
static int core_err(struct msg *g, struct cd_error *err)
{
    const char *hl7;
    const struct cd_hl7_segment *s = field_of(g, err->msg, &hl7);
    if (hl7)
        cd_error_prefix(err, err->code, "%d: %s ", seg_line(g, s), hl7);
    else
        cd_error_prefix(err, err->code, "%d: ", seg_line(g, s));
    return msg_err(g, err);
}

static int seen(struct cd_store *store, const char *ctrl, int *yes, struct cd_error *err)
{
    int rc;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(store, SQL_SEEN, &st, err)))
        return rc;
    cd_db_bind_text(st, ":id", ctrl);
    rc = cd_db_step(store, st, err);
    cd_db_done(st);
    *yes = rc == 1;
    return rc < 0 ? rc : 0;
}

static int remember(struct cd_store *store, struct msg *g, const char *type, int64_t encounter,
                    struct cd_error *err)
{
    int rc;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(store, SQL_SEEN_ADD, &st, err)))
        return rc;
    char at[CD_INSTANT_LEN];
    cd_db_bind_text(st, ":id", g->ctrl);
    cd_db_bind_text(st, ":type", type);
    cd_db_bind_text(st, ":at", cd_instant_format(cd_clock_now(), at));
    cd_db_bind_id(st, ":encounter", encounter);
    rc = cd_db_exec(store, st, err);
    cd_db_done(st);
    return rc;
}

static void discharge_in(struct msg *g, struct cd_discharge_in *in)
{
    const char *visit = val(g, V_VISIT);
    *in = (struct cd_discharge_in){
        .mrn = val(g, V_MRN),
        .family_name = val(g, V_FAMILY),
        .given_name = val(g, V_GIVEN),
        .birth_date = val(g, V_BIRTH),
        .sex = val(g, V_SEX),
        .phone = val(g, V_PHONE),
        .language = val(g, V_LANG),
        .discharge_at = val(g, V_DISCHARGE),
        .admit_at = val(g, V_ADMIT),
        .facility = val(g, V_FACILITY),
        .setting = setting_of(val(g, V_CLASS)),
        .patient_class = val(g, V_CLASS),
        .disposition = val(g, V_DISP),
        .discharged_to = val(g, V_TO),
        .admission_type = admission_of(val(g, V_ADM_TYPE)),
        .diagnoses = val(g, V_DX),
        /* a death time says so too, unless PID-30 says N */
        .deceased = strcmp(val(g, V_DEATH_IND), "Y") == 0 ||
                    (*val(g, V_DEATH_AT) && strcmp(val(g, V_DEATH_IND), "N") != 0),
        .deceased_at = val(g, V_DEATH_AT),
        .source = "hl7",
        .external_id = *visit ? visit : NULL};
}

static int a03(struct cd_store *store, struct msg *g, struct cd_import_summary *sum,
               struct cd_error *err)
{
    struct cd_discharge_in in;
    struct cd_discharge_result res;
    discharge_in(g, &in);
    if (cd_discharge_record(store, &in, &res, err))
        return core_err(g, err);
    cd_import_count(sum, &res);
    return remember(store, g, "ADT^A03", res.encounter_id, err);
}

static int a13(struct cd_store *store, struct msg *g, struct cd_import_summary *sum,
               struct cd_error *err)
{
    struct cd_discharge_in in;
    discharge_in(g, &in);
    if (cd_discharge_validate(&in, err))
        return core_err(g, err);
    struct cd_strbuf key = CD_STRBUF_INIT;
    int rc = cd_encounter_key(&in, &key, err);
    if (rc) {
        cd_strbuf_free(&key);
        return core_err(g, err);
    }
    int64_t id = 0;
    rc = cd_encounter_find(store, "hl7", cd_strbuf_str(&key), &id, NULL);
    cd_strbuf_free(&key);
    if (rc == CD_ENOTFOUND) { /* a cancel of a discharge never received: nothing to undo */
        sum->messages_skipped++;
        return remember(store, g, "ADT^A13", 0, err);
    }
    if (rc)
        return cd_error_set(err, rc, "looking up the visit failed");
    char reason[96];
    snprintf(reason, sizeof reason, "discharge cancelled (ADT^A13 message %s)", g->ctrl);
    int tasks = 0, changed = 0;
    if ((rc = cd_encounter_cancel(store, id, reason, &tasks, &changed, err)))
        return msg_err(g, err);
    sum->discharges_cancelled += changed;
    sum->tasks_cancelled += tasks;
    return remember(store, g, "ADT^A13", id, err);
}

static int a08(struct cd_store *store, struct msg *g, struct cd_import_summary *sum,
               struct cd_error *err)
{
    struct cd_patient_in p = {.mrn = val(g, V_MRN),
                              .family = val(g, V_FAMILY),
                              .given = val(g, V_GIVEN),
                              .birth_date = val(g, V_BIRTH),
                              .sex = val(g, V_SEX),
                              .phone = val(g, V_PHONE),
                              .language = val(g, V_LANG)};
    int64_t id;
    int created, changed;
    if (cd_patient_upsert(store, &p, &id, &created, &changed, err))
        return core_err(g, err);
    sum->patients_new += created;
    sum->patients_updated += changed && !created;
    return remember(store, g, "ADT^A08", 0, err);
}

static int message(struct cd_store *store, struct msg *g, struct cd_import_summary *sum,
                   struct cd_error *err)
{
    struct cd_hl7_message *m = &g->m;
    g->msh = &m->segs[0];
    g->evn = cd_hl7_segment_find(m, "EVN", 0, NULL);
    g->pid = cd_hl7_segment_find(m, "PID", 0, NULL);
    g->pv1 = cd_hl7_segment_find(m, "PV1", 0, NULL);
    /* a printable control id first: every later message names it */
    cd_hl7_get(m, g->msh, 10, 0, 1, 1, &g->v[V_CTRL]);
    size_t k = 0;
    for (const char *p = val(g, V_CTRL); *p && k + 1 < sizeof g->ctrl; p++)
        g->ctrl[k++] = (*p > 0x20 && *p < 0x7f) ? *p : '?';
    g->ctrl[k] = '\0';
    if (!k)
        snprintf(g->ctrl, sizeof g->ctrl, "at line %d", m->line);
    int rc = cd_hl7_check_fields(m, CD_IMPORT_FIELD_MAX, err);
    if (rc)
        return msg_err(g, err);
    if (!g->v[V_CTRL].len || strcmp(g->ctrl, val(g, V_CTRL)) != 0)
        return msg_err(g,
                       (cd_error_set(err, CD_EINVAL, "%d: MSH-10: the message control id is %s",
                                     m->line, g->v[V_CTRL].len ? "not printable ASCII" : "empty"),
                        err));
    if ((rc = take(g, g->msh, 9, 0, 1, 1, V_TYPE, "message type", err)) ||
        (rc = take(g, g->msh, 9, 0, 2, 1, V_TRIGGER, "trigger event", err)) ||
        (rc = take(g, g->msh, 7, 0, 1, 1, V_MSH7, "message time", err)))
        return msg_err(g, err);
    const char *type = val(g, V_TYPE), *trig = val(g, V_TRIGGER);
    if (!*type)
        return msg_err(
            g,
            (cd_error_set(err, CD_EINVAL, "%d: MSH-9: the message type is empty", m->line), err));
    bool known = strcmp(type, "ADT") == 0 &&
                 (strcmp(trig, "A03") == 0 || strcmp(trig, "A13") == 0 || strcmp(trig, "A08") == 0);
    if (!known) {
        sum->messages_skipped++;
        return 0;
    }
    int already = 0;
    if ((rc = seen(store, g->ctrl, &already, err)))
        return rc;
    if (already) {
        sum->discharges_known += strcmp(trig, "A03") == 0;
        return 0;
    }
    if (!g->pid)
        return msg_err(
            g, (cd_error_set(err, CD_EINVAL, "%d: PID: the ADT^%s message has no PID segment",
                             m->line, trig),
                err));
    if (strcmp(trig, "A08") != 0 && !g->pv1)
        return msg_err(
            g, (cd_error_set(err, CD_EINVAL, "%d: PV1: the ADT^%s message has no PV1 segment",
                             m->line, trig),
                err));
    if ((rc = take_pid(g, err)) ||
        (rc = convert_time(g, g->pid, 7, V_BIRTH, "birth_date", true, err)))
        return msg_err(g, err);
    if (strcmp(trig, "A08") == 0)
        return a08(store, g, sum, err);
    if ((rc = take_pv1(g, err)))
        return msg_err(g, err);
    return strcmp(trig, "A03") == 0 ? a03(store, g, sum, err) : a13(store, g, sum, err);
}

int cd_import_hl7(struct cd_store *store, const char *data, size_t len,
                  struct cd_import_summary *sum, struct cd_error *err)
{
    struct cd_hl7_reader r;
    struct msg g = {.m = CD_HL7_MESSAGE_INIT};
    int rc;
    if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0) { /* a UTF-8 byte-order mark, as in CSV */
        data += 3;
        len -= 3;
    }
    cd_hl7_reader_init(&r, data, len);
    while ((rc = cd_hl7_next(&r, &g.m, err)) == 1) {
        sum->records++;
        if ((rc = message(store, &g, sum, err)))
            break;
    }
    cd_hl7_message_free(&g.m);
    for (int i = 0; i < V_NVALS; i++)
        cd_strbuf_free(&g.v[i]);
    cd_strbuf_free(&g.tmp);
    if (rc == 0 && sum->records == 0)
        rc = cd_error_set(err, CD_EINVAL, "1: MSH: the file holds no HL7 message");
    return rc < 0 ? rc : 0;
}
