/* SPDX-License-Identifier: MIT */
/* caredesk note: add a note to a patient's chart. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/note.h"
#include "core/patient.h"
#include "tui/cli/cli.h"

int cli_note(struct cli *c)
{
    if (c->argc < 2 || strcmp(c->argv[1], "add") != 0)
        return cli_usage(c, "note needs 'add'");
    if (c->argc != 4)
        return cli_usage(c, "note add needs an MRN and the text");
    struct cd_error err = {0};
    int64_t pid, id;
    if (cd_patient_find_mrn(c->s->store, c->argv[2], &pid, &err) ||
        cd_note_add(c->s->store, pid, c->argv[3], &id, &err))
        return cli_fail(&err);
    cli_printf("added note %lld to %s\n", (long long)id, c->argv[2]);
    return CLI_OK;
}
