/* SPDX-License-Identifier: MIT */
/* Forms: fields of struct edit, validation as you type, drawing through canvas. */
#include "config.h"
#include "tui/screen/form.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/strbuf.h"
#include "core/base/text.h"
#include "tui/screen/app.h"
#include "tui/screen/edit.h"
#include "tui/screen/uwidth.h"

#define FORM_MAX_FIELDS 32
#define LABEL_MAX 20
#define FORM_ERROR_LINES 4 /* lines for the sentence of a refused save */

struct field {
    char label[64];
    struct edit e;
    unsigned flags;
    int height;
    size_t scroll; /* first byte (single-line) or first wrapped line (multi-line) shown */
    form_validate_fn validate;
    void *ctx;
    char msg[CD_ERROR_MSG_MAX]; /* the validation message, "" when fine */
    char **choices;             /* a choice field's labels (one block, owned), else NULL */
    size_t nchoices, choice;
};

struct form {
    char title[128];
    struct field field[FORM_MAX_FIELDS];
    int n, cur;
    bool dirty, confirming;
    char error[CD_ERROR_MSG_MAX];
    int width; /* the field width at the last draw, for Up/Down in multi-line fields */
    struct view *view;
    form_submit_fn submit;
    void *ctx;
};

struct form *form_new(const char *title)
{
    struct form *f = calloc(1, sizeof *f);
    if (f)
        snprintf(f->title, sizeof f->title, "%s", title);
    return f;
}

static bool check(struct field *fl)
{
    struct cd_error err = {0};
    const char *v = edit_text(&fl->e);
    int32_t cp = cd_text_find_control(v, fl->flags & FORM_MULTILINE);
    char name[12];
    fl->msg[0] = '\0';
    if ((fl->flags & FORM_REQUIRED) && !*v) {
        snprintf(fl->msg, sizeof fl->msg, "%s is empty", fl->label);
        return false;
    }
    if (cp >= 0) {
        snprintf(fl->msg, sizeof fl->msg, "%s contains a control character (%s)", fl->label,
                 cd_text_control_name(cp, name));
        return false;
    }
    if (fl->validate && fl->validate(v, fl->ctx, &err)) {
        snprintf(fl->msg, sizeof fl->msg, "%s", err.msg[0] ? err.msg : cd_strerror(err.code));
        return false;
    }
    return true;
}

int form_add(struct form *f, const char *label, const char *initial, unsigned flags, size_t max,
             int height, form_validate_fn validate, void *ctx)
{
    if (f->n == FORM_MAX_FIELDS)
        return CD_ENOMEM;
    struct field *fl = &f->field[f->n];
    memset(fl, 0, sizeof *fl);
    snprintf(fl->label, sizeof fl->label, "%s", label);
    fl->flags = flags;
    fl->height = (flags & FORM_MULTILINE) ? (height > 1 ? height : 4) : 1;
    fl->validate = validate;
    fl->ctx = ctx;
    fl->e.max = max;
    fl->e.multiline = flags & FORM_MULTILINE;
    if (edit_set(&fl->e, initial))
        return CD_ENOMEM;
    if (initial && *initial)
        check(fl); /* show what is wrong with given values at once; empty ones wait for edits */
    return f->n++;
}

int form_add_choice(struct form *f, const char *label, const char *const *choices, size_t n,
                    size_t initial, form_validate_fn validate, void *ctx)
{
    size_t bytes = n * sizeof(char *);
    for (size_t i = 0; i < n; i++)
        bytes += strlen(choices[i]) + 1;
    char **copy = n ? malloc(bytes) : NULL;
    if (!copy)
        return CD_ENOMEM;
    char *p = (char *)(copy + n);
    for (size_t i = 0; i < n; i++) {
        copy[i] = p;
        p = stpcpy(p, choices[i]) + 1;
    }
    if (initial >= n)
        initial = 0;
    int i = form_add(f, label, copy[initial], 0, 0, 1, validate, ctx);
    if (i < 0) {
        free(copy);
        return i;
    }
    f->field[i].choices = copy;
    f->field[i].nchoices = n;
    f->field[i].choice = initial;
    return i;
}

int form_set(struct form *f, int i, const char *text)
{
    if (i < 0 || i >= f->n)
        return CD_EINVAL;
    struct field *fl = &f->field[i];
    if (edit_set(&fl->e, text))
        return CD_ENOMEM;
    fl->scroll = 0;
    f->dirty = true;
    check(fl);
    return 0;
}

/* A key in a choice field: Left/Right/Space step through the choices, a character picks the
 * next one starting with it; true when the key was the field's. */
