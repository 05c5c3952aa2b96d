/* SPDX-License-Identifier: MIT */
/* The daily call list, the home screen: one ranked row per patient with the reason of all their
 * jobs, worked top to bottom; the detail lines under the list show the cursor patient's jobs and
 * which one the actions apply to (the most urgent unless another is picked with Tab or ]).
 * The actions on the picked job are in view_worklist_act.c. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/base/clock.h"
#include "core/patient.h"
#include "core/perm.h"
#include "core/task.h"
#include "core/tcm.h"
#include "core/worklist.h"
#include "tui/screen/app.h"
#include "tui/screen/intake.h"
#include "tui/screen/listview.h"
#include "tui/screen/prompt.h"
#include "tui/screen/uwidth.h"
#include "tui/screen/views.h"
#include "tui/screen/views/view_worklist.h"
#include "tui/screen/wlgen.h"

/* At 80 columns the reason gets the room (its dates are what the row is for); the claim, also
 * on the detail lines and in the row's colour, waits for a wider terminal. Who (the assignee)
 * shows only on the lists of more than one person, where Assignee does not. */
static const struct list_column columns[NCOLS] = {
    [COL_RANK] = {"#", 2, 0, CANVAS_RIGHT, 0},
    [COL_PATIENT] = {"Patient", 14, 2, 0, 0},
    [COL_JOB] = {"Job", 8, 0, 0, 0},
    [COL_REASON] = {"Reason", 32, 12, 0, 0},
    [COL_RISK] = {"Risk", 4, 0, 0, 0},
    [COL_PHONE] = {"Phone", 12, 0, 0, 0},
    [COL_WHO] = {"Who", 0, 1, 0, 0},
    [COL_CLAIM] = {"Claim", 6, 1, 0, 100},
    [COL_MRN] = {"MRN", 8, 1, 0, 0},
    [COL_DUE] = {"Due", 10, 0, 0, 0},
    [COL_ASSIGNEE] = {"Assignee", 10, 1, 0, 0},
};
/* Who's width at 80 columns on the team, everyone and intake lists (logins are short; the
 * detail lines and the wider Assignee column of a wider terminal give the rest). */
#define WHO_WIDTH 8
/* Lines under the list for the cursor patient's jobs. */
#define DETAIL_LINES 3

static const char *cell(const struct worklist *w, size_t row, enum cd_worklist_pcol col)
{
    return cd_page_cell(&w->rows, row, col);
}

const char *worklist_job_cell(const struct worklist *w, size_t job, enum cd_worklist_col col)
{
    return cd_page_cell(&w->jobs, job, col);
}

size_t worklist_jobs_of(const struct worklist *w, size_t r, size_t *n)
{
    *n = (size_t)cd_page_cell_int(&w->rows, r, CD_WORKLIST_PCOL_JOBS);
    return (size_t)cd_page_cell_int(&w->rows, r, CD_WORKLIST_PCOL_FIRST);
}

size_t worklist_picked(const struct view *v)
{
    const struct worklist *w = v->state;
    if (!v->list.count || !w->pick_task)
        return 0;
    size_t n, first = worklist_jobs_of(w, v->list.cursor, &n);
    for (size_t k = 0; k < n; k++)
        if (cd_page_cell_int(&w->jobs, first + k, CD_WORKLIST_COL_TASK_ID) == w->pick_task)
            return k;
    return 0;
}

bool worklist_pick(struct view *v)
{
    struct worklist *w = v->state;
    if (v->list.count == 0) {
        app_message(v->app, "The list is empty");
        return false;
    }
    size_t r = v->list.cursor, n;
    size_t j = worklist_jobs_of(w, r, &n) + worklist_picked(v);
    w->task = cd_page_cell_int(&w->jobs, j, CD_WORKLIST_COL_TASK_ID);
    w->patient = cd_page_cell_int(&w->rows, r, CD_WORKLIST_PCOL_PATIENT_ID);
    snprintf(w->name, sizeof w->name, "%s", cell(w, r, CD_WORKLIST_PCOL_PATIENT));
    snprintf(w->job_kind, sizeof w->job_kind, "%s", worklist_job_cell(w, j, CD_WORKLIST_COL_KIND));
    snprintf(w->job, sizeof w->job, "%s", cd_task_kind_label(w->job_kind));
    return true;
}

