/* SPDX-License-Identifier: MIT */
/* Unit tests of core/base/text: the one UTF-8 decoder and encoder, validation, initials, and
 * the one terminal-safe rendering (every C0 and C1 control, each bidi control, malformed UTF-8,
 * text left alone), the control checks, file encodings, and the TSV and JSON cells. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/base/strbuf.h"
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

/* S (N bytes) made safe under FLAGS, in a static buffer. */
static const char *safe_n(const char *s, size_t n, unsigned flags)
{
    static char buf[512];
    struct cd_strbuf sb = CD_STRBUF_INIT;
    cd_text_safe(&sb, s, n, flags);
    snprintf(buf, sizeof buf, "%s", cd_strbuf_str(&sb));
    cd_strbuf_free(&sb);
    return buf;
}

static const char *safe(const char *s, unsigned flags)
{
    return safe_n(s, strlen(s), flags);
}

/* The UTF-8 bytes of CP into OUT (5 bytes), NUL-terminated; its length. */
static size_t utf8(unsigned cp, char *out)
{
    size_t n = cd_utf8_encode((int32_t)cp, out);
    out[n] = '\0';
    return n;
}

static void every_c0(void)
{
    int bad = 0, bad_multi = 0;
    for (unsigned c = 0; c < 0x20; c++) {
        char in[3] = {'a', (char)c, 'b'}, want[16];
        if (c == '\t')
            snprintf(want, sizeof want, "a\\tb");
        else if (c == '\n')
            snprintf(want, sizeof want, "a\\nb");
        else if (c == '\r')
            snprintf(want, sizeof want, "a\\rb");
        else
            snprintf(want, sizeof want, "a\\x%02xb", c);
        if (strcmp(safe_n(in, 3, 0), want) != 0) {
            printf("# C0 0x%02x: got '%s', want '%s'\n", c, safe_n(in, 3, 0), want);
            bad++;
        }
        /* a note keeps its line breaks and tabs; everything else is still escaped */
        if (c == '\n' || c == '\t')
            snprintf(want, sizeof want, "a%cb", (char)c);
        if (strcmp(safe_n(in, 3, CD_TEXT_MULTILINE), want) != 0)
            bad_multi++;
        char name[12];
        if (cd_text_find_control((char[]){'x', (char)(c ? c : ' '), 0}, false) != (c ? (int)c : -1))
            bad++;
        cd_text_control_name((int32_t)c, name);
        if (strlen(name) < 2 || strlen(name) > 3)
            bad++;
    }
    is_int(bad, 0, "every C0 control is shown as \\xHH (TAB, LF, CR as \\t \\n \\r)");
    is_int(bad_multi, 0, "multi-line text keeps LF and TAB, escapes CR and the other C0");
    is_str(safe("\x1b]0;title\x07", 0), "\\x1b]0;title\\x07", "an OSC window title is inert");
    is_str(safe("\x1b[2J\x1b[H", 0), "\\x1b[2J\\x1b[H", "clear screen is inert");
    is_str(safe("a\x7f", 0), "a\\x7f", "DEL");
    is_str(safe_n("a\0b", 3, 0), "a\\x00b", "NUL inside a counted buffer");
    is_str(safe("line 1\nline 2\r\n", CD_TEXT_MULTILINE), "line 1\nline 2\\r\n",
           "multi-line: CR shown, LF kept");
}

static void every_c1(void)
{
    int bad_utf8 = 0, bad_raw = 0;
    for (unsigned c = 0x80; c <= 0x9f; c++) {
        char in[8], want[16];
        size_t n = utf8(c, in);
        snprintf(want, sizeof want, "\\u%04x", c);
        if (strcmp(safe_n(in, n, 0), want) != 0 || strcmp(safe_n(in, n, CD_TEXT_MULTILINE), want))
            bad_utf8++;
        if (cd_text_find_control(in, false) != (int32_t)c)
            bad_utf8++;
        if (cd_text_find_control(in, true) != -1) /* notes keep them, escaped on output */
            bad_utf8++;
        char raw[2] = {(char)c, 0};
        snprintf(want, sizeof want, "\\x%02x", c);
        if (strcmp(safe_n(raw, 1, 0), want) != 0)
            bad_raw++;
    }
    is_int(bad_utf8, 0, "every C1 control (U+0080-U+009F in UTF-8) is shown as \\u00HH");
    is_int(bad_raw, 0, "every raw C1 byte (not UTF-8) is shown as \\xHH");
    is_str(safe("Evil\xc2\x9b"
                "31m",
                0),
           "Evil\\u009b31m", "a UTF-8 CSI is inert");
    is_str(safe("\xc2\xa0\xc2\xa9", 0), "\xc2\xa0\xc2\xa9", "U+00A0 and U+00A9 are text");
}

