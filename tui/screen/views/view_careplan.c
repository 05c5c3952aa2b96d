/* SPDX-License-Identifier: MIT */
/* The care plan editor: the sections as headings with their items, edited in memory (add, edit,
 * move, delete, status, review date) and saved as a new version. A save on top of someone else's
 * newer version is refused by core; the edits stay on screen for the nurse to compare (h) and to
 * merge into the newer version (S asks), then save. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/base/clock.h"
#include "core/base/strbuf.h"
#include "core/careplan.h"
#include "core/careplan_merge.h"
#include "tui/screen/app.h"
#include "tui/screen/chart_frame.h"
#include "tui/screen/form.h"
#include "tui/screen/prompt.h"
#include "tui/screen/uwidth.h"
#include "tui/screen/views.h"

/* The key column fits the plan's longest key, up to 16 columns at 80 wide and 28 when wider. */
#define KEY_W_MIN 8
#define KEY_W_NARROW 16
#define KEY_W_WIDE 28

struct row {
    int section;
    long item; /* index into plan->items, -1 for the section heading */
};

/* Forms: the fields each section has, in order (field ids index struct cd_careplan_fields). */
enum field { F_TEXT, F_CODE, F_TARGET, F_DATE, F_STATUS, F_RESP, F_DOSE, F_ROUTE, F_RECONCILED };
struct field_def {
    enum field f;
    const char *label;
};

/* The open item form's context (one form at a time: forms are modal). */
struct item_form {
    int section;
    char key[64]; /* "" when adding */
    struct field_def defs[8];
    size_t n;
};

struct careplan {
    int64_t patient_id;
    char patient[160];
    struct cd_careplan *plan; /* the working copy */
    int base;                 /* the version the edits started from */
    bool dirty;
    char conflict[CD_ERROR_MSG_MAX + 16]; /* the refused save's message, "" when none */
    int newer; /* a version saved by someone else since base, 0 when none */
    struct row *rows;
    size_t nrows;
    struct item_form form;
};

const struct cd_careplan *view_careplan_working(const struct view *v)
{
    if (!v || v->ops != &view_careplan_ops)
        return NULL;
    const struct careplan *p = v->state;
    return p->plan;
}

static int build_rows(struct view *v)
{
    struct careplan *p = v->state;
    size_t n = CD_CAREPLAN_NSECTIONS + p->plan->nitems;
    struct row *rows = realloc(p->rows, n * sizeof *rows);
    if (!rows)
        return CD_ENOMEM;
    p->rows = rows;
    p->nrows = 0;
    for (int s = 0; s < CD_CAREPLAN_NSECTIONS; s++) {
        rows[p->nrows++] = (struct row){s, -1};
        for (size_t i = 0; i < p->plan->nitems; i++)
            if (p->plan->items[i].section == s)
                rows[p->nrows++] = (struct row){s, (long)i};
    }
    v->list.count = p->nrows;
    list_ensure_visible(&v->list);
    return 0;
}

/* The item under the cursor, or NULL on a heading. */
static const struct cd_careplan_item *current_item(const struct view *v)
{
    const struct careplan *p = v->state;
    if (v->list.cursor >= p->nrows || p->rows[v->list.cursor].item < 0)
        return NULL;
    return &p->plan->items[p->rows[v->list.cursor].item];
}

static void select_key(struct view *v, const char *key)
{
    struct careplan *p = v->state;
    for (size_t r = 0; r < p->nrows; r++)
        if (p->rows[r].item >= 0 && !strcmp(p->plan->items[p->rows[r].item].key, key)) {
            list_select(&v->list, r);
            return;
        }
}

/* After an edit: rows again, the cursor on KEY (NULL: stay), the title says unsaved. */
static void edited(struct view *v, const char *key)
{
    struct careplan *p = v->state;
    char *k = key ? cd_strdup(key) : NULL;
    p->dirty = true;
    build_rows(v);
    if (k)
        select_key(v, k);
    free(k);
    v->dirty |= VIEW_REPAINT;
}