/* Tab, ]: the next job of the cursor patient (round); S-Tab, [: the previous. */
static void pick_step(struct view *v, int step)
{
    struct worklist *w = v->state;
    if (!v->list.count)
        return;
    size_t n, cur = worklist_picked(v);
    worklist_jobs_of(w, v->list.cursor, &n);
    if (n < 2) {
        app_message(v->app, "%s has one job on this list",
                    cell(w, v->list.cursor, CD_WORKLIST_PCOL_PATIENT));
        return;
    }
    size_t first = worklist_jobs_of(w, v->list.cursor, &n);
    size_t k = (cur + (step > 0 ? 1 : n - 1)) % n;
    w->pick_task = cd_page_cell_int(&w->jobs, first + k, CD_WORKLIST_COL_TASK_ID);
    v->dirty |= VIEW_REPAINT;
}

/* Each role opens on the list it works: a scheduler the TCM intake (the discharges they take in),
 * a supervisor their team's (everyone's when they have none), the others their own. */
static int worklist_open(struct view *v, const struct view_args *args, struct cd_error *err)
{
    (void)args;
    (void)err;
    struct worklist *w = v->state;
    const struct cd_user *u = app_user(v->app);
    w->scope = CD_WORKLIST_MINE;
    if (strcmp(u->role, "scheduler") == 0)
        w->scope = CD_WORKLIST_TCM;
    else if (strcmp(u->role, "supervisor") == 0)
        w->scope = u->team[0] ? CD_WORKLIST_TEAM : CD_WORKLIST_ALL;
    return 0;
}

static int worklist_reload(struct view *v, struct cd_error *err)
{
    struct worklist *w = v->state;
    struct cd_store *store = app_store(v->app);
    int64_t keep =
        v->list.count ? cd_page_cell_int(&w->rows, v->list.cursor, CD_WORKLIST_PCOL_PATIENT_ID) : 0;
    int rc;
    struct cd_worklist_query q = {.scope = w->scope,
                                  .user_id = app_user(v->app)->id,
                                  .team = app_user(v->app)->team,
                                  .program = w->program,
                                  .kind = w->kind,
                                  .screen = true};
    struct cd_page rows = CD_PAGE_INIT, jobs = CD_PAGE_INIT;
    if ((rc = cd_worklist_patients(store, &q, &rows, &jobs, err))) {
        cd_page_free(&rows);
        cd_page_free(&jobs);
        return rc;
    }
    cd_page_free(&w->rows);
    cd_page_free(&w->jobs);
    w->rows = rows;
    w->jobs = jobs;
    w->tcm_patient = 0; /* read again: the change may have been a call or a visit */
    v->list.count = rows.nrows;
    /* after our own action the cursor stays on its row, where the next patient moves up; when
     * others' changes reorder, it stays on its patient (and picked() on its job) */
    if (w->keep_row)
        keep = 0;
    w->keep_row = false;
    for (size_t r = 0; keep && r < rows.nrows; r++)
        if (cd_page_cell_int(&rows, r, CD_WORKLIST_PCOL_PATIENT_ID) == keep) {
            list_select(&v->list, r);
            keep = 0;
        }
    if (v->list.cursor >= v->list.count)
        v->list.cursor = v->list.count ? v->list.count - 1 : 0;
    /* the rank column as wide as the last rank: never "11…" */
    memcpy(w->cols, columns, sizeof w->cols);
    int digits = 1;
    for (size_t n = rows.nrows; n >= 10; n /= 10)
        digits++;
    if (digits > w->cols[COL_RANK].min)
        w->cols[COL_RANK].min = digits;
    /* a list of several people's work says whose each row is, in the reason's place */
    if (w->scope != CD_WORKLIST_MINE) {
        w->cols[COL_WHO].min = WHO_WIDTH;
        w->cols[COL_REASON].min -= WHO_WIDTH + 1;
        w->cols[COL_ASSIGNEE].min = 0;
    }
    /* from the jobs themselves: no second query on every refresh */
    cd_worklist_tcm_figures(&jobs, &w->tcm_figures);
    /* today's generated outreach arrives from a worker: the list above is shown meanwhile */
    return wlgen_kick(v->app, err);
}

static const char *scope_title(const struct worklist *w, const struct cd_user *u)
{
    static char buf[96];
    if (w->scope == CD_WORKLIST_MINE)
        return "My list";
    if (w->scope == CD_WORKLIST_TEAM) {
        snprintf(buf, sizeof buf, "Team %s", u->team[0] ? u->team : "(none)");
        return buf;
    }
    if (w->scope == CD_WORKLIST_TCM)
        return "TCM intake";
    return "Everyone";
}

