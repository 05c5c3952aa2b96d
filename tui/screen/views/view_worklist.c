/* SPDX-License-Identifier: MIT */
/* The daily call list, the home screen: ranked rows with their reasons, worked top to bottom.
 * Every action is one core call; the prompts answer later, so the pending row is kept by task id
 * (another coordinator's change may reload the list in between). */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/base/clock.h"
#include "core/contact.h"
#include "core/patient.h"
#include "core/perm.h"
#include "core/task.h"
#include "core/worklist.h"
#include "tui/screen/app.h"
#include "tui/screen/intake.h"
#include "tui/screen/listview.h"
#include "tui/screen/prompt.h"
#include "tui/screen/refusal.h"
#include "tui/screen/uwidth.h"
#include "tui/screen/views.h"
#include "tui/screen/wlgen.h"

struct worklist {
    struct cd_page rows;               /* cd_worklist_list with the screen columns */
    size_t overdue, due_today, visits; /* the list's TCM figures, for the title line */
    enum cd_worklist_scope scope;
    char program[16], kind[24];
    int64_t task;    /* the row a prompt is about */
    int64_t patient; /* its patient */
    char name[128];  /* its patient's name, for messages */
    char outcome[16];
    time_t when;          /* a call back being scheduled */
    int day;              /* a snooze being scheduled */
    struct cd_page found; /* `g` look-up results */
};

enum {
    COL_RANK,
    COL_PATIENT,
    COL_REASON,
    COL_RISK,
    COL_TRIES,
    COL_PHONE,
    COL_CLAIM,
    COL_MRN,
    COL_DUE,
    COL_ASSIGNEE,
    NCOLS
};
static const struct list_column columns[NCOLS] = {
    [COL_RANK] = {"#", 3, 0, CANVAS_RIGHT, 0},
    [COL_PATIENT] = {"Patient", 14, 2, 0, 0},
    [COL_REASON] = {"Reason", 30, 12, 0, 0},
    [COL_RISK] = {"Risk", 4, 0, 0, 0},
    [COL_TRIES] = {"Try", 3, 0, CANVAS_RIGHT, 0},
    [COL_PHONE] = {"Phone", 12, 0, 0, 0},
    [COL_CLAIM] = {"Claim", 6, 1, 0, 0},
    [COL_MRN] = {"MRN", 8, 1, 0, 0},
    [COL_DUE] = {"Due", 10, 0, 0, 0},
    [COL_ASSIGNEE] = {"Assignee", 10, 1, 0, 0},
};

static const char *cell(const struct worklist *w, size_t row, enum cd_worklist_col col)
{
    return cd_page_cell(&w->rows, row, col);
}

/* The cursor row's task, patient and name into the pending slots; false when the list is empty. */
static bool pick(struct view *v)
{
    struct worklist *w = v->state;
    if (v->list.count == 0) {
        app_message(v->app, "The list is empty");
        return false;
    }
    size_t r = v->list.cursor;
    w->task = cd_page_cell_int(&w->rows, r, CD_WORKLIST_COL_TASK_ID);
    w->patient = cd_page_cell_int(&w->rows, r, CD_WORKLIST_COL_PATIENT_ID);
    snprintf(w->name, sizeof w->name, "%s", cell(w, r, CD_WORKLIST_COL_PATIENT));
    return true;
}

