/* SPDX-License-Identifier: MIT */
/* The workstation entry point (the screens arrive with the TUI shell). */
#include "config.h"
#include "tui/app.h"

#include <stdio.h>

int app_main(struct cli *c, const struct app_options *opts)
{
    (void)opts;
    return cli_failf("the workstation is not built yet (database %s)", c->db_path);
}
