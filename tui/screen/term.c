/* SPDX-License-Identifier: MIT */
/* Curses start and stop, colour pairs from the theme, keys as TK_* codes, and the signal
 * handlers that restore the terminal on Ctrl-C, SIGTERM, a dropped ssh (SIGHUP) and crashes. */
#include "config.h"
#include "tui/screen/term.h"

#include <langinfo.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tui/screen/provide_curses.h"

#include "tui/keys/keymap.h"

static bool active, colour;
static volatile sig_atomic_t quit_signal;
static unsigned long role_attrs[SCOPE_COUNT][ROLE_COUNT];
static short role_pair[SCOPE_COUNT][ROLE_COUNT];
static int cursor_y = -1, cursor_x;

static void on_quit(int sig)
{
    quit_signal = sig;
}

/* A crash: give the terminal back, then die of the same signal with the default handler. */
static void on_crash(int sig)
{
    if (active)
        endwin();
    active = false;
    signal(sig, SIG_DFL);
    raise(sig);
}

static void handlers(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_handler = on_quit; /* no SA_RESTART: the key wait returns at once */
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    sa.sa_handler = on_crash;
    sa.sa_flags = SA_RESETHAND;
    sigaction(SIGSEGV, &sa, NULL);
    sigaction(SIGBUS, &sa, NULL);
    sigaction(SIGABRT, &sa, NULL);
    sigaction(SIGFPE, &sa, NULL);
}

static unsigned long curses_attrs(unsigned a)
{
    unsigned long r = A_NORMAL;
    if (a & THEME_BOLD)
        r |= A_BOLD;
    if (a & THEME_DIM)
        r |= A_DIM;
    if (a & THEME_REVERSE)
        r |= A_REVERSE;
    if (a & THEME_UNDERLINE)
        r |= A_UNDERLINE;
    if (a & THEME_STANDOUT)
        r |= A_STANDOUT;
    return r;
}

static void colours(const struct theme *theme, bool mono)
{
    colour = !mono && has_colors();
    if (colour && (start_color() == ERR || use_default_colors() == ERR))
        colour = false;
    short pairs[SCOPE_COUNT * ROLE_COUNT][2];
    int npairs = 0;
    for (int s = 0; s < SCOPE_COUNT; s++) {
        for (int r = 0; r < ROLE_COUNT; r++) {
            role_pair[s][r] = 0;
            if (!colour) {
                role_attrs[s][r] = curses_attrs(role_mono((enum role)r));
                continue;
            }
            struct theme_style st = theme_get(theme, (enum scope)s, (enum role)r);
            role_attrs[s][r] = curses_attrs(st.attrs);
            short fg = st.fg < COLORS ? st.fg : -1, bg = st.bg < COLORS ? st.bg : -1;
            if (fg == -1 && bg == -1)
                continue;
            int p = 0;
            while (p < npairs && !(pairs[p][0] == fg && pairs[p][1] == bg))
                p++;
            if (p == npairs) {
                if (npairs + 1 >= COLOR_PAIRS || init_pair((short)(npairs + 1), fg, bg) == ERR)
                    continue;
                pairs[npairs][0] = fg;
                pairs[npairs][1] = bg;
                npairs++;
            }
            role_pair[s][r] = (short)(p + 1);
        }
    }
}

int term_start(const struct theme *theme, bool mono, struct cd_error *err)
{
    setlocale(LC_ALL, "");
    /* Every name is UTF-8. In a C or POSIX locale (a login shell with LANG unset) ncursesw would
     * drop or garble every accented letter: a misspelt name is a patient mixed up. Read UTF-8
     * whatever the locale says; today's terminals show it. */
    const char *codeset = nl_langinfo(CODESET);
    if (!codeset || strcmp(codeset, "UTF-8") != 0)
        if (!setlocale(LC_CTYPE, "C.UTF-8"))
            setlocale(LC_CTYPE, "en_US.UTF-8");
    handlers();
    if (!getenv("ESCDELAY"))
        set_escdelay(50);
    if (!newterm(NULL, stdout, stdin))
        return cd_error_set(err, CD_EIO, "cannot use the terminal '%s'",
                            getenv("TERM") ? getenv("TERM") : "(TERM is not set)");
    active = true;
    atexit(term_stop);
    /* raw, not cbreak: Ctrl-C arrives as a key (the app leaves cleanly with 130) instead of a
     * SIGINT for the whole process group, and Ctrl-S / Ctrl-Q are keys, not flow control */
    raw();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    meta(stdscr, TRUE);
    curs_set(0);
    colours(theme, mono);
    return 0;
}