/* The latest discharge's TCM status of the cursor patient in short ("99496 possible", "99495
 * earned", "TCM lost": the job's reason already gives the dates), read once per patient and
 * load. */
static const char *cursor_tcm(struct view *v)
{
    struct worklist *w = v->state;
    int64_t pid = cd_page_cell_int(&w->rows, v->list.cursor, CD_WORKLIST_PCOL_PATIENT_ID);
    if (pid != w->tcm_patient) {
        struct cd_error err = {0};
        struct cd_tcm_status st;
        bool found = false;
        w->tcm_patient = pid;
        w->tcm = !cd_tcm_status_latest(app_store(v->app), pid, &st, &found, &err) && found
                     ? cd_tcm_status_headline(&st, false)
                     : "";
    }
    return w->tcm;
}

/* The cursor patient's jobs, one a line, the picked one marked: what the actions apply to. A TCM
 * job says after its due date what its discharge can still earn, before the reason a narrow
 * terminal cuts. */
static void draw_jobs(struct view *v, const struct canvas *c)
{
    struct worklist *w = v->state;
    if (!v->list.count || c->rows < DETAIL_LINES + 3)
        return;
    size_t n, first = worklist_jobs_of(w, v->list.cursor, &n), cur = worklist_picked(v);
    size_t top = n <= DETAIL_LINES || cur < DETAIL_LINES - 1 ? 0 : cur - (DETAIL_LINES - 2);
    if (top + DETAIL_LINES > n && n >= DETAIL_LINES)
        top = n - DETAIL_LINES;
    for (size_t i = 0; i < DETAIL_LINES && top + i < n; i++) {
        size_t k = top + i, j = first + k;
        const char *claimer = worklist_job_cell(w, j, CD_WORKLIST_COL_CLAIMED_BY);
        int64_t tries = cd_page_cell_int(&w->jobs, j, CD_WORKLIST_COL_ATTEMPTS);
        /* tries and claims before the reason, whose tail a narrow terminal cuts */
        char extra[96] = "";
        if (tries)
            snprintf(extra, sizeof extra, "  %lld tr%s", (long long)tries,
                     tries == 1 ? "y" : "ies");
        if (*claimer)
            snprintf(extra + strlen(extra), sizeof extra - strlen(extra), "  claimed by %s",
                     claimer);
        const char *kind = worklist_job_cell(w, j, CD_WORKLIST_COL_KIND);
        const char *tcm = strncmp(kind, "tcm_", 4) == 0 ? cursor_tcm(v) : "";
        canvas_printf(c, c->rows - DETAIL_LINES + (int)i, 1, c->cols - 2,
                      k == cur ? ROLE_TITLE : ROLE_DIM, 0, "%s %zu/%zu %-8s due %s%s%s%s%s  %s",
                      k == cur ? ">" : " ", k + 1, n, cd_worklist_marker(kind),
                      worklist_job_cell(w, j, CD_WORKLIST_COL_DUE), *tcm ? " (" : "", tcm,
                      *tcm ? ")" : "", extra, worklist_job_cell(w, j, CD_WORKLIST_COL_REASON));
    }
}

static void worklist_draw(struct view *v, const struct canvas *c)
{
    struct worklist *w = v->state;
    char left[256], right[160];
    snprintf(left, sizeof left, "%s: %zu patient%s · %zu job%s%s%s%s%s%s",
             scope_title(w, app_user(v->app)), w->rows.nrows, w->rows.nrows == 1 ? "" : "s",
             w->jobs.nrows, w->jobs.nrows == 1 ? "" : "s", w->program[0] ? " · program " : "",
             w->program, w->kind[0] ? " · kind " : "", w->kind,
             wlgen_busy() ? " · adding today's outreach..." : "");
    /* short enough to fit at 80 beside a busy list's title; the man page says what each counts */
    snprintf(right, sizeof right, "TCM: overdue %zu · calls due %zu · visits %zu",
             w->tcm_figures.overdue, w->tcm_figures.calls_due, w->tcm_figures.visits);
    int lw = canvas_text(c, 0, 1, -1, ROLE_TITLE, 0, left);
    if (1 + lw + 2 + uw_width(right) <= c->cols - 1)
        canvas_text(c, 0, 0, c->cols - 1, ROLE_DIM, CANVAS_RIGHT, right);
    struct canvas list = canvas_sub(c, 1, 0, c->rows - 1 - DETAIL_LINES, c->cols);
    list_draw(v, &list, w->cols, NCOLS);
    draw_jobs(v, c);
}

