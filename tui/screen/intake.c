/* SPDX-License-Identifier: MIT */
/* The discharge intake form and the import prompt: the same fields and rules as the CSV import
 * (core/encounter), one transaction per discharge or file, and a box saying what happened. */
#include "config.h"
#include "tui/screen/intake.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/clock.h"
#include "core/base/page.h"
#include "core/base/strbuf.h"
#include "core/encounter.h"
#include "core/io/importer.h"
#include "core/patient.h"
#include "core/store/store.h"
#include "tui/screen/app.h"
#include "tui/screen/edit.h"
#include "tui/screen/form.h"
#include "tui/screen/prompt.h"
#include "tui/screen/uwidth.h"

/* A box of wrapped text over the view; Enter, Esc, q or Space closes it. */
struct note {
    char title[64];
    struct cd_strbuf text; /* lines separated by '\n' */
    enum role role;
};

static void note_draw(void *obj, const struct canvas *screen)
{
    struct note *n = obj;
    int width = screen->cols - 8 < 100 ? screen->cols - 8 : 100;
    const char *s = cd_strbuf_str(&n->text);
    size_t starts[64];
    size_t nl = edit_wrap(s, n->text.len, width - 4, starts, 64);
    struct canvas box = canvas_centered(screen, (int)nl + 4, width);
    struct canvas in = canvas_box(&box, ROLE_BORDER, n->title);
    canvas_clear(&in, ROLE_DEFAULT);
    for (size_t i = 0; i < nl; i++) {
        size_t end = i + 1 < nl ? starts[i + 1] : n->text.len;
        char line[512];
        snprintf(line, sizeof line, "%.*s", (int)(end - starts[i]), s + starts[i]);
        line[strcspn(line, "\n")] = '\0';
        canvas_text(&in, (int)i, 0, -1, i == 0 ? n->role : ROLE_DEFAULT, 0, line);
    }
    canvas_text(&in, (int)nl + 1, 0, -1, ROLE_DIM, 0, "Enter closes");
}

static enum app_modal_result note_key(void *obj, int key)
{
    (void)obj;
    return key == TK_ENTER || key == TK_ESC || key == 'q' || key == ' ' ? APP_MODAL_CLOSE
                                                                        : APP_MODAL_KEEP;
}

static void note_free(void *obj)
{
    struct note *n = obj;
    cd_strbuf_free(&n->text);
    free(n);
}

static const struct app_modal_ops note_ops = {
    .draw = note_draw,
    .key = note_key,
    .free = note_free,
};

/* Show TEXT (taken over) in a box titled TITLE, its first line in ROLE. */
static int note_show(struct app *app, const char *title, struct cd_strbuf *text, enum role role)
{
    struct note *n = calloc(1, sizeof *n);
    if (!n || text->oom) {
        free(n);
        cd_strbuf_free(text);
        struct cd_error err;
        cd_error_set(&err, CD_ENOMEM, "out of memory");
        app_error(app, &err);
        return CD_ENOMEM;
    }
    snprintf(n->title, sizeof n->title, "%s", title);
    n->text = *text;
    *text = (struct cd_strbuf)CD_STRBUF_INIT;
    n->role = role;
    return app_modal_push(app, &note_ops, n);
}