static int load(struct view *v, struct cd_error *err)
{
    struct careplan *p = v->state;
    struct cd_careplan *plan = NULL;
    int rc = cd_careplan_load(app_store(v->app), p->patient_id, 0, &plan, err);
    if (rc)
        return rc;
    cd_careplan_free(p->plan);
    p->plan = plan;
    p->base = plan->version;
    p->dirty = false;
    p->newer = 0;
    p->conflict[0] = '\0';
    return build_rows(v) ? cd_error_set(err, CD_ENOMEM, "out of memory") : 0;
}

static int careplan_open(struct view *v, const struct view_args *args, struct cd_error *err)
{
    struct careplan *p = v->state;
    if (!args || args->id <= 0)
        return cd_error_set(err, CD_EINVAL, "the care plan needs a patient");
    p->patient_id = args->id;
    int rc = patient_label(app_store(v->app), p->patient_id, p->patient, sizeof p->patient, err);
    if (!rc)
        rc = load(v, err);
    if (!rc)
        rc = args->alone ? chart_frame_record_open(v, p->patient_id, CHART_CAREPLAN, err)
                         : chart_frame_attach(v, p->patient_id, CHART_CAREPLAN, err);
    if (rc) {
        cd_careplan_free(p->plan);
        free(p->rows);
    }
    return rc;
}

/* Another process saved: without edits show its version; with edits keep them and say so. */
static int careplan_reload(struct view *v, struct cd_error *err)
{
    struct careplan *p = v->state;
    if (!p->dirty) {
        char key[64] = "";
        const struct cd_careplan_item *it = current_item(v);
        if (it)
            snprintf(key, sizeof key, "%s", it->key);
        int rc = load(v, err);
        if (!rc && key[0])
            select_key(v, key);
        return rc;
    }
    struct cd_careplan *now = NULL;
    int rc = cd_careplan_load(app_store(v->app), p->patient_id, 0, &now, err);
    if (!rc)
        p->newer = now->version > p->base ? now->version : 0;
    cd_careplan_free(now);
    return rc;
}

static void careplan_layout(struct view *v, int rows, int cols)
{
    (void)cols;
    int fixed = v->frame ? 3 : 4; /* no title under the chart's header */
    v->list.rows = rows > fixed ? (size_t)(rows - fixed) : 1;
}

static enum role status_role(const char *status)
{
    if (!status)
        return ROLE_DIM;
    if (!strcmp(status, "met") || !strcmp(status, "done"))
        return ROLE_OK;
    if (!strcmp(status, "not_met"))
        return ROLE_WARNING;
    if (!strcmp(status, "cancelled"))
        return ROLE_DIM;
    return ROLE_DEFAULT;
}

/* The one-line text of an item: what it is, then its details. */
static void item_line(const struct cd_careplan_item *it, struct cd_strbuf *sb)
{
    const char *nl = it->text ? strchr(it->text, '\n') : NULL;
    if (it->code)
        cd_strbuf_addf(sb, "%s  ", it->code);
    if (nl)
        cd_strbuf_addf(sb, "%.*s ...", (int)(nl - it->text), it->text);
    else
        cd_strbuf_add(sb, it->text ? it->text : "");
    if (it->target)
        cd_strbuf_addf(sb, "; target %s", it->target);
    if (it->responsible)
        cd_strbuf_addf(sb, "; %s", it->responsible);
    if (it->target_date)
        cd_strbuf_addf(sb, it->section == CD_CAREPLAN_GOAL ? " by %s" : "; due %s",
                       it->target_date);
    if (it->dose)
        cd_strbuf_addf(sb, " %s", it->dose);
    if (it->route)
        cd_strbuf_addf(sb, ", %s", it->route);
    if (it->reconciled_on)
        cd_strbuf_addf(sb, "; reconciled %s", it->reconciled_on);
}

static int key_width(const struct cd_careplan *plan, int cols)
{
    int w = KEY_W_MIN, most = cols >= 100 ? KEY_W_WIDE : KEY_W_NARROW;
    for (size_t i = 0; i < plan->nitems && w < most; i++) {
        int kw = uw_width(plan->items[i].key) + 2;
        if (kw > w)
            w = kw < most ? kw : most;
    }
    return w;
}