static const char *risk_short(const char *risk)
{
    if (strcmp(risk, "moderate") == 0)
        return "mod";
    return strcmp(risk, "none") == 0 ? "" : risk;
}

static void worklist_draw_row(struct view *v, const struct list_row *row)
{
    struct worklist *w = v->state;
    size_t r = row->index;
    const char *claimer = cell(w, r, CD_WORKLIST_PCOL_CLAIMED_BY);
    bool mine = strcmp(claimer, app_user(v->app)->login) == 0;
    int when = (int)cd_page_cell_int(&w->rows, r, CD_WORKLIST_PCOL_URGENCY);
    const char *job = cell(w, r, CD_WORKLIST_PCOL_JOB);
    bool pressing =
        strcmp(job, "TCM") == 0 || strcmp(job, "VISIT") == 0 || strcmp(job, "CALLBACK") == 0;
    enum role role = ROLE_DEFAULT;
    if (*claimer && !mine)
        role = ROLE_CLAIMED;
    else if (when == CD_WORKLIST_OVERDUE)
        role = ROLE_OVERDUE;
    else if (when == CD_WORKLIST_DUE_TODAY && pressing)
        role = ROLE_DUE_TODAY;
    /* in the narrow Who column a team's queue reads "(south)", not "queue:s…" */
    const char *assignee = cell(w, r, CD_WORKLIST_PCOL_ASSIGNEE);
    char queue[40];
    if (strncmp(assignee, "queue:", 6) == 0)
        snprintf(queue, sizeof queue, "(%s)", assignee + 6);
    const char *cells[NCOLS] = {
        [COL_RANK] = cell(w, r, CD_WORKLIST_PCOL_RANK),
        [COL_PATIENT] = cell(w, r, CD_WORKLIST_PCOL_PATIENT),
        [COL_JOB] = job,
        [COL_REASON] = cell(w, r, CD_WORKLIST_PCOL_REASON),
        [COL_RISK] = risk_short(cell(w, r, CD_WORKLIST_PCOL_RISK)),
        [COL_PHONE] = cell(w, r, CD_WORKLIST_PCOL_PHONE),
        [COL_WHO] = strncmp(assignee, "queue:", 6) == 0 ? queue : assignee,
        [COL_CLAIM] = mine ? "me" : claimer,
        [COL_MRN] = cell(w, r, CD_WORKLIST_PCOL_MRN),
        [COL_DUE] = cell(w, r, CD_WORKLIST_PCOL_DUE),
        [COL_ASSIGNEE] = cell(w, r, CD_WORKLIST_PCOL_ASSIGNEE),
    };
    list_row_cells(row, role, cells);
}

static bool worklist_match(const struct view *v, size_t row, const char *needle)
{
    const struct worklist *w = v->state;
    static const enum cd_worklist_pcol cols[] = {CD_WORKLIST_PCOL_PATIENT, CD_WORKLIST_PCOL_MRN,
                                                 CD_WORKLIST_PCOL_REASON, CD_WORKLIST_PCOL_PHONE};
    size_t n = strlen(needle);
    for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++) {
        const char *s = cell(w, row, cols[i]);
        for (; *s; s++)
            if (strncasecmp(s, needle, n) == 0)
                return true;
    }
    return false;
}

/* ---- g: any patient ---- */

/* Patients read for a `g` look-up: the 9 a key picks, the rest only counted ("over 90 more"). */
#define GOTO_LIMIT 100

static void goto_pick(struct view *v, int key, void *ctx)
{
    (void)ctx;
    struct worklist *w = v->state;
    size_t i = (size_t)(key - '1');
    if (key >= '1' && key <= '9' && i < w->found.nrows) {
        struct view_args args = {.id = cd_page_cell_int(&w->found, i, CD_PATIENT_SEARCH_COL_ID)};
        if (app_push(v->app, &view_chart_ops, &args) == 0)
            app_patient_opened(v->app, args.id);
    }
}

