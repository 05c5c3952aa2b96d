/* SPDX-License-Identifier: MIT */
/* Version-4 UUIDs (RFC 9562 section 5.4) from the kernel's random source. */
#include "config.h"
#include "core/base/uuid.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>

static int fill_random(unsigned char *buf, size_t n)
{
    size_t got = 0;
    while (got < n) {
        ssize_t r = getrandom(buf + got, n - got, 0);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        got += (size_t)r;
    }
    if (got == n)
        return 0;
    /* an old kernel without getrandom(2) */
    int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    got = 0;
    while (got < n) {
        ssize_t r = read(fd, buf + got, n - got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        got += (size_t)r;
    }
    close(fd);
    return got == n ? 0 : -1;
}

void cd_uuid_v4_from(const unsigned char bytes[16], char *out)
{
    static const char hex[] = "0123456789abcdef";
    unsigned char b[16];
    memcpy(b, bytes, sizeof b);
    b[6] = (unsigned char)((b[6] & 0x0f) | 0x40); /* version 4 */
    b[8] = (unsigned char)((b[8] & 0x3f) | 0x80); /* variant 10 */
    size_t o = 0;
    for (int i = 0; i < 16; i++) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            out[o++] = '-';
        out[o++] = hex[b[i] >> 4];
        out[o++] = hex[b[i] & 15];
    }
    out[o] = '\0';
}

int cd_uuid_v4(char *out, struct cd_error *err)
{
    unsigned char b[16];
    if (fill_random(b, sizeof b))
        return cd_error_set(err, CD_EIO, "no random numbers available for a new identifier");
    cd_uuid_v4_from(b, out);
    return 0;
}

int cd_uuid_valid(const char *s)
{
    if (!s || strlen(s) != CD_UUID_LEN - 1)
        return 0;
    for (int i = 0; i < CD_UUID_LEN - 1; i++) {
        char c = s[i];
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != '-')
                return 0;
        } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return 0;
        }
    }
    return s[14] == '4' && strchr("89ab", s[19]) != NULL;
}