/* Row R at Y; KW is the key column's width (key_width, once a draw). */
static void draw_row(struct view *v, const struct canvas *c, int y, size_t r, int kw)
{
    struct careplan *p = v->state;
    const struct row *row = &p->rows[r];
    bool sel = r == v->list.cursor;
    struct canvas line = canvas_sub(c, y, 0, 1, c->cols);
    canvas_fill(&line, 0, sel ? ROLE_SELECTED : ROLE_DEFAULT);
    if (row->item < 0) {
        size_t n = 0;
        for (size_t i = 0; i < p->plan->nitems; i++)
            n += p->plan->items[i].section == row->section;
        int w = canvas_text(&line, 0, 1, -1, sel ? ROLE_SELECTED : ROLE_HEADER, 0,
                            cd_careplan_section_title(row->section));
        if (!n)
            canvas_text(&line, 0, 2 + w, -1, sel ? ROLE_SELECTED : ROLE_DIM, 0, "(none)");
        return;
    }
    const struct cd_careplan_item *it = &p->plan->items[row->item];
    struct cd_strbuf sb = CD_STRBUF_INIT;
    item_line(it, &sb);
    int sw = it->status ? 12 : 0;
    canvas_text(&line, 0, 3, kw - 1, sel ? ROLE_SELECTED : ROLE_DIM, 0, it->key);
    canvas_text(&line, 0, 3 + kw, line.cols - 4 - kw - sw, sel ? ROLE_SELECTED : ROLE_DEFAULT, 0,
                cd_strbuf_str(&sb));
    if (it->status)
        canvas_text(&line, 0, line.cols - sw - 1, sw, sel ? ROLE_SELECTED : status_role(it->status),
                    CANVAS_RIGHT, cd_careplan_status_label(it->status));
    cd_strbuf_free(&sb);
}

static void careplan_draw(struct view *v, const struct canvas *c)
{
    struct careplan *p = v->state;
    const struct cd_careplan *plan = p->plan;
    /* under the chart's header the version line comes first and says whether edits are unsaved */
    int y = v->frame ? 0 : 1, x = 1;
    if (!v->frame)
        x = 1 + canvas_printf(c, 0, 1, -1, ROLE_TITLE, 0, "Care plan of %s", p->patient);
    char local[20] = "";
    time_t t;
    if (plan->saved_at && !cd_instant_parse(plan->saved_at, &t, NULL))
        cd_instant_format_local(t, local);
    int vx = 1;
    if (plan->version == 0)
        vx += canvas_text(c, y, 1, -1, ROLE_DIM, 0, "No version saved yet");
    else
        vx += canvas_printf(c, y, 1, -1, ROLE_DEFAULT, 0, "Version %d of %d, saved %.16s by %s",
                            p->base, p->newer ? p->newer : plan->current, local,
                            plan->saved_by ? plan->saved_by : "");
    if (p->dirty)
        canvas_text(c, 0, (v->frame ? vx : x) + 1, -1, ROLE_UNSAVED, 0, " unsaved changes ");
    int head = y + 2;
    if (p->conflict[0]) {
        /* the refusal in full, wrapped: it says what happened and what to do */
        head = y + 1 + canvas_wrapped(c, y + 1, 1, c->cols - 2, 3, ROLE_ERROR, p->conflict);
    } else if (p->newer)
        canvas_printf(c, y + 1, 1, c->cols - 2, ROLE_WARNING, 0,
                      "Version %d was saved meanwhile: your edits are kept; h compares, S merges",
                      p->newer);
    else
        canvas_printf(c, y + 1, 1, -1, ROLE_DEFAULT, 0, "Next review: %s",
                      plan->next_review ? plan->next_review : "not set");
    struct canvas body = canvas_sub(c, head, 0, c->rows - head, c->cols);
    struct list *l = &v->list;
    l->rows = body.rows > 0 ? (size_t)body.rows : 1;
    list_ensure_visible(l);
    int kw = key_width(plan, body.cols);
    for (size_t i = 0; i < list_visible(l); i++)
        draw_row(v, &body, (int)i, l->top + i, kw);
}