static bool choice_key(struct form *f, struct field *fl, int key)
{
    size_t next = fl->choice;
    if (key == TK_RIGHT || key == ' ')
        next = (fl->choice + 1) % fl->nchoices;
    else if (key == TK_LEFT)
        next = (fl->choice + fl->nchoices - 1) % fl->nchoices;
    else if (key > ' ' && key < 0x7f) {
        for (size_t k = 1; k <= fl->nchoices; k++) {
            size_t c = (fl->choice + k) % fl->nchoices;
            if (tolower((unsigned char)fl->choices[c][0]) == tolower(key)) {
                next = c;
                break;
            }
        }
    } else if (key == TK_ENTER || key == TK_TAB || key == TK_BTAB || key == TK_ESC ||
               key == TK_UP || key == TK_DOWN || key == TK_F0 + 10 || key == TK_CTRL('d')) {
        return false;
    }
    if (next != fl->choice) {
        fl->choice = next;
        f->error[0] = '\0';
        form_set(f, (int)(fl - f->field), fl->choices[next]);
    }
    return true;
}

const char *form_value(const struct form *f, int i)
{
    return i >= 0 && i < f->n ? edit_text(&f->field[i].e) : "";
}

bool form_dirty(const struct form *f)
{
    return f->dirty;
}

int form_current(const struct form *f)
{
    return f->cur;
}

void form_set_error(struct form *f, const char *msg)
{
    snprintf(f->error, sizeof f->error, "%s", msg ? msg : "");
}

enum form_result form_key(struct form *f, int key)
{
    if (f->n == 0)
        return key == TK_ESC ? FORM_CANCEL : FORM_CONTINUE;
    if (f->confirming) {
        f->confirming = false;
        return key == 'y' || key == 'Y' ? FORM_CANCEL : FORM_CONTINUE;
    }
    struct field *fl = &f->field[f->cur];
    if (fl->choices && choice_key(f, fl, key))
        return FORM_CONTINUE;
    switch (key) {
    case TK_ESC:
        if (!f->dirty)
            return FORM_CANCEL;
        f->confirming = true;
        return FORM_CONTINUE;
    case TK_TAB: f->cur = (f->cur + 1) % f->n; return FORM_CONTINUE;
    case TK_BTAB: f->cur = (f->cur + f->n - 1) % f->n; return FORM_CONTINUE;
    case TK_F0 + 10:
    case TK_CTRL('d'): break;
    case TK_ENTER:
        if (fl->flags & FORM_MULTILINE)
            goto edit;
        break;
    case TK_UP:
    case TK_DOWN:
        if ((fl->flags & FORM_MULTILINE) && edit_key(&fl->e, key, f->width) == EDIT_MOVED)
            return FORM_CONTINUE;
        f->cur = (f->cur + (key == TK_DOWN ? 1 : f->n - 1)) % f->n;
        return FORM_CONTINUE;
    default: goto edit;
    }
    /* submit: every field must pass */
    for (int i = 0; i < f->n; i++)
        if (!check(&f->field[i])) {
            f->cur = i;
            return FORM_CONTINUE;
        }
    return FORM_SUBMIT;
edit:
    if (edit_key(&fl->e, key, f->width) == EDIT_CHANGED) {
        f->dirty = true;
        f->error[0] = '\0';
        check(fl);
    }
    return FORM_CONTINUE;
}

static int label_width(const struct form *f)
{
    int w = 0;
    for (int i = 0; i < f->n; i++) {
        int lw = uw_width(f->field[i].label);
        if (lw > w)
            w = lw;
    }
    return w > LABEL_MAX ? LABEL_MAX : w;
}

static void draw_single(struct field *fl, const struct canvas *c, int y, int x, int width,
                        bool current)
{
    const char *s = edit_text(&fl->e);
    if (fl->scroll > fl->e.pos)
        fl->scroll = fl->e.pos;
    while (uw_width_n(s + fl->scroll, fl->e.pos - fl->scroll) > width - 1)
        fl->scroll = uw_next(s, fl->e.len, fl->scroll);
    size_t fit = uw_fit(s + fl->scroll, fl->e.len - fl->scroll, width, NULL);
    char *shown = cd_strdup(s + fl->scroll);
    canvas_text(c, y, x, width, ROLE_INPUT, CANVAS_PAD, "");
    if (shown) {
        shown[fit] = '\0';
        canvas_text(c, y, x, width, ROLE_INPUT, 0, shown);
        free(shown);
    }
    if (current)
        canvas_cursor(c, y, x + uw_width_n(s + fl->scroll, fl->e.pos - fl->scroll));
}

