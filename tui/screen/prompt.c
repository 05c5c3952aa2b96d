/* SPDX-License-Identifier: MIT */
/* One-key choices, yes/no questions and one-line text prompts as modal layers. */
#include "config.h"
#include "tui/screen/prompt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/strbuf.h"
#include "tui/screen/app.h"
#include "tui/screen/edit.h"
#include "tui/screen/uwidth.h"

enum kind { CHOICE, CONFIRM, TEXT };

struct prompt {
    enum kind kind;
    struct view *view;
    char title[512];
    struct prompt_choice *choices; /* labels point into labels */
    size_t n;
    char *labels;
    struct edit edit;
    size_t hscroll; /* first byte shown of a long text */
    prompt_choice_fn choice_done;
    int esc_key; /* a choice's key Esc also picks (shown "k/Esc label"), or 0: Esc cancels */
    prompt_confirm_fn confirm_done;
    prompt_text_fn text_done;
    void *ctx;
};

/* The box's choices: each choice's "k label" and "Esc cancel" last (unless Esc picks a choice,
 * shown "k/Esc label"), or "y yes" and "n no". */
static size_t choice_pieces(const struct prompt *p)
{
    return p->kind == CONFIRM ? 2 : p->n + !p->esc_key;
}

/* Choice I into PIECE (SIZE bytes); returns PIECE. */
static const char *choice_piece(const struct prompt *p, size_t i, char *piece, size_t size)
{
    char k[32];
    if (p->kind == CONFIRM)
        snprintf(piece, size, "%s", i ? "n no" : "y yes");
    else if (i < p->n)
        snprintf(piece, size, "%s%s %s", key_label(p->choices[i].key, k, sizeof k),
                 p->esc_key && p->choices[i].key == p->esc_key ? "/Esc" : "", p->choices[i].label);
    else
        snprintf(piece, size, "Esc cancel");
    return piece;
}

/* The choices three spaces apart, a line breaking between two choices, never inside one ("c
 * clear filters" stays whole), unless one alone is wider than WIDTH. Returns the lines. */
#define CHOICE_LINES 16
static size_t layout_choices(const struct prompt *p, int width,
                             struct cd_strbuf lines[CHOICE_LINES])
{
    size_t nl = 1;
    for (size_t i = 0; i < choice_pieces(p); i++) {
        char piece[160];
        choice_piece(p, i, piece, sizeof piece);
        struct cd_strbuf *l = &lines[nl - 1];
        if (l->len && uw_width(cd_strbuf_str(l)) + 3 + uw_width(piece) > width && nl < CHOICE_LINES)
            l = &lines[nl++];
        cd_strbuf_addf(l, "%s%s", l->len ? "   " : "", piece);
    }
    return nl;
}

static void draw_box(struct prompt *p, const struct canvas *screen)
{
    /* the width all choices need on one line, within the screen */
    int w = 0;
    for (size_t i = 0; i < choice_pieces(p); i++) {
        char piece[160];
        w += (i ? 3 : 0) + uw_width(choice_piece(p, i, piece, sizeof piece));
    }
    int tw = uw_width(p->title);
    int width = (w > tw ? w : tw) + 6;
    if (width > screen->cols - 4)
        width = screen->cols - 4;
    struct cd_strbuf lines[CHOICE_LINES];
    for (size_t i = 0; i < CHOICE_LINES; i++)
        lines[i] = (struct cd_strbuf)CD_STRBUF_INIT;
    size_t nl = layout_choices(p, width - 4, lines);
    /* a long question wraps rather than losing its end */
    size_t starts[CHOICE_LINES + 1];
    size_t tl = edit_wrap(p->title, strlen(p->title), width - 4, starts, CHOICE_LINES);
    struct canvas box = canvas_centered(screen, (int)(tl + nl) + 3, width);
    struct canvas in = canvas_box(&box, ROLE_BORDER, NULL);
    canvas_wrapped(&in, 0, 0, in.cols, (int)tl, ROLE_TITLE, p->title);
    for (size_t i = 0; i < nl; i++) {
        canvas_text(&in, (int)tl + 1 + (int)i, 0, -1, ROLE_DEFAULT, 0, cd_strbuf_str(&lines[i]));
        cd_strbuf_free(&lines[i]);
    }
}

