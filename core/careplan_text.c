/* SPDX-License-Identifier: MIT */
/* Care plan renderings: the care team's view (show) and the patient's printable copy in plain
 * language (export --format text), wrapped at 72 columns. */
#include "config.h"
#include "core/careplan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/clock.h"
#include "core/careplan_impl.h"
#include "core/patient.h"
#include "core/store/audit.h"
#include "core/store/settings.h"

#define WIDTH 72

static const char *const months[] = {"January",   "February", "March",    "April",
                                     "May",       "June",     "July",     "August",
                                     "September", "October",  "November", "December"};

/* "2026-12-01" -> "December 1, 2026" (the text itself if it is not a date). */
static const char *spell_date(const char *ymd, char *out, size_t n)
{
    int day, y, m, d;
    if (!ymd || cd_date_parse(ymd, &day, NULL)) {
        snprintf(out, n, "%s", ymd ? ymd : "");
        return out;
    }
    cd_date_to_ymd(day, &y, &m, &d);
    snprintf(out, n, "%s %d, %d", months[m - 1], d, y);
    return out;
}

/* Terminal columns of UTF-8 text: one per code point (no wide scripts in plans). */
static size_t columns(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        c += ((unsigned char)s[i] & 0xc0) != 0x80;
    return c;
}

/* Append TEXT word-wrapped at WIDTH: FIRST before the first line, REST before the others. */
static void wrap(struct cd_strbuf *out, const char *first, const char *rest, const char *text)
{
    const char *lead = first;
    const char *p = text;
    while (*p == ' ')
        p++;
    while (*p) {
        size_t col = columns(lead, strlen(lead)), used = 0;
        cd_strbuf_add(out, lead);
        const char *line = p;
        while (*p) {
            const char *w = p;
            while (*p && *p != ' ' && *p != '\n')
                p++;
            size_t wl = columns(w, (size_t)(p - w));
            if (used && col + used + 1 + wl > WIDTH) {
                p = w;
                break;
            }
            if (used)
                cd_strbuf_addc(out, ' ');
            cd_strbuf_addn(out, w, (size_t)(p - w));
            used += (used ? 1 : 0) + wl;
            if (*p == '\n') {
                p++;
                break;
            }
            while (*p == ' ')
                p++;
        }
        cd_strbuf_addc(out, '\n');
        while (*p == ' ')
            p++;
        lead = rest;
        if (p == line)
            break;
    }
}

struct who {
    char name[256];   /* "Zoë Núñez" */
    char formal[256]; /* "Núñez, Zoë" */
    char mrn[80];
    char coordinator[256];
    char *clinic;
};

static int who_load(struct cd_store *store, int64_t patient_id, struct who *w, struct cd_error *err)
{
    struct cd_patient_header h;
    memset(w, 0, sizeof *w);
    int rc = cd_patient_header_get(store, patient_id, &h, err);
    if (!rc) {
        snprintf(w->name, sizeof w->name, "%s %s", h.given_name, h.family_name);
        snprintf(w->formal, sizeof w->formal, "%s, %s", h.family_name, h.given_name);
        snprintf(w->mrn, sizeof w->mrn, "%s", h.mrn);
        snprintf(w->coordinator, sizeof w->coordinator, "%s", h.coordinator_name);
        rc = cd_settings_get(store, "clinic_name", &w->clinic, err);
    }
    return rc;
}

static void saved_local(const struct cd_careplan *plan, char out[20])
{
    time_t t;
    out[0] = '\0';
    if (plan->saved_at && !cd_instant_parse(plan->saved_at, &t, NULL))
        cd_instant_format_local(t, out);
}

int cd_careplan_format(struct cd_store *store, const struct cd_careplan *plan,
                       struct cd_strbuf *out, struct cd_error *err)
{
    struct who w;
    int rc = who_load(store, plan->patient_id, &w, err);
    free(w.clinic);
    if (rc)
        return rc;
    cd_strbuf_addf(out, "Care plan of %s (MRN %s)\n", w.formal, w.mrn);
    if (plan->version == 0) {
        cd_strbuf_add(out, "No care plan yet.\n");
        return out->oom ? CD_ENOMEM : cd_careplan_audit(store, plan, "show", NULL, err);
    }
    char local[20];
    saved_local(plan, local);
    cd_strbuf_addf(out, "Version %d of %d, saved %s by %s", plan->version, plan->current, local,
                   plan->saved_by ? plan->saved_by : "(unknown)");
    if (plan->summary && *plan->summary)
        cd_strbuf_addf(out, ": %s", plan->summary);
    cd_strbuf_addf(out, "\nNext review date: %s\n",
                   plan->next_review ? plan->next_review : "(none)");
    static const char *const labels[] = {NULL,  "code", "target", "by",        "status",
                                         "who", "dose", "taken",  "reconciled"};
    /* the careplan_fields after the text, status first */
    static const size_t order[] = {4, 1, 2, 3, 5, 6, 7, 8};
    for (int s = 0; s < CD_CAREPLAN_NSECTIONS; s++) {
        int heading = 0;
        for (size_t i = 0; i < plan->nitems; i++) {
            const struct cd_careplan_item *it = &plan->items[i];
            if (it->section != s)
                continue;
            if (!heading++)
                cd_strbuf_addf(out, "\n%s\n", cd_careplan_section_title(s));
            cd_strbuf_addf(out, "  %-16s %s\n", it->key, it->text);
            int n = 0;
            for (size_t k = 0; k < sizeof order / sizeof order[0]; k++) {
                const char *v = careplan_item_cfield(it, order[k]);
                if (!v)
                    continue;
                cd_strbuf_addf(out, "%s%s: %s", n++ ? "; " : "                   ",
                               labels[order[k]], v);
            }
            if (n)
                cd_strbuf_addc(out, '\n');
        }
    }
    if (plan->nitems == 0)
        cd_strbuf_add(out, "\n(no items)\n");
    return out->oom ? CD_ENOMEM : cd_careplan_audit(store, plan, "show", NULL, err);
}

