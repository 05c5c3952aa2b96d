/* SPDX-License-Identifier: MIT */
/* Unit tests of core/base/text: the one UTF-8 decoder and encoder, validation, initials. */
#include "config.h"

#include <string.h>

#include "core/base/text.h"
#include "tests/lib/tap.h"

static int32_t dec(const char *s, size_t *len)
{
    return cd_utf8_decode(s, strlen(s), len);
}

static void test_decode(void)
{
    size_t len;
    is_int(dec("A", &len), 'A', "ASCII");
    is_int((int)len, 1, "one byte");
    is_int(dec("\xc3\xab", &len), 0xeb, "two bytes: e with diaeresis");
    is_int((int)len, 2, "two");
    is_int(dec("\xe2\x82\xac", &len), 0x20ac, "three bytes: the euro sign");
    is_int((int)len, 3, "three");
    is_int(dec("\xf0\x9f\x98\x80", &len), 0x1f600, "four bytes: an emoji");
    is_int((int)len, 4, "four");
    is_int(dec("\xc0\xaf", &len), -1, "overlong '/' refused");
    is_int((int)len, 1, "a bad byte is stepped over alone");
    is_int(dec("\xed\xa0\x80", &len), -1, "a surrogate refused");
    is_int(dec("\xf4\x90\x80\x80", &len), -1, "past U+10FFFF refused");
    is_int(dec("\xe2\x82", &len), -1, "truncated refused");
    is_int(dec("\x80", &len), -1, "a lone continuation byte refused");
    is_int(dec("\xff", &len), -1, "0xff refused");
    is_int(cd_utf8_decode("", 0, &len), -1, "nothing to decode");
    is_int(cd_utf8_decode("\xc3\xab", 1, &len), -1, "the bytes available bound the decoder");
    char out[4];
    int32_t cps[] = {'x', 0xeb, 0x20ac, 0x1f600, 0x10ffff};
    for (size_t i = 0; i < sizeof cps / sizeof cps[0]; i++) {
        size_t n = cd_utf8_encode(cps[i], out);
        is_int(cd_utf8_decode(out, n, &len), cps[i], "encode and decode U+%04X", cps[i]);
        is_int((int)len, (int)n, "the same length");
    }
    ok(cd_utf8_valid("Zoë Núñez 😀", strlen("Zoë Núñez 😀")), "valid text");
    ok(!cd_utf8_valid("a\xc0\xaf", 3), "an overlong makes text invalid");
    ok(!cd_utf8_valid("ab\xe2\x82", 4), "so does a cut sequence");
}

static void test_initials(void)
{
    char buf[32];
    cd_text_initials("Zoë", "Núñez", true, buf, sizeof buf);
    is_str(buf, "Z.N.", "dotted, for the calendar summary and the timer");
    cd_text_initials("zoë", "núñez", false, buf, sizeof buf);
    is_str(buf, "ZN", "undotted, for a file name; ASCII upper-cased");
    cd_text_initials("Édith", "Øster", true, buf, sizeof buf);
    is_str(buf, "É.Ø.", "a whole UTF-8 character, never half of one");
    cd_text_initials("\"Pat\"", "O'Brien", true, buf, sizeof buf);
    is_str(buf, "O.", "a name that starts with punctuation gives no initial");
    cd_text_initials("../x", "/etc", false, buf, sizeof buf);
    is_str(buf, "", "never a '/' or a '.' in a file name");
    cd_text_initials(NULL, "", true, buf, sizeof buf);
    is_str(buf, "", "no names, no initials");
    cd_text_initials("Ann", "Lee", true, buf, 4);
    is_str(buf, "A.", "cut to the room there is, at a whole initial");
}

int main(void)
{
    test_decode();
    test_initials();
    return done_testing();
}