static void every_bidi(void)
{
    static const unsigned bidi[] = {0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c,
                                    0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069};
    int bad = 0;
    for (size_t i = 0; i < sizeof bidi / sizeof bidi[0]; i++) {
        char in[16], want[24], name[12];
        size_t n = utf8(bidi[i], in);
        snprintf(want, sizeof want, "\\u%04x", bidi[i]);
        if (strcmp(safe_n(in, n, 0), want) != 0) {
            printf("# U+%04X: got '%s'\n", bidi[i], safe_n(in, n, 0));
            bad++;
        }
        snprintf(want, sizeof want, "U+%04X", bidi[i]);
        if (cd_text_find_control(in, false) != (int32_t)bidi[i] ||
            strcmp(cd_text_control_name((int32_t)bidi[i], name), want) != 0)
            bad++;
    }
    is_int(bad, 0, "each bidi control (U+061C, U+200E/F, U+202A-E, U+2066-9) is shown as \\uHHHH");
    is_str(safe("555\xe2\x80\xae"
                "4321",
                0),
           "555\\u202e4321", "a right-to-left override");
    /* the neighbours of the bidi controls are ordinary text */
    is_str(safe("\xe2\x80\x8d\xe2\x80\xa9\xe2\x81\xa0\xe2\x81\xaa", 0),
           "\xe2\x80\x8d\xe2\x80\xa9\xe2\x81\xa0\xe2\x81\xaa",
           "U+200D, U+2029, U+2060, U+206A pass");
}

static void malformed(void)
{
    is_str(safe("\xc0\x80", 0), "\\xc0\\x80", "overlong NUL");
    is_str(safe("\xc1\xbf", 0), "\\xc1\\xbf", "overlong two-byte");
    is_str(safe("\xe0\x80\xaf", 0), "\\xe0\\x80\\xaf", "overlong three-byte slash");
    is_str(safe("\xf0\x80\x80\xaf", 0), "\\xf0\\x80\\x80\\xaf", "overlong four-byte");
    is_str(safe("\xc0\x9b", 0), "\\xc0\\x9b", "an overlong ESC is no ESC");
    is_str(safe("\xed\xa0\x80", 0), "\\xed\\xa0\\x80", "a surrogate");
    is_str(safe("\xf4\x90\x80\x80", 0), "\\xf4\\x90\\x80\\x80", "above U+10FFFF");
    is_str(safe("\xf8\x88\x80\x80\x80", 0), "\\xf8\\x88\\x80\\x80\\x80", "five-byte form");
    is_str(safe("\xfe\xff", 0), "\\xfe\\xff", "bytes FE FF");
    is_str(safe("a\x80z", 0), "a\\x80z", "a lone continuation byte");
    is_str(safe("a\xe2\x80", 0), "a\\xe2\\x80", "truncated at the end");
    is_str(safe("\xe2\x80z\xe2\x80\xaf", 0), "\\xe2\\x80z\xe2\x80\xaf",
           "truncated before text; the next character survives");
    is_str(safe("\xf0\x9f\x98", 0), "\\xf0\\x9f\\x98", "a truncated emoji");
    is_str(safe("Zo\xeb", 0), "Zo\\xeb", "Latin-1 text shows its bytes");
}

static void untouched(void)
{
    static const char *const texts[] = {
        "Doe, Jane",
        "Núñez, Zoë",
        "東京都千代田区丸の内",
        "김민준",
        "😀👩‍⚕️🇺🇸",
        "e\xcc\x81 a\xcc\x8a\xcc\x81",       /* combining acute, ring above */
        "שלום עליכם",                        /* Hebrew, no marks */
        "مرحبا",                             /* Arabic */
        "\xef\xbb\xbf BOM and \xef\xbf\xbd", /* U+FEFF, U+FFFD */
        "O'Brien \"Pat\" 50% ~ {x}",
        "",
    };
    int bad = 0;
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
        for (unsigned flags = 0; flags < 2; flags++)
            if (strcmp(safe(texts[i], flags), texts[i]) != 0 ||
                cd_text_safe_span(texts[i], strlen(texts[i]), flags) != strlen(texts[i]) ||
                cd_text_find_control(texts[i], false) != -1)
                bad++;
    is_int(bad, 0, "CJK, Hangul, emoji with ZWJ and flags, combining marks, RTL text: unchanged");
    is_str(safe("C:\\dir\\x1b", 0), "C:\\dir\\x1b", "a backslash stays without the flag");
    is_str(safe("C:\\dir\\x1b\x1b", CD_TEXT_BACKSLASH), "C:\\\\dir\\\\x1b\\x1b",
           "with CD_TEXT_BACKSLASH a typed \\x1b is told apart from an ESC");
    is_int(cd_text_safe_span("ab\x1b"
                             "cd",
                             5, 0),
           2, "the safe span stops at the ESC");
}