static size_t section_fields(int section, struct field_def *out)
{
    size_t n = 0;
    switch (section) {
    case CD_CAREPLAN_PROBLEM:
        out[n++] = (struct field_def){F_CODE, "ICD-10 code"};
        out[n++] = (struct field_def){F_TEXT, "Problem"};
        break;
    case CD_CAREPLAN_GOAL:
        out[n++] = (struct field_def){F_TEXT, "Goal"};
        out[n++] = (struct field_def){F_TARGET, "Target"};
        out[n++] = (struct field_def){F_DATE, "Target date"};
        out[n++] = (struct field_def){F_STATUS, "Status"};
        break;
    case CD_CAREPLAN_INTERVENTION:
        out[n++] = (struct field_def){F_TEXT, "Intervention"};
        out[n++] = (struct field_def){F_RESP, "Responsible"};
        out[n++] = (struct field_def){F_DATE, "Due"};
        out[n++] = (struct field_def){F_STATUS, "Status"};
        break;
    case CD_CAREPLAN_MEDICATION:
        out[n++] = (struct field_def){F_TEXT, "Medication"};
        out[n++] = (struct field_def){F_DOSE, "Dose"};
        out[n++] = (struct field_def){F_ROUTE, "How taken"};
        out[n++] = (struct field_def){F_RECONCILED, "Reconciled on"};
        break;
    default: out[n++] = (struct field_def){F_TEXT, "Text"}; break;
    }
    return n;
}

static const char **field_slot(struct cd_careplan_fields *in, enum field f)
{
    const char **slots[] = {&in->text,        &in->code,   &in->target,
                            &in->target_date, &in->status, &in->responsible,
                            &in->dose,        &in->route,  &in->reconciled_on};
    return slots[f];
}

static const char *item_value(const struct cd_careplan_item *it, enum field f)
{
    if (!it)
        return NULL;
    const char *values[] = {it->text,        it->code, it->target, it->target_date,  it->status,
                            it->responsible, it->dose, it->route,  it->reconciled_on};
    return values[f];
}

/* A date field as typed (CTX: its struct field_def, for the label); empty is fine. */
static int check_date(const char *value, void *ctx, struct cd_error *err)
{
    const struct field_def *def = ctx;
    int day;
    if (*value && cd_date_parse(value, &day, NULL))
        return cd_error_set(err, CD_EINVAL, "%s: '%.40s' is not a date (YYYY-MM-DD)", def->label,
                            value);
    return 0;
}

static int item_submit(struct view *v, struct form *f, void *ctx, struct cd_error *err)
{
    struct careplan *p = v->state;
    struct item_form *in = ctx;
    struct cd_careplan_fields fields = {0};
    for (size_t i = 0; i < in->n; i++)
        *field_slot(&fields, in->defs[i].f) = form_value(f, (int)i);
    const char *key = in->key;
    int rc = in->key[0] ? cd_careplan_edit(p->plan, in->key, &fields, err)
                        : cd_careplan_add(p->plan, in->section, &fields, &key, err);
    if (rc)
        return rc;
    app_message(v->app, "%s %s (not saved yet: S saves)", in->key[0] ? "Changed" : "Added", key);
    edited(v, key);
    return 0;
}