static int worklist_reload(struct view *v, struct cd_error *err)
{
    struct worklist *w = v->state;
    struct cd_store *store = app_store(v->app);
    int64_t keep =
        v->list.count ? cd_page_cell_int(&w->rows, v->list.cursor, CD_WORKLIST_COL_TASK_ID) : 0;
    int rc;
    struct cd_worklist_query q = {.scope = w->scope,
                                  .user_id = app_user(v->app)->id,
                                  .team = app_user(v->app)->team,
                                  .program = w->program,
                                  .kind = w->kind,
                                  .screen = true};
    struct cd_page rows = CD_PAGE_INIT;
    if ((rc = cd_worklist_list(store, &q, &rows, err))) {
        cd_page_free(&rows);
        return rc;
    }
    cd_page_free(&w->rows);
    w->rows = rows;
    v->list.count = rows.nrows;
    /* the cursor stays on its task when others' changes reorder the list */
    for (size_t r = 0; keep && r < rows.nrows; r++)
        if (cd_page_cell_int(&rows, r, CD_WORKLIST_COL_TASK_ID) == keep) {
            list_select(&v->list, r);
            keep = 0;
        }
    if (v->list.cursor >= v->list.count)
        v->list.cursor = v->list.count ? v->list.count - 1 : 0;
    /* figures from the rows themselves: no second query on every refresh */
    w->overdue = w->due_today = w->visits = 0;
    for (size_t r = 0; r < rows.nrows; r++) {
        int64_t g = cd_page_cell_int(&rows, r, CD_WORKLIST_COL_GROUP);
        w->overdue += g == CD_WORKLIST_TCM_OVERDUE;
        w->due_today += g == CD_WORKLIST_TCM_TODAY;
        w->visits += strcmp(cd_page_cell(&rows, r, CD_WORKLIST_COL_KIND), "tcm_visit") == 0;
    }
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
    return "Everyone";
}

static void worklist_draw(struct view *v, const struct canvas *c)
{
    struct worklist *w = v->state;
    char left[256], right[160];
    snprintf(left, sizeof left, "%s: %zu to do%s%s%s%s%s", scope_title(w, app_user(v->app)),
             w->rows.nrows, w->program[0] ? " · program " : "", w->program,
             w->kind[0] ? " · kind " : "", w->kind,
             wlgen_busy() ? " · adding today's outreach..." : "");
    snprintf(right, sizeof right, "TCM: %zu overdue · %zu due today · %zu visits to book",
             w->overdue, w->due_today, w->visits);
    int lw = canvas_text(c, 0, 1, -1, ROLE_TITLE, 0, left);
    if (lw + 4 + uw_width(right) < c->cols)
        canvas_text(c, 0, 0, c->cols - 1, ROLE_DIM, CANVAS_RIGHT, right);
    struct canvas list = canvas_sub(c, 1, 0, c->rows - 1, c->cols);
    list_draw(v, &list, columns, NCOLS);
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
    const char *claimer = cell(w, r, CD_WORKLIST_COL_CLAIMED_BY);
    bool mine = strcmp(claimer, app_user(v->app)->login) == 0;
    int group = (int)cd_page_cell_int(&w->rows, r, CD_WORKLIST_COL_GROUP);
    enum role role = ROLE_DEFAULT;
    if (*claimer && !mine)
        role = ROLE_CLAIMED;
    else if (group == CD_WORKLIST_TCM_OVERDUE)
        role = ROLE_OVERDUE;
    else if (group == CD_WORKLIST_TCM_TODAY || group == CD_WORKLIST_CALLBACK)
        role = ROLE_DUE_TODAY;
    const char *cells[NCOLS] = {
        [COL_RANK] = cell(w, r, CD_WORKLIST_COL_RANK),
        [COL_PATIENT] = cell(w, r, CD_WORKLIST_COL_PATIENT),
        [COL_REASON] = cell(w, r, CD_WORKLIST_COL_REASON),
        [COL_RISK] = risk_short(cell(w, r, CD_WORKLIST_COL_RISK)),
        [COL_TRIES] = cell(w, r, CD_WORKLIST_COL_ATTEMPTS),
        [COL_PHONE] = cell(w, r, CD_WORKLIST_COL_PHONE),
        [COL_CLAIM] = mine ? "me" : claimer,
        [COL_MRN] = cell(w, r, CD_WORKLIST_COL_MRN),
        [COL_DUE] = cell(w, r, CD_WORKLIST_COL_DUE),
        [COL_ASSIGNEE] = cell(w, r, CD_WORKLIST_COL_ASSIGNEE),
    };
    list_row_cells(row, role, cells);
}