/* The form's fields, in order: the CSV column each one fills and how it is entered. */
enum kind { TEXT, CHOICE, DISPOSITION };
enum {
    F_MRN,
    F_FAMILY,
    F_GIVEN,
    F_BIRTH,
    F_SEX,
    F_PHONE,
    F_ADMIT,
    F_DISCHARGE,
    F_FACILITY,
    F_SETTING,
    F_DISPOSITION,
    F_ADMISSION,
    F_DIAGNOSES,
    F_COMPLEXITY,
    F_COUNT
};
static const struct {
    const char *label;
    const char *column;
    enum kind kind;
    size_t max;
} fields[F_COUNT] = {
    [F_MRN] = {"MRN", "mrn", TEXT, 64},
    [F_FAMILY] = {"Family name", "family_name", TEXT, 100},
    [F_GIVEN] = {"Given name", "given_name", TEXT, 100},
    [F_BIRTH] = {"Birth date", "birth_date", TEXT, 10},
    [F_SEX] = {"Sex (F M X U)", "sex", TEXT, 1},
    [F_PHONE] = {"Phone", "phone", TEXT, 40},
    [F_ADMIT] = {"Admitted at", "admit_at", TEXT, 64},
    [F_DISCHARGE] = {"Discharged at", "discharge_at", TEXT, 64},
    [F_FACILITY] = {"Facility", "facility", TEXT, 200},
    [F_SETTING] = {"Setting", "setting", CHOICE, 0},
    [F_DISPOSITION] = {"Disposition", "disposition", DISPOSITION, 0},
    [F_ADMISSION] = {"Admission type", "admission_type", CHOICE, 0},
    [F_DIAGNOSES] = {"Diagnoses (ICD-10)", "diagnoses", TEXT, 2000},
    [F_COMPLEXITY] = {"Complexity", "complexity", CHOICE, 0},
};
#define NOT_GIVEN "(not given)"

struct intake;
struct field_ctx {
    struct intake *it;
    int field;
};

struct intake {
    struct form *form;
    struct view *view;
    struct field_ctx ctx[F_COUNT];
    char *filled[F_COUNT]; /* what the MRN look-up put in a field, to replace or clear later */
    char code[16];         /* the disposition code of the chosen row */
};

/* Field I's value for core: "" for a choice not given, the code of a disposition row. */
static const char *value(struct intake *it, int i, const char *typed)
{
    const char *v = typed ? typed : form_value(it->form, i);
    if (strcmp(v, NOT_GIVEN) == 0)
        return "";
    if (fields[i].kind == DISPOSITION) {
        snprintf(it->code, sizeof it->code, "%.*s", (int)strcspn(v, " "), v);
        return it->code;
    }
    return v;
}

/* The discharge as the form holds it, FIELD's value being TYPED (the form may not have it yet). */
static struct cd_discharge_in discharge_of(struct intake *it, int field, const char *typed)
{
    const char *v[F_COUNT];
    for (int i = 0; i < F_COUNT; i++)
        v[i] = value(it, i, i == field ? typed : NULL);
    return (struct cd_discharge_in){.mrn = v[F_MRN],
                                    .family_name = v[F_FAMILY],
                                    .given_name = v[F_GIVEN],
                                    .birth_date = v[F_BIRTH],
                                    .sex = v[F_SEX],
                                    .phone = v[F_PHONE],
                                    .admit_at = v[F_ADMIT],
                                    .discharge_at = v[F_DISCHARGE],
                                    .facility = v[F_FACILITY],
                                    .setting = v[F_SETTING],
                                    .disposition = v[F_DISPOSITION],
                                    .admission_type = v[F_ADMISSION],
                                    .diagnoses = v[F_DIAGNOSES],
                                    .complexity = v[F_COMPLEXITY],
                                    .source = "manual"};
}

/* Put VALUE (NULL: clear) in demographic field I when it is empty or still holds what an earlier
 * look-up put there: never over what the nurse typed. */
static void fill(struct intake *it, int i, const char *v)
{
    const char *cur = form_value(it->form, i);
    if (*cur && !(it->filled[i] && strcmp(cur, it->filled[i]) == 0))
        return;
    free(it->filled[i]);
    it->filled[i] = v && *v ? cd_strdup(v) : NULL;
    if (strcmp(cur, v ? v : "") != 0)
        form_set(it->form, i, v ? v : "");
}

/* An existing MRN fills the demographics from the patient (a read-only look-up). */
static void look_up(struct intake *it, const char *mrn)
{
    static const int demo[] = {F_FAMILY, F_GIVEN, F_BIRTH, F_SEX, F_PHONE};
    struct cd_store *store = app_store(it->view->app);
    struct cd_patient_header h;
    int64_t id;
    bool known = *mrn && cd_patient_find_mrn(store, mrn, &id, NULL) == 0 &&
                 cd_patient_header_get(store, id, &h, NULL) == 0;
    const char *values[] = {h.family_name, h.given_name, h.birth_date, h.sex, h.phone};
    for (size_t k = 0; k < sizeof demo / sizeof demo[0]; k++)
        fill(it, demo[k], known ? values[k] : NULL);
}

