/* SPDX-License-Identifier: MIT */
/* The workstation: opens the store, then runs the one full-screen loop (view stack, status bar,
 * key bar, help overlay, message line, live refresh). Views reach the workstation through the
 * functions below; none of them needs curses. */
#ifndef CD_TUI_SCREEN_APP_H
#define CD_TUI_SCREEN_APP_H

#include <stdbool.h>
#include <stdint.h>

#include "core/base/error.h"
#include "core/store/store.h"
#include "core/user.h"
#include "tui/session.h"

struct app;
struct canvas;
struct keymap;
struct view;
struct view_args;
struct view_ops;

struct app_options {
    int demo;          /* --demo: create and fill a demo database on first use */
    int no_color;      /* --no-color */
    const char *theme; /* --theme NAME, or NULL for the default */
};

/* Run the workstation on the session S (store not yet open); returns the exit status (0 after q,
 * 130 after Ctrl-C, 128 + N after SIGTERM/SIGHUP; 1, or 2 for a bad --now, with ERR set when it
 * cannot start). */
int app_main(struct session *s, const struct app_options *opts, struct cd_error *err);

/* The open store (borrowed). */
struct cd_store *app_store(struct app *app);
/* The acting user (borrowed). */
const struct cd_user *app_user(struct app *app);
/* The key bindings (borrowed). */
const struct keymap *app_keymap(struct app *app);
/* Open a view of OPS on top of the stack (the Enter of a list). On failure the message line shows
 * the error and the stack is unchanged; returns the code. */
int app_push(struct app *app, const struct view_ops *ops, const struct view_args *args);
/* Open a view of OPS in place of the top one (a chart's other tab): q then goes where it went.
 * On failure the top view stays and the message line says why. */
int app_replace(struct app *app, const struct view_ops *ops, const struct view_args *args);
/* Close the top view (never the home view at the bottom). */
void app_pop(struct app *app);
/* Show a confirmation on the message line until the next key. */
void app_message(struct app *app, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Show ERR's message on the message line in the error role. */
void app_error(struct app *app, const struct cd_error *err);
/* After a write of our own (the change counter only sees other processes): reload every view. */
void app_changed(struct app *app);
/* Leave the workstation after this pass (Q once a view has asked about unsaved edits). */
void app_quit(struct app *app);

/* The CCM timer slot of the status bar, left of the clock. TEXT (copied; NULL or "" clears) is
 * drawn in timer.running, or timer.paused when PAUSED. */
void app_status_set_timer(const char *text);
void app_status_set_timer_paused(bool paused);
/* Alternatively a hook called at every status bar draw (at least once a second) that writes the
 * timer text into BUF (SIZE bytes) and returns true when it runs (false: paused); NULL clears. */
typedef bool (*app_status_hook)(void *ctx, char *buf, unsigned long size);
void app_status_set_hook(app_status_hook fn, void *ctx);

/* The top view (borrowed). */
struct view *app_top(struct app *app);
/* A view opened PATIENT_ID (the chart calls it): when the CCM timer runs on another patient, ask
 * whether to keep it running there, stop it, or switch it to PATIENT_ID (tui/timer_ui.c). */
void app_patient_opened(struct app *app, int64_t patient_id);

/* A modal layer over the views (prompts, forms, the help): it gets every key until it closes,
 * while the clock and live refresh go on underneath. */
enum app_modal_result { APP_MODAL_KEEP, APP_MODAL_CLOSE };
struct app_modal_ops {
    void (*draw)(void *obj, const struct canvas *screen); /* the whole screen */
    enum app_modal_result (*key)(void *obj, int key);
    void (*free)(void *obj); /* called once after it closes (or when the app ends) */
};
/* Put a modal OBJ (ownership passes to the app) on top. CD_ENOMEM (OBJ freed) when too deep. */
int app_modal_push(struct app *app, const struct app_modal_ops *ops, void *obj);

#endif
