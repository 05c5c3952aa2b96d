/* SPDX-License-Identifier: MIT */
/* After a call logged as "refused": the question whether to end the patient's program, asked
 * the same way wherever a call is logged (the call list, every chart tab). */
#ifndef CD_TUI_SCREEN_REFUSAL_H
#define CD_TUI_SCREEN_REFUSAL_H

#include <stdint.h>

#include "core/contact.h"
#include "tui/screen/view.h"

/* When RES (a call just logged for PATIENT, named NAME) is a refusal and programs are still
 * active, ask over V which to end (each, all, or keep); the chosen ones end today with the
 * reason "refused" (core/enrollment.h). Does nothing otherwise. */
void refusal_offer(struct view *v, int64_t patient, const char *name,
                   const struct cd_contact_in *in, const struct cd_contact_result *res);

#endif