static bool worklist_match(const struct view *v, size_t row, const char *needle)
{
    const struct worklist *w = v->state;
    static const enum cd_worklist_col cols[] = {CD_WORKLIST_COL_PATIENT, CD_WORKLIST_COL_MRN,
                                                CD_WORKLIST_COL_REASON, CD_WORKLIST_COL_PHONE};
    size_t n = strlen(needle);
    for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++) {
        const char *s = cell(w, row, cols[i]);
        for (; *s; s++)
            if (strncasecmp(s, needle, n) == 0)
                return true;
    }
    return false;
}

/* After a write of ours: message, reload everywhere. */
static void done(struct view *v, int rc, const struct cd_error *err, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void done(struct view *v, int rc, const struct cd_error *err, const char *fmt, ...)
{
    if (rc) {
        app_error(v->app, err);
        app_changed(v->app); /* a conflict: show what is there now */
        return;
    }
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    app_message(v->app, "%s", msg);
    app_changed(v->app);
}

/* ---- c: log a call ---- */

static const struct {
    int key;
    const char *outcome, *label;
} outcomes[] = {
    {'r', "reached", "reached"},           {'c', "caregiver", "caregiver"},
    {'v', "voicemail", "voicemail"},       {'n', "no_answer", "no answer"},
    {'w', "wrong_number", "wrong number"}, {'x', "refused", "refused"},
};

static void call_note(struct view *v, const char *text, void *ctx)
{
    (void)ctx;
    struct worklist *w = v->state;
    if (!text)
        return; /* Esc: nothing logged */
    struct cd_contact_in in = {
        .patient_id = w->patient, .outcome = w->outcome, .note = text, .task_id = w->task};
    struct cd_contact_result res;
    struct cd_error err = {0};
    int rc = cd_contact_log(app_store(v->app), &in, &res, &err);
    if (!rc && strcmp(res.task_kind, "tcm_contact") == 0 && !res.interactive)
        done(v, rc, &err, "Logged %s for %s: %d of 2 attempts on separate days%s", w->outcome,
             w->name, res.attempts, res.late ? " (late: does not count)" : "");
    else
        done(v, rc, &err, "Logged %s for %s%s", w->outcome, w->name,
             res.task_completed ? ": done" : "");
    if (!rc)
        refusal_offer(v, w->patient, w->name, &in, &res);
}

static void call_outcome(struct view *v, int key, void *ctx)
{
    (void)ctx;
    struct worklist *w = v->state;
    for (size_t i = 0; i < sizeof outcomes / sizeof outcomes[0]; i++)
        if (outcomes[i].key == key) {
            snprintf(w->outcome, sizeof w->outcome, "%s", outcomes[i].outcome);
            prompt_text(v, "Note (Enter to skip):", NULL, call_note, NULL);
        }
}

static void log_call(struct view *v)
{
    struct worklist *w = v->state;
    if (!pick(v))
        return;
    struct prompt_choice ch[sizeof outcomes / sizeof outcomes[0]];
    for (size_t i = 0; i < sizeof outcomes / sizeof outcomes[0]; i++)
        ch[i] = (struct prompt_choice){outcomes[i].key, outcomes[i].label};
    char title[192];
    snprintf(title, sizeof title, "Call outcome: %s", w->name);
    prompt_choice(v, title, ch, sizeof ch / sizeof ch[0], call_outcome, NULL);
}

/* ---- b: call back ---- */

static void callback_note(struct view *v, const char *text, void *ctx)
{
    (void)ctx;
    struct worklist *w = v->state;
    if (!text)
        return;
    struct cd_error err = {0};
    int64_t id = 0;
    int rc = cd_task_callback(app_store(v->app), w->patient, w->when, text, &id, &err);
    char at[17];
    done(v, rc, &err, "Call back %s at %s", w->name, cd_instant_format_local(w->when, at));
}

static void callback_when(struct view *v, const char *text, void *ctx)
{
    struct worklist *w = v->state;
    struct cd_error err = {0};
    if (!text)
        return;
    if (ctx) { /* hours from now */
        char *end;
        long h = strtol(text, &end, 10);
        if (!*text || *end || h < 1 || h > 72) {
            cd_error_set(&err, CD_EINVAL, "hours: '%.20s' is not a number from 1 to 72", text);
            app_error(v->app, &err);
            return;
        }
        w->when = cd_clock_now() + h * 3600;
    } else if (cd_instant_parse(text, &w->when, &err)) {
        cd_error_prefix(&err, err.code, "call back at: ");
        app_error(v->app, &err);
        return;
    }
    prompt_text(v, "Note (Enter to skip):", NULL, callback_note, NULL);
}

static void callback_choice(struct view *v, int key, void *ctx)
{
    (void)ctx;
    struct worklist *w = v->state;
    if (key == 'h') {
        prompt_text(v, "Call back in how many hours:", "2", callback_when, (void *)1);
    } else if (key == 't') {
        w->when = cd_local_to_instant(cd_clock_today() + 1, 9, 0, 0);
        prompt_text(v, "Note (Enter to skip):", NULL, callback_note, NULL);
    } else if (key == 'd') {
        char day[CD_DATE_LEN], d[CD_DATE_LEN + 6];
        snprintf(d, sizeof d, "%s 09:00", cd_date_format(cd_clock_today() + 1, day));
        prompt_text(v, "Call back at (YYYY-MM-DD HH:MM):", d, callback_when, NULL);
    } else if (key >= '1' && key <= '4') {
        w->when = cd_clock_now() + (key - '0') * 3600;
        prompt_text(v, "Note (Enter to skip):", NULL, callback_note, NULL);
    }
}

static void callback(struct view *v)
{
    struct worklist *w = v->state;
    if (!pick(v))
        return;
    static const struct prompt_choice ch[] = {
        {'1', "in 1 hour"},  {'2', "in 2 hours"},    {'4', "in 4 hours"},
        {'h', "in N hours"}, {'t', "tomorrow 9:00"}, {'d', "a date"},
    };
    char title[192];
    snprintf(title, sizeof title, "Call back %s", w->name);
    prompt_choice(v, title, ch, sizeof ch / sizeof ch[0], callback_choice, NULL);
}

/* ---- s: snooze ---- */

static void snooze_reason(struct view *v, const char *text, void *ctx)
{
    (void)ctx;
    struct worklist *w = v->state;
    if (!text)
        return;
    struct cd_error err = {0};
    int rc = cd_task_snooze(app_store(v->app), w->task, w->day, text, &err);
    char d[CD_DATE_LEN];
    done(v, rc, &err, "Snoozed %s to %s", w->name, cd_date_format(w->day, d));
}

static void snooze_date(struct view *v, const char *text, void *ctx)
{
    (void)ctx;
    struct worklist *w = v->state;
    struct cd_error err = {0};
    if (!text)
        return;
    if (cd_date_parse(text, &w->day, &err)) {
        cd_error_prefix(&err, err.code, "snooze to: ");
        app_error(v->app, &err);
        return;
    }
    prompt_text(v, "Reason:", NULL, snooze_reason, NULL);
}

static void snooze_choice(struct view *v, int key, void *ctx)
{
    (void)ctx;
    struct worklist *w = v->state;
    int today = cd_clock_today();
    if (key == 't' || key == 'w') {
        int wd = cd_date_weekday(today);
        w->day = key == 't' ? today + 1 : today + (wd == 0 ? 1 : 8 - wd); /* next Monday */
        prompt_text(v, "Reason:", NULL, snooze_reason, NULL);
    } else if (key == 'd') {
        char d[CD_DATE_LEN];
        prompt_text(v, "Snooze to (YYYY-MM-DD):", cd_date_format(today + 1, d), snooze_date, NULL);
    }
}

static void snooze(struct view *v)
{
    struct worklist *w = v->state;
    if (!pick(v))
        return;
    struct cd_error err = {0};
    if (cd_task_snoozable(cell(w, v->list.cursor, CD_WORKLIST_COL_KIND), &err)) {
        app_error(v->app, &err); /* before asking for a date and a reason it would refuse */
        return;
    }
    static const struct prompt_choice ch[] = {
        {'t', "tomorrow"}, {'w', "next Monday"}, {'d', "a date"}};
    char title[192];
    snprintf(title, sizeof title, "Snooze %s to", w->name);
    prompt_choice(v, title, ch, sizeof ch / sizeof ch[0], snooze_choice, NULL);
}

/* ---- a: assign, x: claim ---- */

static void assign_to(struct view *v, const char *text, void *ctx)
{
    (void)ctx;
    struct worklist *w = v->state;
    if (!text || !*text)
        return;
    bool queue = strcmp(text, "-") == 0;
    struct cd_error err = {0};
    int rc = cd_task_assign(app_store(v->app), w->task, queue ? NULL : text, &err);
    if (queue)
        done(v, rc, &err, "%s is back in the team queue", w->name);
    else
        done(v, rc, &err, "%s assigned to %s", w->name, text);
}

static void claim(struct view *v)
{
    struct worklist *w = v->state;
    if (!pick(v))
        return;
    struct cd_error err = {0};
    struct cd_store *store = app_store(v->app);
    const char *claimer = cell(w, v->list.cursor, CD_WORKLIST_COL_CLAIMED_BY);
    if (strcmp(claimer, app_user(v->app)->login) == 0) {
        int rc = cd_task_unclaim(store, w->task, &err);
        done(v, rc, &err, "Released %s", w->name);
    } else {
        int rc = cd_task_claim(store, w->task, NULL, &err);
        done(v, rc, &err, "Claimed %s: others see it is yours today", w->name);
    }
}

/* ---- g: any patient ---- */

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
    if (cd_patient_search(app_store(v->app), text, 9, &w->found, &err)) {
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
        struct prompt_choice ch[9];
        char labels[9][96];
        for (size_t i = 0; i < w->found.nrows && i < 9; i++) {
            snprintf(labels[i], sizeof labels[i], "%s %s",
                     cd_page_cell(&w->found, i, CD_PATIENT_SEARCH_COL_PATIENT),
                     cd_page_cell(&w->found, i, CD_PATIENT_SEARCH_COL_MRN));
            ch[i] = (struct prompt_choice){(int)('1' + i), labels[i]};
        }
        prompt_choice(v, "Which patient?", ch, w->found.nrows, goto_pick, NULL);
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
    if (!pick(v))
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
    case ACT_LOG_CALL: log_call(v); return ACT_NONE;
    case ACT_CALLBACK: callback(v); return ACT_NONE;
    case ACT_SNOOZE: snooze(v); return ACT_NONE;
    case ACT_ASSIGN:
        if (pick(v))
            prompt_text(v, "Assign to (login, or - for the queue):", NULL, assign_to, NULL);
        return ACT_NONE;
    case ACT_CLAIM: claim(v); return ACT_NONE;
    case ACT_GOTO_PATIENT:
        prompt_text(v, "Patient (name or MRN):", NULL, goto_find, NULL);
        return ACT_NONE;
    case ACT_FILTER: {
        static const struct prompt_choice ch[] = {{'m', "my list"},  {'t', "my team"},
                                                  {'e', "everyone"}, {'p', "program"},
                                                  {'k', "kind"},     {'c', "clear filters"}};
        prompt_choice(v, "Show", ch, sizeof ch / sizeof ch[0], filter_choice, NULL);
        return ACT_NONE;
    }
    case ACT_SUMMARY: app_push(v->app, &view_home_ops, NULL); return ACT_NONE;
    default: return intake_act(v, action); /* discharge-new, import-file */
    }
}

/* The timer key times the cursor row's patient. */
static int64_t worklist_patient(struct view *v)
{
    struct worklist *w = v->state;
    return v->list.count ? cd_page_cell_int(&w->rows, v->list.cursor, CD_WORKLIST_COL_PATIENT_ID)
                         : 0;
}

static void worklist_close(struct view *v)
{
    struct worklist *w = v->state;
    cd_page_free(&w->rows);
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
    .reload = worklist_reload,
    .draw = worklist_draw,
    .draw_row = worklist_draw_row,
    .act = worklist_act,
    .match = worklist_match,
    .close = worklist_close,
    .patient = worklist_patient,
};
