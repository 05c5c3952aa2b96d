/* SPDX-License-Identifier: MIT */
/* Writing a file that holds patient data, safely: a private temporary file renamed over a regular
 * file or a missing name; straight through to a character device, a FIFO or standard output;
 * never through a symlink unless asked. POSIX only. */
#ifndef CD_CORE_BASE_SAFEFILE_H
#define CD_CORE_BASE_SAFEFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "core/base/error.h"

enum cd_safefile_flags {
    CD_SAFEFILE_FOLLOW = 1,       /* a symlink at the last component is followed (--follow) */
    CD_SAFEFILE_OFFER_FOLLOW = 2, /* refusing a symlink, say "use --follow" (the CLI has it) */
};

/* A file being written; open with cd_safefile_open, end with cd_safefile_commit or _abort. */
struct cd_safefile {
    FILE *f;        /* write the content here */
    char *path;     /* the target (after --follow: the symlink's target) */
    char *tmp;      /* the temporary file renamed over PATH on commit; NULL when writing straight */
    bool to_stdout; /* writing to (a duplicate of) standard output */
};

/* True when PATH names standard output: "-", or a symlink to where it goes (/dev/fd/1). */
bool cd_safefile_is_stdout(const char *path);

/* Open PATH for writing: "-" and a symlink to standard output (/dev/fd/1) write to it; a character
 * device or a FIFO is written straight through (no temporary file, no rename, no chmod); a regular
 * file or a missing name gets a temporary file (O_EXCL|O_NOFOLLOW, mode 0600) in its directory,
 * renamed over it by cd_safefile_commit. A symlink at the last component is refused unless FLAGS
 * has CD_SAFEFILE_FOLLOW; directories, sockets and block devices are refused. The new file's mode
 * is 0600, or 0660 when TEAM_GID >= 0 is the group of the target's directory; a file replaced keeps
 * its owner (when the caller may keep it) and a mode no wider than that nor its old one. CD_EINVAL
 * or CD_EIO with a sentence naming PATH and the reason. */
int cd_safefile_open(struct cd_safefile *sf, const char *path, unsigned flags, long team_gid,
                     struct cd_error *err);
/* Finish: flush, fsync and rename the temporary file over the target (only when the target is
 * still a regular file or missing), or flush and close a straight write. SF is closed either way;
 * on failure the temporary file is removed and the target left as it was. */
int cd_safefile_commit(struct cd_safefile *sf, struct cd_error *err);
/* Give up: close and remove the temporary file; the target is left as it was. */
void cd_safefile_abort(struct cd_safefile *sf);
/* Write LEN bytes of DATA to PATH as cd_safefile_open (FLAGS, TEAM_GID) and _commit do. */
int cd_safefile_write(const char *path, unsigned flags, long team_gid, const void *data, size_t len,
                      struct cd_error *err);

#endif