static void item_form_open(struct view *v, int section, const struct cd_careplan_item *it)
{
    struct careplan *p = v->state;
    struct item_form *in = &p->form;
    char title[200];
    struct form *f = NULL;
    memset(in, 0, sizeof *in);
    in->section = section;
    in->n = section_fields(section, in->defs);
    if (it)
        snprintf(in->key, sizeof in->key, "%s", it->key);
    if (it)
        snprintf(title, sizeof title, "Edit %s", it->key);
    else
        snprintf(title, sizeof title, "New %s", cd_careplan_section_name(section));
    f = form_new(title);
    for (size_t i = 0; f && i < in->n; i++) {
        enum field fd = in->defs[i].f;
        bool text = fd == F_TEXT;
        unsigned flags = text ? FORM_MULTILINE | FORM_REQUIRED : 0;
        form_validate_fn check = fd == F_DATE || fd == F_RECONCILED ? check_date : NULL;
        const char *initial = item_value(it, fd);
        if (!it && fd == F_STATUS)
            initial = section == CD_CAREPLAN_GOAL ? "active" : "planned";
        if (form_add(f, in->defs[i].label, initial, flags, text ? 1000 : 200, text ? 3 : 1, check,
                     &in->defs[i]) < 0) {
            form_free(f);
            f = NULL;
        }
    }
    if (f)
        form_open(v, f, item_submit, in);
}

static void delete_done(struct view *v, bool yes, void *ctx)
{
    struct careplan *p = v->state;
    char *key = ctx;
    struct cd_error err = {0};
    if (yes) {
        if (cd_careplan_delete(p->plan, key, &err)) {
            app_error(v->app, &err);
        } else {
            app_message(v->app, "Deleted %s (not saved yet: S saves)", key);
            edited(v, NULL);
        }
    }
    free(key);
}

struct status_choice {
    char key[64];
};

static void status_done(struct view *v, int key, void *ctx)
{
    struct careplan *p = v->state;
    struct status_choice *sc = ctx;
    static const struct {
        int key;
        const char *goal, *intervention;
    } map[] = {
        {'p', "proposed", "planned"},    {'a', "active", NULL},      {'m', "met", NULL},
        {'n', "not_met", NULL},          {'i', NULL, "in_progress"}, {'d', NULL, "done"},
        {'c', "cancelled", "cancelled"},
    };
    const struct cd_careplan_item *it = cd_careplan_find(p->plan, sc->key);
    struct cd_error err = {0};
    for (size_t i = 0; it && key != TK_NONE && i < sizeof map / sizeof map[0]; i++) {
        const char *s = it->section == CD_CAREPLAN_GOAL ? map[i].goal : map[i].intervention;
        if (map[i].key != key || !s)
            continue;
        if (it->status && !strcmp(it->status, s))
            break;
        if (cd_careplan_set_status(p->plan, sc->key, s, &err)) {
            app_error(v->app, &err);
        } else {
            app_message(v->app, "%s is %s now (not saved yet: S saves)", sc->key,
                        cd_careplan_status_label(s));
            edited(v, sc->key);
        }
        break;
    }
    free(sc);
}

static void status_open(struct view *v, const struct cd_careplan_item *it)
{
    static const struct prompt_choice goal[] = {
        {'p', "proposed"}, {'a', "active"}, {'m', "met"}, {'n', "not met"}, {'c', "cancelled"},
    };
    static const struct prompt_choice intervention[] = {
        {'p', "planned"},
        {'i', "in progress"},
        {'d', "done"},
        {'c', "cancelled"},
    };
    if (it->section != CD_CAREPLAN_GOAL && it->section != CD_CAREPLAN_INTERVENTION) {
        app_message(v->app, "Only goals and interventions have a status");
        return;
    }
    struct status_choice *sc = calloc(1, sizeof *sc);
    if (!sc)
        return;
    snprintf(sc->key, sizeof sc->key, "%s", it->key);
    char title[128];
    snprintf(title, sizeof title, "Status of %s (now %s)", it->key,
             it->status ? cd_careplan_status_label(it->status) : "not set");
    bool g = it->section == CD_CAREPLAN_GOAL;
    if (prompt_choice(v, title, g ? goal : intervention,
                      g ? sizeof goal / sizeof goal[0]
                        : sizeof intervention / sizeof intervention[0],
                      status_done, sc))
        free(sc);
}