static void goto_find(struct view *v, const char *text, void *ctx)
{
    (void)ctx;
    struct worklist *w = v->state;
    if (!text || !*text)
        return;
    struct cd_error err = {0};
    cd_page_free(&w->found);
    /* more than the 9 a key can pick, to say how many more there are */
    if (cd_patient_search(app_store(v->app), text, GOTO_LIMIT, &w->found, &err)) {
        app_error(v->app, &err);
        return;
    }
    if (w->found.nrows == 0) {
        app_message(v->app, "No patient matches '%s'", text);
    } else if (w->found.nrows == 1) {
        struct view_args args = {.id = cd_page_cell_int(&w->found, 0, CD_PATIENT_SEARCH_COL_ID)};
        if (app_push(v->app, &view_chart_ops, &args) == 0)
            app_patient_opened(v->app, args.id);
    } else {
        /* the birth date tells two patients of one name apart */
        struct prompt_choice ch[9];
        char labels[9][128], title[96] = "Which patient?";
        size_t n = w->found.nrows < 9 ? w->found.nrows : 9;
        for (size_t i = 0; i < n; i++) {
            snprintf(labels[i], sizeof labels[i], "%s, born %s, MRN %s",
                     cd_page_cell(&w->found, i, CD_PATIENT_SEARCH_COL_PATIENT),
                     cd_page_cell(&w->found, i, CD_PATIENT_SEARCH_COL_BIRTH_DATE),
                     cd_page_cell(&w->found, i, CD_PATIENT_SEARCH_COL_MRN));
            ch[i] = (struct prompt_choice){(int)('1' + i), labels[i]};
        }
        bool cut = w->found.nrows == GOTO_LIMIT; /* there may be more than were read */
        if (w->found.nrows > n)
            snprintf(title, sizeof title, "Which patient? %s%zu more: type more of the name",
                     cut ? "over " : "", w->found.nrows - n - cut);
        prompt_choice(v, title, ch, n, goto_pick, NULL);
    }
}

/* ---- f: filters ---- */

static void filter_program(struct view *v, int key, void *ctx)
{
    (void)ctx;
    struct worklist *w = v->state;
    static const struct {
        int key;
        const char *program;
    } map[] = {{'t', "tcm"}, {'c', "ccm"}, {'x', "ccm_complex"}, {'p', "pcm"}, {'a', "apcm"}};
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (map[i].key == key) {
            snprintf(w->program, sizeof w->program, "%s", map[i].program);
            v->dirty |= VIEW_RELOAD;
        }
}

static void filter_kind(struct view *v, int key, void *ctx)
{
    (void)ctx;
    struct worklist *w = v->state;
    static const struct {
        int key;
        const char *kind;
    } map[] = {{'c', "tcm_contact"},     {'v', "tcm_visit"}, {'o', "ccm_outreach"},
               {'r', "careplan_review"}, {'b', "callback"},  {'f', "followup"}};
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (map[i].key == key) {
            snprintf(w->kind, sizeof w->kind, "%s", map[i].kind);
            v->dirty |= VIEW_RELOAD;
        }
}

static void filter_choice(struct view *v, int key, void *ctx)
{
    (void)ctx;
    struct worklist *w = v->state;
    struct cd_error err = {0};
    switch (key) {
    case 'm': w->scope = CD_WORKLIST_MINE; break;
    case 't': w->scope = CD_WORKLIST_TEAM; break;
    case 'e':
        if (cd_perm_check(app_user(v->app), CD_PERM_SEE_EVERYONE, &err)) {
            app_error(v->app, &err);
            return;
        }
        w->scope = CD_WORKLIST_ALL;
        break;
    case 'i':
        if (cd_perm_check(app_user(v->app), CD_PERM_SEE_TCM_INTAKE, &err)) {
            app_error(v->app, &err);
            return;
        }
        w->scope = CD_WORKLIST_TCM;
        break;
    case 'p': {
        static const struct prompt_choice ch[] = {
            {'t', "TCM"}, {'c', "CCM"}, {'x', "complex CCM"}, {'p', "PCM"}, {'a', "APCM"}};
        prompt_choice(v, "Program", ch, sizeof ch / sizeof ch[0], filter_program, NULL);
        return;
    }
    case 'k': {
        static const struct prompt_choice ch[] = {{'c', "TCM contact"},  {'v', "TCM visit"},
                                                  {'o', "CCM outreach"}, {'r', "care plan review"},
                                                  {'b', "call back"},    {'f', "follow-up"}};
        prompt_choice(v, "Kind", ch, sizeof ch / sizeof ch[0], filter_kind, NULL);
        return;
    }
    case 'c': w->program[0] = w->kind[0] = '\0'; break;
    default: return;
    }
    v->dirty |= VIEW_RELOAD;
}

