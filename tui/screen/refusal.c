/* SPDX-License-Identifier: MIT */
/* The refusal question: a patient who says "stop calling" has the right to end the program, and
 * the nurse should not have to find another screen to record it. The program ends through the
 * same core rule as `log-call --end-program`. */
#include "config.h"
#include "tui/screen/refusal.h"

#include <stdio.h>
#include <string.h>

#include "core/base/clock.h"
#include "core/base/vocab.h"
#include "core/enrollment.h"
#include "tui/screen/app.h"
#include "tui/screen/prompt.h"

#define MAX_PROGRAMS 6

/* The question being asked: one at a time, as the modal stack shows one prompt. */
static struct {
    int64_t patient;
    char name[192];
    char programs[MAX_PROGRAMS][24]; /* program keys, in the order of keys 1, 2, ... */
    int n;
} asked;

static const char *label_of(const char *program)
{
    const char *l = cd_program_label(program);
    return *l ? l : program;
}

static void answered(struct view *v, int key, void *ctx)
{
    (void)ctx;
    const char *program = NULL;
    if (key == 'a')
        program = "all";
    else if (key >= '1' && key < '1' + asked.n)
        program = asked.programs[key - '1'];
    if (!program) { /* k or Esc: the programs stay */
        app_message(v->app, "%s stays enrolled", asked.name);
        return;
    }
    struct cd_error err = {0};
    char ended[64], words[160] = "", tasks[48] = "";
    int n, cancelled;
    if (cd_enrollment_end_active(app_store(v->app), asked.patient, program, cd_clock_today(),
                                 "refused", ended, sizeof ended, &n, &cancelled, &err)) {
        app_error(v->app, &err);
        return;
    }
    /* the programs in words, as the command line names them: "CCM, PCM and TCM" */
    size_t used = 0;
    for (const char *p = ended; *p && used < sizeof words;) {
        char prog[24];
        size_t len = strcspn(p, ",");
        snprintf(prog, sizeof prog, "%.*s", (int)len, p);
        p += len + (p[len] == ',');
        const char *sep = !used ? "" : *p ? ", " : " and ";
        int w = snprintf(words + used, sizeof words - used, "%s%s", sep, label_of(prog));
        used = w > 0 ? used + (size_t)w : sizeof words;
    }
    if (cancelled)
        snprintf(tasks, sizeof tasks, "; %d open task%s cancelled", cancelled,
                 cancelled == 1 ? "" : "s");
    app_message(v->app, "Ended %s for %s: refused%s", words, asked.name, tasks);
    app_changed(v->app);
}

void refusal_offer(struct view *v, int64_t patient, const char *name,
                   const struct cd_contact_in *in, const struct cd_contact_result *res)
{
    if (!in->outcome || strcmp(in->outcome, "refused") != 0 || !res->active[0])
        return;
    asked.patient = patient;
    asked.n = 0;
    snprintf(asked.name, sizeof asked.name, "%s", name);
    struct prompt_choice ch[MAX_PROGRAMS + 2];
    char labels[MAX_PROGRAMS][48];
    for (const char *p = res->active; *p && asked.n < MAX_PROGRAMS;) {
        size_t len = strcspn(p, ",");
        snprintf(asked.programs[asked.n], sizeof asked.programs[0], "%.*s", (int)len, p);
        snprintf(labels[asked.n], sizeof labels[0], "end %s", label_of(asked.programs[asked.n]));
        ch[asked.n] = (struct prompt_choice){'1' + asked.n, labels[asked.n]};
        asked.n++;
        p += len + (p[len] == ',');
    }
    size_t n = (size_t)asked.n;
    if (asked.n > 1)
        ch[n++] = (struct prompt_choice){'a', "end all"};
    ch[n++] = (struct prompt_choice){'k', "keep"};
    char title[240];
    snprintf(title, sizeof title, "%s refused: end a program?", name);
    /* the call is saved already: Esc keeps the programs, there is nothing to cancel */
    prompt_choice_esc(v, title, ch, n, 'k', answered, NULL);
}