static void review_done(struct view *v, const char *text, void *ctx)
{
    (void)ctx;
    struct careplan *p = v->state;
    struct cd_error err = {0};
    if (!text)
        return;
    const char *old = p->plan->next_review ? p->plan->next_review : "";
    if (!strcmp(old, text))
        return;
    if (cd_careplan_set_review(p->plan, text, &err)) {
        app_error(v->app, &err);
        return;
    }
    if (*text)
        app_message(v->app, "Next review on %s (not saved yet: S saves)", text);
    else
        app_message(v->app, "No review date (not saved yet: S saves)");
    edited(v, NULL);
}

static void save_done(struct view *v, const char *text, void *ctx)
{
    (void)ctx;
    struct careplan *p = v->state;
    struct cd_error err = {0};
    if (!text)
        return;
    char key[64] = "";
    const struct cd_careplan_item *it = current_item(v);
    if (it)
        snprintf(key, sizeof key, "%s", it->key);
    int rc = cd_careplan_save(app_store(v->app), p->plan, p->base, *text ? text : NULL, &err);
    if (rc == CD_ECONFLICT) {
        snprintf(p->conflict, sizeof p->conflict, "Not saved: %s", err.msg);
        struct cd_careplan *now = NULL;
        if (!cd_careplan_load(app_store(v->app), p->patient_id, 0, &now, NULL))
            p->newer = now->version;
        cd_careplan_free(now);
        app_message(v->app,
                    "Your edits are kept: h compares with version %d; S merges them into it",
                    p->newer);
        return;
    }
    if (rc) {
        app_error(v->app, &err);
        return;
    }
    int version = p->plan->version;
    app_changed(v->app);
    if (load(v, &err))
        app_error(v->app, &err);
    else
        app_message(v->app, "Saved version %d", version);
    if (key[0])
        select_key(v, key);
}

/* After a refused save: the nurse's changes applied again on top of the newer version (nothing of
 * the other nurse's is lost); she checks the result and saves it with S. */
static void merge_done(struct view *v, bool yes, void *ctx)
{
    (void)ctx;
    struct careplan *p = v->state;
    struct cd_error err = {0};
    int clashes = 0;
    if (!yes)
        return;
    char key[64] = "";
    const struct cd_careplan_item *it = current_item(v);
    if (it)
        snprintf(key, sizeof key, "%s", it->key);
    if (cd_careplan_rebase(app_store(v->app), p->plan, p->base, &clashes, &err)) {
        app_error(v->app, &err);
        return;
    }
    p->base = p->plan->version;
    p->newer = 0;
    p->conflict[0] = '\0';
    edited(v, key[0] ? key : NULL);
    if (clashes)
        app_message(v->app,
                    "Merged into version %d; %d field%s changed by both: yours kept. S saves",
                    p->base, clashes, clashes == 1 ? "" : "s");
    else
        app_message(v->app, "Merged into version %d: check the plan, then S saves", p->base);
}

/* S: nothing to save, a plain save, or, when someone saved meanwhile, the offer to merge. */
static void save_start(struct view *v)
{
    struct careplan *p = v->state;
    if (!p->dirty) {
        app_message(v->app, "Nothing to save");
        return;
    }
    if (p->newer) {
        char q[160];
        snprintf(q, sizeof q, "Version %d was saved meanwhile: merge your changes into it?",
                 p->newer);
        prompt_confirm(v, q, merge_done, NULL);
        return;
    }
    prompt_text(v, "Summary of the changes (optional):", NULL, save_done, NULL);
}

static void discard_done(struct view *v, bool yes, void *ctx)
{
    if (!yes)
        return;
    if (ctx)
        app_quit(v->app);
    else
        app_pop(v->app);
}

/* y after "Discard ...?" on the way to another tab of the chart (CTX: the tab + 1). */
static void discard_switch_done(struct view *v, bool yes, void *ctx)
{
    if (yes)
        chart_frame_switch(v, (int)(intptr_t)ctx - 1);
}