/* Open OPS (chart, timeline, care plan) for the cursor row's patient. */
static void open_patient(struct view *v, const struct view_ops *ops)
{
    struct worklist *w = v->state;
    if (!worklist_pick(v))
        return;
    struct view_args args = {.id = w->patient};
    if (app_push(v->app, ops, &args) == 0)
        app_patient_opened(v->app, w->patient); /* a timer on another patient asks */
}

static enum action worklist_act(struct view *v, enum action action)
{
    switch (action) {
    case ACT_ENTER: open_patient(v, &view_chart_ops); return ACT_NONE;
    case ACT_OPEN_TIMELINE: open_patient(v, &view_timeline_ops); return ACT_NONE;
    case ACT_OPEN_CAREPLAN: open_patient(v, &view_careplan_ops); return ACT_NONE;
    case ACT_MINUTES: app_push(v->app, &view_minutes_ops, NULL); return ACT_NONE;
    case ACT_LOG_CALL: worklist_log_call(v); return ACT_NONE;
    case ACT_CALLBACK: worklist_callback(v); return ACT_NONE;
    case ACT_SNOOZE: worklist_snooze(v); return ACT_NONE;
    case ACT_ASSIGN: worklist_assign(v); return ACT_NONE;
    case ACT_CLAIM: worklist_claim(v); return ACT_NONE;
    case ACT_GOTO_PATIENT:
        prompt_text(v, "Patient (name or MRN):", NULL, goto_find, NULL);
        return ACT_NONE;
    case ACT_FILTER: {
        /* only the lists core lets this user see are offered */
        const char *role = app_user(v->app)->role;
        struct prompt_choice ch[8];
        size_t n = 0;
        ch[n++] = (struct prompt_choice){'m', "my list"};
        ch[n++] = (struct prompt_choice){'t', "my team"};
        if (cd_perm_allows(role, CD_PERM_SEE_TCM_INTAKE))
            ch[n++] = (struct prompt_choice){'i', "TCM intake"};
        if (cd_perm_allows(role, CD_PERM_SEE_EVERYONE))
            ch[n++] = (struct prompt_choice){'e', "everyone"};
        ch[n++] = (struct prompt_choice){'p', "program"};
        ch[n++] = (struct prompt_choice){'k', "kind"};
        ch[n++] = (struct prompt_choice){'c', "clear filters"};
        prompt_choice(v, "Show", ch, n, filter_choice, NULL);
        return ACT_NONE;
    }
    case ACT_JOB_NEXT: pick_step(v, 1); return ACT_NONE;
    case ACT_JOB_PREV: pick_step(v, -1); return ACT_NONE;
    case ACT_SUMMARY: app_push(v->app, &view_home_ops, NULL); return ACT_NONE;
    default: return intake_act(v, action); /* discharge-new, import-file */
    }
}

/* The timer key times the cursor row's patient. */
static int64_t worklist_patient(struct view *v)
{
    struct worklist *w = v->state;
    return v->list.count ? cd_page_cell_int(&w->rows, v->list.cursor, CD_WORKLIST_PCOL_PATIENT_ID)
                         : 0;
}

static void worklist_close(struct view *v)
{
    struct worklist *w = v->state;
    cd_page_free(&w->rows);
    cd_page_free(&w->jobs);
    cd_page_free(&w->found);
}

/* The most used first: a narrow terminal shows as many as fit (all are in the ? help). */
static const struct view_bar_item worklist_bar[] = {
    {ACT_HELP, "Help"},         {ACT_ENTER, "Chart"},   {ACT_LOG_CALL, "Call"},
    {ACT_CALLBACK, "Callback"}, {ACT_SNOOZE, "Snooze"}, {ACT_CLAIM, "Claim"},
    {ACT_GOTO_PATIENT, "Go"},   {ACT_FILTER, "Filter"}, {ACT_ASSIGN, "Assign"},
    {ACT_SEARCH, "Find"},       {ACT_BACK, "Quit"},     {ACT_NONE, NULL},
};

const struct view_ops view_worklist_ops = {
    .name = "worklist",
    .scope = SCOPE_WORKLIST,
    .state_size = sizeof(struct worklist),
    .watches = VIEW_WATCH_ALL,
    .bar = worklist_bar,
    .empty = "Nothing to do on this list. f shows another list; g goes to any patient.",
    .open = worklist_open,
    .reload = worklist_reload,
    .draw = worklist_draw,
    .draw_row = worklist_draw_row,
    .act = worklist_act,
    .match = worklist_match,
    .close = worklist_close,
    .patient = worklist_patient,
};