static void draw_multi(struct field *fl, const struct canvas *c, int y, int x, int width,
                       bool current)
{
    const char *s = edit_text(&fl->e);
    size_t starts[1024];
    size_t n = edit_wrap(s, fl->e.len, width, starts, 1024);
    size_t line = 0;
    while (line + 1 < n && starts[line + 1] <= fl->e.pos)
        line++;
    if (line < fl->scroll)
        fl->scroll = line;
    if (line >= fl->scroll + (size_t)fl->height)
        fl->scroll = line - (size_t)fl->height + 1;
    for (int r = 0; r < fl->height; r++) {
        size_t l = fl->scroll + (size_t)r;
        canvas_text(c, y + r, x, width, ROLE_INPUT, CANVAS_PAD, "");
        if (l >= n)
            continue;
        size_t end = l + 1 < n ? starts[l + 1] : fl->e.len;
        char *part = malloc(end - starts[l] + 1);
        if (!part)
            continue;
        memcpy(part, s + starts[l], end - starts[l]);
        part[end - starts[l]] = '\0';
        char *nl = strchr(part, '\n');
        if (nl)
            *nl = '\0';
        canvas_text(c, y + r, x, width, ROLE_INPUT, 0, part);
        free(part);
    }
    if (current)
        canvas_cursor(c, y + (int)(line - fl->scroll),
                      x + uw_width_n(s + starts[line], fl->e.pos - starts[line]));
}

void form_draw(struct form *f, const struct canvas *screen)
{
    int rows = 4; /* frame, gap, message line */
    for (int i = 0; i < f->n; i++)
        rows += f->field[i].height;
    int width = screen->cols - 8 < 100 ? screen->cols - 8 : 100;
    /* core's sentence for a refused save wraps onto a few more lines rather than losing its end */
    size_t starts[FORM_ERROR_LINES + 1];
    int el = f->error[0] && !f->confirming
                 ? (int)edit_wrap(f->error, strlen(f->error), width - 4, starts, FORM_ERROR_LINES)
                 : 1;
    rows += el - 1;
    struct canvas box = canvas_centered(screen, rows + 1, width);
    struct canvas in = canvas_box(&box, ROLE_BORDER, f->title);
    int lw = label_width(f);
    int x = lw + 2;
    f->width = in.cols - x;
    int y = 0;
    for (int i = 0; i < f->n; i++) {
        struct field *fl = &f->field[i];
        bool current = i == f->cur && !f->confirming;
        canvas_text(&in, y, 0, lw,
                    fl->msg[0] ? ROLE_ERROR
                    : current  ? ROLE_TITLE
                               : ROLE_LABEL,
                    CANVAS_RIGHT, fl->label);
        if (fl->flags & FORM_MULTILINE)
            draw_multi(fl, &in, y, x, f->width, current);
        else
            draw_single(fl, &in, y, x, f->width, current);
        y += fl->height;
    }
    const char *msg = f->field[f->cur].msg;
    if (f->confirming) {
        canvas_text(&in, y + 1, 0, -1, ROLE_WARNING, 0, "Discard your changes? y yes, n no");
    } else if (f->error[0]) {
        canvas_wrapped(&in, y + 1, 0, in.cols, el, ROLE_ERROR, f->error);
    } else if (f->n && msg[0]) {
        canvas_text(&in, y + 1, 0, -1, ROLE_ERROR, 0, msg);
    } else if (f->n && f->field[f->cur].choices) {
        canvas_text(&in, y + 1, 0, -1, ROLE_DIM, 0,
                    "Left/Right choose  Tab next field  Enter save  Esc cancel");
    } else {
        bool multi = f->n && (f->field[f->cur].flags & FORM_MULTILINE);
        canvas_text(&in, y + 1, 0, -1, ROLE_DIM, 0,
                    multi ? "Tab next field  F10 or ^D save  Esc cancel"
                          : "Tab next field  Enter save  Esc cancel");
    }
}

void form_free(struct form *f)
{
    if (!f)
        return;
    for (int i = 0; i < f->n; i++) {
        edit_free(&f->field[i].e);
        free(f->field[i].choices);
    }
    free(f);
}

static void modal_draw(void *obj, const struct canvas *screen)
{
    form_draw(obj, screen);
}

static enum app_modal_result modal_key(void *obj, int key)
{
    struct form *f = obj;
    switch (form_key(f, key)) {
    case FORM_CANCEL: return APP_MODAL_CLOSE;
    case FORM_SUBMIT: {
        struct cd_error err = {0};
        if (f->submit && f->submit(f->view, f, f->ctx, &err)) {
            form_set_error(f, err.msg[0] ? err.msg : cd_strerror(err.code));
            return APP_MODAL_KEEP;
        }
        return APP_MODAL_CLOSE;
    }
    case FORM_CONTINUE: break;
    }
    return APP_MODAL_KEEP;
}

static void modal_free(void *obj)
{
    form_free(obj);
}

static const struct app_modal_ops form_modal = {
    .draw = modal_draw,
    .key = modal_key,
    .free = modal_free,
};

int form_open(struct view *v, struct form *f, form_submit_fn submit, void *ctx)
{
    f->view = v;
    f->submit = submit;
    f->ctx = ctx;
    return app_modal_push(v->app, &form_modal, f);
}