static int validate(const char *typed, void *ctx, struct cd_error *err)
{
    struct field_ctx *fc = ctx;
    struct intake *it = fc->it;
    if (!it->form)
        return 0; /* still being built */
    if (fc->field == F_MRN)
        look_up(it, typed);
    struct cd_discharge_in in = discharge_of(it, fc->field, typed);
    return cd_discharge_check_field(&in, fields[fc->field].column, err);
}

/* "Tue 2026-11-24" into OUT (at least 16 bytes). */
static const char *day_text(int day, char *out)
{
    static const char *const names[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    char date[CD_DATE_LEN];
    snprintf(out, 16, "%s %s", names[cd_date_weekday(day) % 7], cd_date_format(day, date));
    return out;
}

/* What the recorded discharge did, as the box shows it. */
static void describe(const struct cd_discharge_in *in, const struct cd_discharge_result *r,
                     struct cd_strbuf *out)
{
    char a[16], b[16];
    bool high = strcmp(in->complexity, "high") == 0;
    if (!r->encounter_created) {
        cd_strbuf_add(out, "This discharge was already recorded: nothing changed.\n");
    } else if (r->eligible) {
        cd_strbuf_addf(out, "TCM eligible: %d task%s created.\n", r->tasks_created,
                       r->tasks_created == 1 ? "" : "s");
        cd_strbuf_addf(out, "Call by %s; visit by %s (%s, %d days).\n",
                       day_text(r->due.contact_due, a),
                       day_text(high ? r->due.visit_due_7 : r->due.visit_due_14, b),
                       high ? "99496" : "99495", high ? 7 : 14);
    } else {
        cd_strbuf_addf(out, "Not eligible for TCM: %s. No tasks created.\n", r->reason);
    }
    cd_strbuf_addf(out, "%s, %s (MRN %s): %s.", in->family_name, in->given_name, in->mrn,
                   r->patient_created   ? "new patient"
                   : r->patient_changed ? "existing patient, details updated"
                                        : "existing patient");
}

/* Record the form's discharge in one transaction and show what it did. */
static int submit(struct intake *it, struct cd_error *err)
{
    struct app *app = it->view->app;
    struct cd_store *store = app_store(app);
    struct cd_discharge_in in = discharge_of(it, -1, NULL);
    struct cd_discharge_result res;
    int rc = cd_store_begin(store, err);
    if (rc)
        return rc;
    rc = cd_discharge_record(store, &in, &res, err);
    if (!rc)
        rc = cd_store_commit(store, err);
    if (rc) {
        cd_store_rollback(store);
        return rc;
    }
    app_changed(app);
    struct cd_strbuf text = CD_STRBUF_INIT;
    describe(&in, &res, &text);
    note_show(app, "Discharge recorded", &text,
              res.encounter_created && !res.eligible ? ROLE_WARNING : ROLE_TITLE);
    return 0;
}

static void intake_draw(void *obj, const struct canvas *screen)
{
    struct intake *it = obj;
    form_draw(it->form, screen);
}

static enum app_modal_result intake_key(void *obj, int key)
{
    struct intake *it = obj;
    struct cd_error err = {0};
    switch (form_key(it->form, key)) {
    case FORM_CANCEL: return APP_MODAL_CLOSE;
    case FORM_SUBMIT:
        if (submit(it, &err)) {
            form_set_error(it->form, err.msg[0] ? err.msg : cd_strerror(err.code));
            return APP_MODAL_KEEP;
        }
        return APP_MODAL_CLOSE;
    case FORM_CONTINUE: break;
    }
    return APP_MODAL_KEEP;
}

static void intake_free(void *obj)
{
    struct intake *it = obj;
    form_free(it->form);
    for (int i = 0; i < F_COUNT; i++)
        free(it->filled[i]);
    free(it);
}

static const struct app_modal_ops intake_ops = {
    .draw = intake_draw,
    .key = intake_key,
    .free = intake_free,
};

/* The choice rows of field I into ROWS (room for 64); returns the count. */
static size_t choices(int i, const char **rows, char (*disp)[96])
{
    size_t n = 0;
    if (fields[i].kind == DISPOSITION) {
        const struct cd_disposition *d;
        for (; n < 64 && (d = cd_disposition_get(n)); n++) {
            snprintf(disp[n], sizeof disp[n], "%s %s", d->code, d->text);
            rows[n] = disp[n];
        }
        return n;
    }
    if (i == F_ADMISSION)
        rows[n++] = NOT_GIVEN;
    for (const char *const *c = cd_discharge_choices(fields[i].column); c && *c && n < 64; c++)
        rows[n++] = *c;
    return n;
}

int intake_open(struct view *v)
{
    struct intake *it = calloc(1, sizeof *it);
    struct form *f = form_new("New discharge");
    char disp[64][96];
    const char *rows[64];
    int rc = it && f ? 0 : CD_ENOMEM;
    for (int i = 0; !rc && i < F_COUNT; i++) {
        it->ctx[i] = (struct field_ctx){it, i};
        int k = fields[i].kind == TEXT
                    ? form_add(f, fields[i].label, NULL, 0, fields[i].max, 1, validate, &it->ctx[i])
                    : form_add_choice(f, fields[i].label, rows, choices(i, rows, disp), 0, validate,
                                      &it->ctx[i]);
        rc = k < 0 ? k : 0;
    }
    if (rc) {
        form_free(f);
        free(it);
        struct cd_error err;
        cd_error_set(&err, CD_ENOMEM, "out of memory");
        app_error(v->app, &err);
        return rc;
    }
    it->form = f;
    it->view = v;
    return app_modal_push(v->app, &intake_ops, it);
}

/* ~ or ~/... with $HOME; the path as typed otherwise (caller frees). */
static char *expand(const char *path)
{
    const char *home = getenv("HOME");
    if (path[0] != '~' || (path[1] && path[1] != '/') || !home || !*home)
        return cd_strdup(path);
    struct cd_strbuf sb = CD_STRBUF_INIT;
    cd_strbuf_addf(&sb, "%s%s", home, path + 1);
    return cd_strbuf_take(&sb);
}

static void import_done(struct view *v, const char *text, void *ctx)
{
    (void)ctx;
    if (!text)
        return;
    text += strspn(text, " ");
    if (!*text) {
        app_message(v->app, "No file given: nothing imported");
        return;
    }
    struct cd_error err = {0};
    struct cd_import_summary sum;
    struct cd_strbuf line = CD_STRBUF_INIT;
    char *path = expand(text);
    if (!path) {
        cd_error_set(&err, CD_ENOMEM, "out of memory");
        app_error(v->app, &err);
        return;
    }
    if (cd_import_file(app_store(v->app), path, CD_IMPORT_GUESS, &sum, &err)) {
        cd_strbuf_add(&line, err.msg[0] ? err.msg : cd_strerror(err.code));
        cd_strbuf_add(&line, "\nNothing was imported.");
        note_show(v->app, "Import failed", &line, ROLE_ERROR);
    } else {
        cd_import_summary_format(path, &sum, &line);
        if (cd_import_changed(&sum))
            app_changed(v->app);
        note_show(v->app, "Import done", &line, ROLE_DEFAULT);
    }
    free(path);
}

int intake_import(struct view *v)
{
    return prompt_text(v, "Import discharges from file (CSV or HL7):", NULL, import_done, NULL);
}

enum action intake_act(struct view *v, enum action action)
{
    switch (action) {
    case ACT_DISCHARGE_NEW: intake_open(v); return ACT_NONE;
    case ACT_IMPORT_FILE: intake_import(v); return ACT_NONE;
    default: return action;
    }
}