void term_stop(void)
{
    if (!active)
        return;
    active = false;
    curs_set(1);
    endwin();
}

bool term_active(void)
{
    return active;
}

int term_quit_signal(void)
{
    return quit_signal;
}

bool term_has_color(void)
{
    return colour;
}

static int map_key(int k)
{
    static const struct {
        int curses, tk;
    } map[] = {
        {KEY_UP, TK_UP},
        {KEY_DOWN, TK_DOWN},
        {KEY_LEFT, TK_LEFT},
        {KEY_RIGHT, TK_RIGHT},
        {KEY_PPAGE, TK_PGUP},
        {KEY_NPAGE, TK_PGDOWN},
        {KEY_HOME, TK_HOME},
        {KEY_END, TK_END},
        {KEY_IC, TK_INS},
        {KEY_DC, TK_DEL},
        {KEY_BACKSPACE, TK_BACKSPACE},
        {KEY_BTAB, TK_BTAB},
        {KEY_RESIZE, TK_RESIZE},
        {KEY_ENTER, TK_ENTER},
        {KEY_A1, TK_HOME},
        {KEY_C1, TK_END},
        {KEY_A3, TK_PGUP},
        {KEY_C3, TK_PGDOWN},
        {KEY_FIND, TK_HOME},
        {KEY_SELECT, TK_END},
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (map[i].curses == k)
            return map[i].tk;
    if (k >= KEY_F(1) && k <= KEY_F(12))
        return TK_F0 + (k - KEY_F(0));
    return TK_NONE;
}

int term_getkey(int timeout_ms)
{
    wint_t ch;
    wtimeout(stdscr, timeout_ms);
    int rc = wget_wch(stdscr, &ch);
    if (rc == ERR) {
        /* A terminal that went away (the ssh session dropped, the tmux server killed, and no
         * SIGHUP came through a login shell) makes every read fail at once: leave as on a
         * hangup instead of spinning. */
        struct pollfd pfd = {.fd = STDIN_FILENO, .events = POLLIN};
        if (poll(&pfd, 1, 0) == 1 && (pfd.revents & (POLLHUP | POLLERR | POLLNVAL)))
            quit_signal = SIGHUP;
        return TK_NONE;
    }
    if (rc == KEY_CODE_YES)
        return map_key((int)ch);
    if (ch == '\r')
        return TK_ENTER;
    if (ch == 0x7f || ch == 8)
        return TK_BACKSPACE;
    return (int)ch;
}

void term_size(int *rows, int *cols)
{
    *rows = LINES;
    *cols = COLS;
}

void term_role(int scope, int role, unsigned long *attrs, short *pair)
{
    if ((unsigned)scope >= SCOPE_COUNT)
        scope = SCOPE_GENERIC;
    if ((unsigned)role >= ROLE_COUNT)
        role = ROLE_DEFAULT;
    *attrs = role_attrs[scope][role];
    *pair = role_pair[scope][role];
}

void term_cursor(int y, int x)
{
    cursor_y = y;
    cursor_x = x;
}

void term_flush(bool full)
{
    if (full)
        clearok(curscr, TRUE);
    if (cursor_y >= 0) {
        wmove(stdscr, cursor_y, cursor_x);
        curs_set(1);
    } else {
        curs_set(0);
    }
    wnoutrefresh(stdscr);
    doupdate();
}
