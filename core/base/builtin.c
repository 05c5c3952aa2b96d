/* SPDX-License-Identifier: MIT */
/* The data files: compiled in (data/builtin.c), or replaced from $CAREDESK_DATA. */
#include "config.h"
#include "core/base/builtin.h"

#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_FILE (4 << 20)

/* Files read from $CAREDESK_DATA, kept for the life of the process like the built-in ones. */
struct loaded {
    struct loaded *next;
    char *name, *text;
};
static struct loaded *loaded;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

/* The regular file DIR/NAME read whole, or NULL. */
static char *read_file(const char *dir, const char *name)
{
    char path[4096];
    if (snprintf(path, sizeof path, "%s/%s", dir, name) >= (int)sizeof path)
        return NULL;
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0)
        return NULL;
    struct stat st;
    char *text = NULL;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size < MAX_FILE &&
        (text = malloc((size_t)st.st_size + 1))) {
        ssize_t n = read(fd, text, (size_t)st.st_size);
        if (n != st.st_size) {
            free(text);
            text = NULL;
        } else {
            text[n] = '\0';
        }
    }
    close(fd);
    return text;
}

static const char *from_dir(const char *dir, const char *name)
{
    pthread_mutex_lock(&lock);
    struct loaded *l = loaded;
    while (l && strcmp(l->name, name) != 0)
        l = l->next;
    if (!l) {
        char *text = read_file(dir, name);
        if (text && (l = calloc(1, sizeof *l)) && (l->name = strdup(name))) {
            l->text = text;
            l->next = loaded;
            loaded = l;
        } else {
            free(l);
            free(text);
            l = NULL;
        }
    }
    pthread_mutex_unlock(&lock);
    return l ? l->text : NULL;
}

const char *cd_builtin_get(const char *name)
{
    const char *dir = getenv("CAREDESK_DATA");
    if (dir && *dir && strncmp(name, "schema/", 7) != 0) {
        const char *text = from_dir(dir, name);
        if (text)
            return text;
    }
    for (const struct cd_builtin *b = cd_builtins; b->name; b++)
        if (strcmp(b->name, name) == 0)
            return b->text;
    return NULL;
}

size_t cd_tsv_row(char **cursor, char **col, size_t max)
{
    while (*cursor && **cursor) {
        char *line = *cursor, *nl = strchr(line, '\n');
        *cursor = nl ? nl + 1 : line + strlen(line);
        if (nl)
            *nl = '\0';
        if (!*line || *line == '#')
            continue;
        size_t n = 0;
        for (char *p = line; p && n < max; n++) {
            col[n] = p;
            p = n + 1 < max ? strchr(p, '\t') : NULL;
            if (p)
                *p++ = '\0';
        }
        return n;
    }
    return 0;
}