static void checks(void)
{
    char name[12];
    is_str(cd_text_control_name(0x1b, name), "ESC", "ESC by name");
    is_str(cd_text_control_name(0x07, name), "BEL", "BEL by name");
    is_str(cd_text_control_name(0x00, name), "NUL", "NUL by name");
    is_str(cd_text_control_name(0x1f, name), "US", "US by name");
    is_str(cd_text_control_name(0x7f, name), "DEL", "DEL by name");
    is_str(cd_text_control_name(0x9b, name), "U+009B", "C1 by code point");
    is_int(cd_text_find_control("a\tb", true), -1, "a note may hold a tab");
    is_int(cd_text_find_control("a\r\nb", true), -1, "a note may hold CR LF");
    is_int(cd_text_find_control("a\x1b"
                                "b",
                                true),
           0x1b, "not an ESC");
    is_int(cd_text_find_control("a\tb", false), '\t', "a one-line field may not hold a tab");
    is_int(cd_text_find_control("a\xe2\x80\x8f", true), -1, "a note keeps an RLM");
    is_int(cd_text_find_control("Zo\xeb\x1b", false), 0x1b, "bytes that are not UTF-8 skipped");
    ok(cd_text_has_control("\xc2\x85", false), "NEL is a control on one line");
    ok(!cd_text_has_control("\xc2\x85", true), "NEL is kept in a note");
    is_str(cd_text_check("a\x01", 10, true), "has a control character", "C0 refused");
    is_str(cd_text_check("a\xc2\x9b", 10, true), "has a control character", "C1 refused");
    is_str(cd_text_check("a\xe2\x80\xae", 10, true), "has a control character", "RLO refused");
    is_str(cd_text_check("a\xc0\x9b", 10, true), "is not valid UTF-8", "overlong refused");
    ok(cd_text_check("Zoë 東京", 20, true) == NULL, "text accepted");
}

static void encodings(void)
{
    is_str(cd_text_wide_encoding("\xff\xfeM\0S\0H\0", 8), "UTF-16", "UTF-16LE with a BOM");
    is_str(cd_text_wide_encoding("\xfe\xff\0M\0S\0H", 8), "UTF-16", "UTF-16BE with a BOM");
    is_str(cd_text_wide_encoding("M\0S\0H\0|\0", 8), "UTF-16", "UTF-16LE without a BOM");
    is_str(cd_text_wide_encoding("\0m\0r\0n\0", 8), "UTF-16", "UTF-16BE without a BOM");
    is_str(cd_text_wide_encoding("\xff\xfe\0\0M\0\0\0", 8), "UTF-32", "UTF-32LE with a BOM");
    is_str(cd_text_wide_encoding("\0\0\xfe\xff\0\0\0M", 8), "UTF-32", "UTF-32BE with a BOM");
    is_str(cd_text_wide_encoding("M\0\0\0S\0\0\0", 8), "UTF-32", "UTF-32LE without a BOM");
    is_str(cd_text_wide_encoding("\0\0\0M\0\0\0S", 8), "UTF-32", "UTF-32BE without a BOM");
    ok(cd_text_wide_encoding("\xef\xbb\xbfMSH|", 7) == NULL, "UTF-8 with a BOM is UTF-8");
    ok(cd_text_wide_encoding("mrn,name\n", 9) == NULL, "plain CSV");
    ok(cd_text_wide_encoding("MSH|^~\\&|A\0B", 12) == NULL, "a NUL later is not UTF-16");
    ok(cd_text_wide_encoding("M", 1) == NULL, "one byte");
    ok(cd_text_wide_encoding("", 0) == NULL, "empty");
}

static void cells(void)
{
    struct cd_strbuf sb = CD_STRBUF_INIT;
    cd_strbuf_add_tsv(&sb, "Evil\x1b]0;t\x07\tx\\y\xc2\x9b\xe2\x80\xae\xff");
    is_str(cd_strbuf_str(&sb), "Evil\\x1b]0;t\\x07\\tx\\\\y\\u009b\\u202e\\xff",
           "a TSV cell is terminal-safe and reads back");
    cd_strbuf_reset(&sb);
    cd_strbuf_add_json(&sb, "Evil\x1b\x7f\t\xc2\x9b\xe2\x80\xae\xff\"\\Zoë");
    is_str(cd_strbuf_str(&sb), "\"Evil\\u001b\\u007f\\t\\u009b\\u202e\\ufffd\\\"\\\\Zoë\"",
           "a JSON string escapes controls, C1 and bidi, and replaces stray bytes");
    cd_strbuf_free(&sb);
}

int main(void)
{
    test_decode();
    test_initials();
    every_c0();
    every_c1();
    every_bidi();
    malformed();
    untouched();
    checks();
    encodings();
    cells();
    return done_testing();
}
