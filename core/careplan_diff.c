/* SPDX-License-Identifier: MIT */
/* What changed between two versions of a care plan, as entries, readable lines and the one-line
 * summary a saved version carries. */
#include "config.h"
#include "core/careplan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/careplan_impl.h"

static struct cd_careplan_diff_entry *diff_add(struct cd_careplan_diff *d, int change,
                                               const struct cd_careplan_item *item)
{
    if (d->n == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 16;
        struct cd_careplan_diff_entry *e = realloc(d->entries, cap * sizeof *e);
        if (!e)
            return NULL;
        d->entries = e;
        d->cap = cap;
    }
    struct cd_careplan_diff_entry *e = &d->entries[d->n++];
    memset(e, 0, sizeof *e);
    e->change = change;
    e->item = item;
    return e;
}

/* Rank of item I of PLAN among the items of its section that are also in OTHER. */
static long common_rank(const struct cd_careplan *plan, size_t i, const struct cd_careplan *other)
{
    long rank = 0;
    for (size_t k = 0; k < i; k++)
        if (plan->items[k].section == plan->items[i].section &&
            careplan_index(other, plan->items[k].key) >= 0)
            rank++;
    return rank;
}

int cd_careplan_diff(const struct cd_careplan *old, const struct cd_careplan *new,
                     struct cd_careplan_diff *out, struct cd_error *err)
{
    memset(out, 0, sizeof *out);
    for (size_t i = 0; i < new->nitems; i++) {
        const struct cd_careplan_item *it = &new->items[i];
        long o = careplan_index(old, it->key);
        struct cd_careplan_diff_entry *e;
        if (o < 0) {
            if (!(e = diff_add(out, CD_CAREPLAN_ADDED, it)))
                goto oom;
            continue;
        }
        const struct cd_careplan_item *was = &old->items[o];
        struct cd_careplan_field_change ch[12];
        size_t n = 0;
        for (size_t f = 0; f < CAREPLAN_NFIELDS; f++)
            if (!careplan_same(careplan_item_cfield(was, f), careplan_item_cfield(it, f)))
                ch[n++] = (struct cd_careplan_field_change){careplan_fields[f].name,
                                                            careplan_item_cfield(was, f),
                                                            careplan_item_cfield(it, f)};
        long r_new = common_rank(new, i, old), r_old = common_rank(old, (size_t)o, new);
        if (r_new != r_old)
            ch[n++] = (struct cd_careplan_field_change){"position", NULL,
                                                        r_new < r_old ? "moved up" : "moved down"};
        if (n == 0)
            continue;
        if (!(e = diff_add(out, CD_CAREPLAN_CHANGED, it)))
            goto oom;
        e->nfields = n;
        memcpy(e->fields, ch, n * sizeof ch[0]);
    }
    for (size_t i = 0; i < old->nitems; i++)
        if (careplan_index(new, old->items[i].key) < 0 &&
            !diff_add(out, CD_CAREPLAN_REMOVED, &old->items[i]))
            goto oom;
    if (!careplan_same(old->next_review, new->next_review)) {
        struct cd_careplan_diff_entry *e = diff_add(out, CD_CAREPLAN_CHANGED, NULL);
        if (!e)
            goto oom;
        e->nfields = 1;
        e->fields[0] = (struct cd_careplan_field_change){"next_review_date", old->next_review,
                                                         new->next_review};
    }
    return 0;
oom:
    cd_careplan_diff_free(out);
    return cd_error_set(err, CD_ENOMEM, "out of memory comparing care plans");
}

void cd_careplan_diff_free(struct cd_careplan_diff *diff)
{
    free(diff->entries);
    memset(diff, 0, sizeof *diff);
}

static const char *or_none(const char *s)
{
    return s && *s ? s : "(none)";
}

/* A field's name as a person reads it: "target date", not "target_date". */
static const char *words(const char *field, char *buf, size_t size)
{
    snprintf(buf, size, "%s", field);
    for (char *p = buf; *p; p++)
        if (*p == '_')
            *p = ' ';
    return buf;
}

/* A field's value for the diff: statuses in words ("not met"), the rest as stored. */
static const char *value_text(const char *field, const char *value)
{
    return strcmp(field, "status") == 0 && value && *value ? cd_careplan_status_label(value)
                                                           : or_none(value);
}

int cd_careplan_diff_text(const struct cd_careplan_diff *diff, struct cd_strbuf *out)
{
    static const char *const verbs[] = {"+ added", "~ changed", "- removed"};
    char w[64];
    for (size_t i = 0; i < diff->n; i++) {
        const struct cd_careplan_diff_entry *e = &diff->entries[i];
        if (!e->item) {
            cd_strbuf_addf(out, "~ next review date: %s -> %s\n", or_none(e->fields[0].before),
                           or_none(e->fields[0].after));
            continue;
        }
        cd_strbuf_addf(out, "%s %s: %s\n", verbs[e->change], e->item->key, e->item->text);
        if (e->change == CD_CAREPLAN_ADDED) {
            for (size_t f = 1; f < CAREPLAN_NFIELDS; f++)
                if (careplan_item_cfield(e->item, f))
                    cd_strbuf_addf(
                        out, "    %s: %s\n", words(careplan_fields[f].name, w, sizeof w),
                        value_text(careplan_fields[f].name, careplan_item_cfield(e->item, f)));
        }
        for (size_t f = 0; f < e->nfields; f++) {
            const struct cd_careplan_field_change *c = &e->fields[f];
            if (strcmp(c->field, "position") == 0)
                cd_strbuf_addf(out, "    %s in the list\n", c->after);
            else
                cd_strbuf_addf(out, "    %s: %s -> %s\n", words(c->field, w, sizeof w),
                               value_text(c->field, c->before), value_text(c->field, c->after));
        }
    }
    return out->oom ? CD_ENOMEM : 0;
}

int cd_careplan_diff_summary(const struct cd_careplan_diff *diff, struct cd_strbuf *out)
{
    static const char *const verbs[] = {"added", "changed", "removed"};
    char w[64];
    size_t start = out->len;
    for (int change = CD_CAREPLAN_ADDED; change <= CD_CAREPLAN_REMOVED; change++) {
        size_t count = 0;
        for (size_t i = 0; i < diff->n; i++)
            count += diff->entries[i].change == change && diff->entries[i].item;
        if (!count)
            continue;
        cd_strbuf_addf(out, "%s%s ", out->len > start ? "; " : "", verbs[change]);
        if (count > 6) {
            cd_strbuf_addf(out, "%zu items", count);
            continue;
        }
        size_t k = 0;
        for (size_t i = 0; i < diff->n; i++) {
            const struct cd_careplan_diff_entry *e = &diff->entries[i];
            if (e->change != change || !e->item)
                continue;
            cd_strbuf_addf(out, "%s%s", k++ ? ", " : "", e->item->key);
            if (change == CD_CAREPLAN_CHANGED) {
                cd_strbuf_add(out, " (");
                for (size_t f = 0; f < e->nfields; f++)
                    cd_strbuf_addf(out, "%s%s", f ? ", " : "",
                                   words(e->fields[f].field, w, sizeof w));
                cd_strbuf_add(out, ")");
            }
        }
    }
    for (size_t i = 0; i < diff->n; i++)
        if (!diff->entries[i].item)
            cd_strbuf_addf(out, "%snext review date %s", out->len > start ? "; " : "",
                           or_none(diff->entries[i].fields[0].after));
    return out->oom ? CD_ENOMEM : 0;
}