/* Plain words for the statuses a patient reads. */
static const char *plain_status(const char *s)
{
    static const char *const map[][2] = {
        {"proposed", "suggested"},    {"active", "working on it"},
        {"met", "reached"},           {"not_met", "not reached"},
        {"cancelled", "stopped"},     {"planned", "planned"},
        {"in_progress", "under way"}, {"done", "done"},
    };
    for (size_t i = 0; s && i < sizeof map / sizeof map[0]; i++)
        if (strcmp(s, map[i][0]) == 0)
            return map[i][1];
    return s;
}

static const char *const patient_titles[CD_CAREPLAN_NSECTIONS] = {
    "Your health problems",
    "What to expect",
    "Your goals",
    "Managing your symptoms",
    "What we will do",
    "Your medicines",
    "How you are doing day to day",
    "Your home",
    "The people who help you",
    "Help in your community and your other care providers",
    "Things that may get in the way",
};

/* One item as a sentence or two of plain text. */
static void patient_item(const struct cd_careplan_item *it, struct cd_strbuf *line)
{
    char date[40];
    cd_strbuf_add(line, it->text);
    if (it->code)
        cd_strbuf_addf(line, " (%s)", it->code);
    if (it->dose || it->route) {
        cd_strbuf_add(line, ":");
        if (it->dose)
            cd_strbuf_addf(line, " %s", it->dose);
        if (it->route)
            cd_strbuf_addf(line, "%s %s", it->dose ? "," : "", it->route);
    }
    cd_strbuf_add(line, ".");
    if (it->target)
        cd_strbuf_addf(line, " Target: %s.", it->target);
    if (it->responsible)
        cd_strbuf_addf(line, " Who: %s.", it->responsible);
    if (it->target_date)
        cd_strbuf_addf(line, " By %s.", spell_date(it->target_date, date, sizeof date));
    if (it->status)
        cd_strbuf_addf(line, " Status: %s.", plain_status(it->status));
    if (it->reconciled_on)
        cd_strbuf_addf(line, " Checked with you on %s.",
                       spell_date(it->reconciled_on, date, sizeof date));
}

int cd_careplan_export_text(struct cd_store *store, const struct cd_careplan *plan,
                            struct cd_strbuf *out, struct cd_error *err)
{
    if (plan->version == 0)
        return cd_error_set(err, CD_ENOTFOUND, "the patient has no care plan yet");
    struct who w;
    int rc = who_load(store, plan->patient_id, &w, err);
    if (rc) {
        free(w.clinic);
        return rc;
    }
    char date[40], local[20];
    struct cd_strbuf line = CD_STRBUF_INIT;
    cd_strbuf_addf(out, "YOUR CARE PLAN\n%s\n\n", w.clinic);
    cd_strbuf_addf(&line, "For: %s", w.name);
    wrap(out, "", "     ", cd_strbuf_str(&line));
    if (w.coordinator[0]) {
        cd_strbuf_reset(&line);
        cd_strbuf_addf(&line, "Your care coordinator: %s", w.coordinator);
        wrap(out, "", "    ", cd_strbuf_str(&line));
    }
    saved_local(plan, local);
    local[10] = '\0';
    cd_strbuf_reset(&line);
    cd_strbuf_addf(&line, "This plan was last updated on %s (version %d).",
                   spell_date(local, date, sizeof date), plan->version);
    wrap(out, "", "", cd_strbuf_str(&line));
    if (plan->next_review) {
        cd_strbuf_reset(&line);
        cd_strbuf_addf(&line, "We will review it with you by %s.",
                       spell_date(plan->next_review, date, sizeof date));
        wrap(out, "", "", cd_strbuf_str(&line));
    }
    for (int s = 0; s < CD_CAREPLAN_NSECTIONS; s++) {
        int heading = 0;
        for (size_t i = 0; i < plan->nitems; i++) {
            if (plan->items[i].section != s)
                continue;
            if (!heading++) {
                size_t n = strlen(patient_titles[s]);
                cd_strbuf_addf(out, "\n%s\n", patient_titles[s]);
                for (size_t k = 0; k < n; k++)
                    cd_strbuf_addc(out, '-');
                cd_strbuf_addc(out, '\n');
            }
            cd_strbuf_reset(&line);
            patient_item(&plan->items[i], &line);
            wrap(out, "  * ", "    ", cd_strbuf_str(&line));
        }
    }
    cd_strbuf_reset(&line);
    if (w.coordinator[0])
        cd_strbuf_addf(&line, "Questions about this plan? Call %s and ask for %s.", w.clinic,
                       w.coordinator);
    else
        cd_strbuf_addf(&line, "Questions about this plan? Call %s.", w.clinic);
    cd_strbuf_addc(out, '\n');
    wrap(out, "", "", cd_strbuf_str(&line));
    cd_strbuf_free(&line);
    free(w.clinic);
    return out->oom ? CD_ENOMEM : cd_careplan_audit(store, plan, "export", "text", err);
}

int cd_careplan_audit(struct cd_store *store, const struct cd_careplan *plan, const char *action,
                      const char *format, struct cd_error *err)
{
    char detail[64];
    if (plan->version == 0)
        snprintf(detail, sizeof detail, "no care plan yet");
    else
        snprintf(detail, sizeof detail, "version %d%s%s", plan->version, format ? " as " : "",
                 format ? format : "");
    return cd_audit_access(store, "care_plan", plan->patient_id, action, detail, err);
}