static void draw_text(struct prompt *p, const struct canvas *screen)
{
    struct canvas row = canvas_sub(screen, screen->rows - 2, 0, 1, screen->cols);
    canvas_fill(&row, 0, ROLE_INPUT);
    int x = 1 + canvas_text(&row, 0, 1, -1, ROLE_LABEL, 0, p->title) + 1;
    int width = row.cols - x - 1;
    const char *s = edit_text(&p->edit);
    if (p->hscroll > p->edit.pos)
        p->hscroll = p->edit.pos;
    while (uw_width_n(s + p->hscroll, p->edit.pos - p->hscroll) > width - 1)
        p->hscroll = uw_next(s, p->edit.len, p->hscroll);
    size_t fit = uw_fit(s + p->hscroll, p->edit.len - p->hscroll, width, NULL);
    char *shown = cd_strdup(s + p->hscroll);
    if (shown) {
        shown[fit] = '\0';
        canvas_text(&row, 0, x, width, ROLE_INPUT, 0, shown);
        free(shown);
    }
    canvas_cursor(&row, 0, x + uw_width_n(s + p->hscroll, p->edit.pos - p->hscroll));
}

static void draw(void *obj, const struct canvas *screen)
{
    struct prompt *p = obj;
    if (p->kind == TEXT)
        draw_text(p, screen);
    else
        draw_box(p, screen);
}

static enum app_modal_result key(void *obj, int k)
{
    struct prompt *p = obj;
    switch (p->kind) {
    case CHOICE:
        if (k == TK_ESC) {
            p->choice_done(p->view, p->esc_key ? p->esc_key : TK_NONE, p->ctx);
            return APP_MODAL_CLOSE;
        }
        for (size_t i = 0; i < p->n; i++)
            if (p->choices[i].key == k) {
                p->choice_done(p->view, k, p->ctx);
                return APP_MODAL_CLOSE;
            }
        return APP_MODAL_KEEP;
    case CONFIRM:
        if (k == 'y' || k == 'Y' || k == 'n' || k == 'N' || k == TK_ESC) {
            p->confirm_done(p->view, k == 'y' || k == 'Y', p->ctx);
            return APP_MODAL_CLOSE;
        }
        return APP_MODAL_KEEP;
    case TEXT:
        if (k == TK_ESC) {
            p->text_done(p->view, NULL, p->ctx);
            return APP_MODAL_CLOSE;
        }
        if (k == TK_ENTER) {
            p->text_done(p->view, edit_text(&p->edit), p->ctx);
            return APP_MODAL_CLOSE;
        }
        edit_key(&p->edit, k, 0);
        return APP_MODAL_KEEP;
    }
    return APP_MODAL_KEEP;
}

static void prompt_free(void *obj)
{
    struct prompt *p = obj;
    edit_free(&p->edit);
    free(p->choices);
    free(p->labels);
    free(p);
}

static const struct app_modal_ops prompt_ops = {
    .draw = draw,
    .key = key,
    .free = prompt_free,
};

static struct prompt *prompt_new(struct view *v, enum kind kind, const char *title, void *ctx)
{
    struct prompt *p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    p->kind = kind;
    p->view = v;
    p->ctx = ctx;
    snprintf(p->title, sizeof p->title, "%s", title);
    return p;
}

int prompt_choice(struct view *v, const char *title, const struct prompt_choice *choices, size_t n,
                  prompt_choice_fn done, void *ctx)
{
    return prompt_choice_esc(v, title, choices, n, 0, done, ctx);
}

int prompt_choice_esc(struct view *v, const char *title, const struct prompt_choice *choices,
                      size_t n, int esc_key, prompt_choice_fn done, void *ctx)
{
    struct prompt *p = prompt_new(v, CHOICE, title, ctx);
    size_t total = 0;
    for (size_t i = 0; i < n; i++)
        total += strlen(choices[i].label) + 1;
    if (p) {
        p->choices = calloc(n ? n : 1, sizeof *p->choices);
        p->labels = malloc(total + 1);
    }
    if (!p || !p->choices || !p->labels) {
        if (p)
            prompt_free(p);
        return CD_ENOMEM;
    }
    char *lp = p->labels;
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(choices[i].label) + 1;
        memcpy(lp, choices[i].label, len);
        p->choices[i] = (struct prompt_choice){choices[i].key, lp};
        lp += len;
    }
    p->n = n;
    p->esc_key = esc_key;
    p->choice_done = done;
    return app_modal_push(v->app, &prompt_ops, p);
}

int prompt_confirm(struct view *v, const char *question, prompt_confirm_fn done, void *ctx)
{
    struct prompt *p = prompt_new(v, CONFIRM, question, ctx);
    if (!p)
        return CD_ENOMEM;
    p->confirm_done = done;
    return app_modal_push(v->app, &prompt_ops, p);
}

int prompt_text(struct view *v, const char *label, const char *initial, prompt_text_fn done,
                void *ctx)
{
    struct prompt *p = prompt_new(v, TEXT, label, ctx);
    if (!p || edit_set(&p->edit, initial)) {
        if (p)
            prompt_free(p);
        return CD_ENOMEM;
    }
    p->edit.max = 500;
    p->text_done = done;
    return app_modal_push(v->app, &prompt_ops, p);
}
