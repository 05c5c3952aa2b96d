/* SPDX-License-Identifier: MIT */
/* crash_kill: run a command and SIGKILL it at a chosen point, for the crash suite
 * (tests/crash/run.sh). It watches the SQLite WAL locks the command holds on DB-shm (F_GETLK names
 * the holder), so it can aim a kill inside the write transaction, and at the moment of the kill
 * it stops the process first and reads its locks, so the report says where the kill really
 * landed, not where it was aimed.
 *
 *   crash_kill -s DB-shm -o OUTFILE [-m measure|time|lock] [-d MICROSECONDS] -- CMD ARGS...
 *
 * measure: run to the end; print "exit=E total_us=T lock_at_us=A held_us=H" (A, H: -1 when no
 *          write lock was seen)
 * time:    kill D microseconds after the start
 * lock:    kill D microseconds after its write transaction is first seen (never: it ends)
 * The kill modes print "killed=1 phase=txn|recovery|checkpoint|outside at_us=N" or, when it
 * finished first, "killed=0 exit=E at_us=N". The command's stdout and stderr go to OUTFILE. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* SQLite's WAL lock bytes in the -shm file (wal.c): write, checkpoint, recovery, read marks. */
#define WAL_WRITE_LOCK 120
#define WAL_CKPT_LOCK 121
#define WAL_RECOVER_LOCK 122
#define WAL_READ_LOCK0 123
#define WAL_NREADER 5
#define POLL_NS 20000L

static long long now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

/* The -shm file, opened again when it is (re)created; -1 while it does not exist. */
struct shm {
    const char *path;
    int fd;
    ino_t ino;
};

static void shm_refresh(struct shm *s)
{
    struct stat st;
    if (stat(s->path, &st) != 0) {
        if (s->fd >= 0)
            close(s->fd);
        s->fd = -1;
        return;
    }
    if (s->fd >= 0 && st.st_ino == s->ino)
        return;
    if (s->fd >= 0)
        close(s->fd);
    s->fd = open(s->path, O_RDONLY | O_CLOEXEC);
    s->ino = st.st_ino;
}

/* The kind of lock (F_WRLCK, F_RDLCK) PID holds on LEN bytes of the -shm at OFF, or F_UNLCK. */
static int lock_of(struct shm *s, pid_t pid, off_t off, off_t len)
{
    if (s->fd < 0)
        return F_UNLCK;
    struct flock fl = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = off, .l_len = len};
    if (fcntl(s->fd, F_GETLK, &fl) != 0 || fl.l_pid != pid)
        return F_UNLCK;
    return fl.l_type;
}

/* Where PID stands: "txn" inside a write transaction (the write lock and a read mark; opening a
 * fresh -shm also takes the write lock, to rebuild the index, but holds no read mark then),
 * "recovery" rebuilding the index, "checkpoint" copying the WAL into the database, or
 * "outside". */
static const char *phase_of(struct shm *s, pid_t pid)
{
    shm_refresh(s);
    if (lock_of(s, pid, WAL_RECOVER_LOCK, 1) == F_WRLCK)
        return "recovery";
    if (lock_of(s, pid, WAL_WRITE_LOCK, 1) == F_WRLCK &&
        lock_of(s, pid, WAL_READ_LOCK0, WAL_NREADER) == F_RDLCK)
        return "txn";
    if (lock_of(s, pid, WAL_CKPT_LOCK, 1) == F_WRLCK)
        return "checkpoint";
    return "outside";
}

static void pause_poll(void)
{
    struct timespec ts = {0, POLL_NS};
    nanosleep(&ts, NULL);
}

/* Whether PID has ended (its status in *STATUS). */
static int ended(pid_t pid, int *status)
{
    return waitpid(pid, status, WNOHANG) == pid;
}

static int usage(void)
{
    fputs("usage: crash_kill -s DB-shm -o OUTFILE [-m measure|time|lock] [-d US] -- CMD ARGS...\n",
          stderr);
    return 2;
}

int main(int argc, char **argv)
{
    const char *mode = "time", *out = NULL;
    struct shm shm = {.fd = -1};
    long long delay = 0;
    int v;
    while ((v = getopt(argc, argv, "+s:o:m:d:")) != -1) {
        switch (v) {
        case 's': shm.path = optarg; break;
        case 'o': out = optarg; break;
        case 'm': mode = optarg; break;
        case 'd': delay = atoll(optarg); break;
        default: return usage();
        }
    }
    if (!shm.path || !out || optind >= argc ||
        (strcmp(mode, "measure") && strcmp(mode, "time") && strcmp(mode, "lock")))
        return usage();
    prctl(PR_SET_TIMERSLACK, 1UL); /* sleep 20 us, not the default 50 us slack on top */

    /* Emptied here, not in the child: a kill that lands before the child runs must not find
     * the last command's output there. */
    int fd = open(out, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) {
        perror(out);
        return 1;
    }
    long long t0 = now_us();
    pid_t pid = fork();
    if (pid < 0) {
        perror("crash_kill: fork");
        return 1;
    }
    if (pid == 0) {
        if (dup2(fd, 1) < 0 || dup2(fd, 2) < 0)
            _exit(126);
        execvp(argv[optind], argv + optind);
        _exit(127);
    }

    close(fd);
    int status = 0;
    long long lock_at = -1, lock_last = -1, deadline = strcmp(mode, "time") == 0 ? t0 + delay : -1;
    for (;;) {
        if (ended(pid, &status)) {
            long long t = now_us() - t0;
            int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
            if (strcmp(mode, "measure") == 0)
                printf("exit=%d total_us=%lld lock_at_us=%lld held_us=%lld\n", code, t,
                       lock_at < 0 ? -1 : lock_at - t0,
                       lock_at < 0 ? -1 : lock_last - lock_at + POLL_NS / 1000);
            else
                printf("killed=0 exit=%d at_us=%lld\n", code, t);
            return 0;
        }
        long long t = now_us();
        if (strcmp(mode, "time") != 0 && strcmp(phase_of(&shm, pid), "txn") == 0) {
            if (lock_at < 0) {
                lock_at = t;
                if (strcmp(mode, "lock") == 0)
                    deadline = t + delay;
            }
            lock_last = t;
        }
        if (deadline >= 0 && t >= deadline)
            break;
        pause_poll();
    }

    /* Freeze it, see what it holds, then kill it where it stands. */
    kill(pid, SIGSTOP);
    waitpid(pid, &status, WUNTRACED);
    long long at = now_us() - t0;
    const char *phase = "outside";
    if (WIFSTOPPED(status)) {
        phase = phase_of(&shm, pid);
        kill(pid, SIGKILL);
        waitpid(pid, &status, 0);
    } else {
        int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        printf("killed=0 exit=%d at_us=%lld\n", code, at);
        return 0;
    }
    printf("killed=1 phase=%s at_us=%lld\n", phase, at);
    if (shm.fd >= 0)
        close(shm.fd);
    return 0;
}