static enum action careplan_act(struct view *v, enum action action)
{
    struct careplan *p = v->state;
    int tab = chart_frame_target(v, action);
    if (tab >= 0 && p->dirty) {
        /* the edits live in this tab only: never lose them on the way to another */
        prompt_confirm(v, "Discard your unsaved changes to the care plan?", discard_switch_done,
                       (void *)(intptr_t)(tab + 1));
        return ACT_NONE;
    }
    const struct cd_careplan_item *it = current_item(v);
    int section = v->list.cursor < p->nrows ? p->rows[v->list.cursor].section : 0;
    switch (action) {
    case ACT_ITEM_ADD: item_form_open(v, section, NULL); return ACT_NONE;
    case ACT_ITEM_EDIT:
        if (it)
            item_form_open(v, it->section, it);
        else
            item_form_open(v, section, NULL);
        return ACT_NONE;
    case ACT_ITEM_MOVE_UP:
    case ACT_ITEM_MOVE_DOWN: {
        struct cd_error err = {0};
        if (!it)
            return ACT_NONE;
        char key[64];
        snprintf(key, sizeof key, "%s", it->key);
        size_t before = v->list.cursor;
        if (cd_careplan_move(p->plan, key, action == ACT_ITEM_MOVE_UP ? -1 : 1, &err)) {
            app_error(v->app, &err);
            return ACT_NONE;
        }
        build_rows(v);
        select_key(v, key);
        if (v->list.cursor != before) {
            edited(v, key);
            app_message(v->app, "Moved %s %s (not saved yet: S saves)", key,
                        action == ACT_ITEM_MOVE_UP ? "up" : "down");
        }
        return ACT_NONE;
    }
    case ACT_ITEM_DELETE: {
        if (!it)
            return ACT_NONE;
        char q[200];
        snprintf(q, sizeof q, "Delete %s from the plan?", it->key);
        char *key = cd_strdup(it->key);
        if (key && prompt_confirm(v, q, delete_done, key))
            free(key);
        return ACT_NONE;
    }
    case ACT_ITEM_STATUS:
        if (it)
            status_open(v, it);
        else
            app_message(v->app, "Put the cursor on a goal or an intervention");
        return ACT_NONE;
    case ACT_PLAN_REVIEW:
        prompt_text(v, "Next review date (YYYY-MM-DD, empty clears):", p->plan->next_review,
                    review_done, NULL);
        return ACT_NONE;
    case ACT_PLAN_SAVE: save_start(v); return ACT_NONE;
    case ACT_PLAN_HISTORY: {
        struct view_args args = {.id = p->patient_id};
        app_push(v->app, &view_plan_history_ops, &args);
        return ACT_NONE;
    }
    case ACT_BACK:
    case ACT_QUIT:
        if (!p->dirty)
            return action;
        prompt_confirm(v, "Discard your unsaved changes to the care plan?", discard_done,
                       action == ACT_QUIT ? v : NULL);
        return ACT_NONE;
    case ACT_ENTER: return careplan_act(v, ACT_ITEM_EDIT);
    default: return action;
    }
}

static void careplan_close(struct view *v)
{
    struct careplan *p = v->state;
    cd_careplan_free(p->plan);
    free(p->rows);
}

static const struct view_bar_item careplan_bar[] = {
    {ACT_HELP, "Help"},
    {ACT_ITEM_ADD, "Add"},
    {ACT_ITEM_EDIT, "Edit"},
    {ACT_ITEM_STATUS, "Status"},
    {ACT_ITEM_DELETE, "Del"},
    {ACT_PLAN_SAVE, "Save"},
    {ACT_PLAN_HISTORY, "History"},
    {ACT_BACK, "Back"},
    {ACT_NONE, NULL},
};

/* The patient this view is about: the timer's `t` works on it. */
static int64_t careplan_patient(struct view *v)
{
    return ((struct careplan *)v->state)->patient_id;
}

const struct view_ops view_careplan_ops = {
    .name = "careplan",
    .scope = SCOPE_CAREPLAN,
    .state_size = sizeof(struct careplan),
    .watches = VIEW_WATCH_ALL,
    .bar = careplan_bar,
    .open = careplan_open,
    .reload = careplan_reload,
    .layout = careplan_layout,
    .draw = careplan_draw,
    .act = careplan_act,
    .close = careplan_close,
    .patient = careplan_patient,
};
