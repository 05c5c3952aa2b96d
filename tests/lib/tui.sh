# SPDX-License-Identifier: MIT
# tui.sh: drive the real caredesk binary inside a private, detached tmux server.
# Source it after cli.sh (for the TAP helpers and the temp dir). Never touches the user's tmux.
#   tui_start NAME COLS ROWS ARGS...   start "$CAREDESK ARGS..." in an exact COLSxROWS pane
#   tui_keys NAME KEY...                tmux send-keys (Down Enter Escape C-c BSpace ...)
#   tui_type NAME TEXT                  type literal text
#   tui_screen NAME                     the screen as text (tui_screen_attr: with SGR codes)
#   tui_wait NAME ERE [TIMEOUT]         wait until the screen matches, else dump it and fail
#   tui_gone NAME ERE                   wait until the screen no longer matches (5 s), else dump it
#   tui_gone_ok "desc" NAME ERE         tui_gone as a TAP test
#   tui_ok "desc" NAME ERE [TIMEOUT]    tui_wait as a TAP test
#   tui_wait_exit NAME [TIMEOUT]        print the program's exit status
#   tui_resize NAME COLS ROWS           resize the pane (SIGWINCH)
if ! command -v tmux >/dev/null 2>&1; then
    echo "1..0 # SKIP tmux not found"
    exit 77
fi
TUI_SOCK="caredesk-test-$$"
TUI_DIR="$T_TMP/tui"
TUI_CONF="$TUI_DIR/tmux.conf"
TUI_POLL=0.05
mkdir -p "$TUI_DIR"
cat >"$TUI_CONF" <<'CONF'
set -g remain-on-exit on
set -g default-terminal tmux-256color
set -g status off
set -g escape-time 0
set -g history-limit 0
CONF
_tmux() { tmux -L "$TUI_SOCK" -f "$TUI_CONF" "$@"; }
tui_cleanup() {
    local sock
    sock=$(_tmux display-message -p '#{socket_path}' 2>/dev/null)
    _tmux kill-server 2>/dev/null
    [ -n "$sock" ] && rm -f "$sock"
    rm -rf "$T_TMP"
}
trap tui_cleanup EXIT

tui_start() {
    local name=$1 cols=$2 rows=$3
    shift 3
    rm -f "$TUI_DIR/$name.rc"
    _tmux new-session -d -s "$name" -x "$cols" -y "$rows" \
        env ESCDELAY=25 LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=tmux-256color \
        HOME="$HOME" XDG_DATA_HOME="$XDG_DATA_HOME" XDG_CONFIG_HOME="$XDG_CONFIG_HOME" \
        ${TUI_ENV:-} \
        sh -c '"$@"; echo $? > "$0.tmp" && mv "$0.tmp" "$0"' "$TUI_DIR/$name.rc" "$CAREDESK" "$@"
}
tui_keys() { local n=$1; shift; _tmux send-keys -t "$n" "$@"; }
tui_type() { _tmux send-keys -t "$1" -l -- "$2"; }
tui_screen() { _tmux capture-pane -p -t "$1"; }
tui_screen_attr() { _tmux capture-pane -p -e -t "$1"; }
tui_resize() { _tmux resize-window -t "$1" -x "$2" -y "$3"; }

tui_wait() {
    local name=$1 re=$2 t=${3:-10} end
    end=$(($(date +%s%N) + t * 1000000000))
    while :; do
        tui_screen "$name" 2>/dev/null | grep -qE -- "$re" && return 0
        if [ "$(date +%s%N)" -ge "$end" ]; then
            echo "#   timeout after ${t}s waiting for /$re/; screen was:"
            tui_screen "$name" 2>/dev/null | sed 's/^/#   | /'
            return 1
        fi
        sleep "$TUI_POLL"
    done
}

tui_ok() {
    local desc=$1
    shift
    if tui_wait "$@"; then _t_result 0 "$desc"; else _t_result 1 "$desc"; fi
}

tui_wait_exit() {
    local name=$1 t=${2:-10} end f="$TUI_DIR/$1.rc"
    end=$(($(date +%s%N) + t * 1000000000))
    until [ -s "$f" ]; do
        if [ "$(date +%s%N)" -ge "$end" ]; then
            echo "still running after ${t}s"
            return 1
        fi
        sleep "$TUI_POLL"
    done
    cat "$f"
}
# tui_home NAME: the workstation opens on the worklist; wait for it, then S opens the home figures
# (the view the older scenarios start from). Their last q then returns to the worklist: tui_leave.
tui_home() { tui_wait "$1" '^ (My list|Team|Everyone|TCM intake)' >/dev/null && tui_keys "$1" S; }
tui_leave() { tui_wait "$1" '^ (My list|Team|Everyone|TCM intake)' 5 >/dev/null; tui_keys "$1" q; }
# tui_gone NAME ERE: wait until the screen no longer matches
tui_gone() {
    local i=0
    while tui_screen "$1" | grep -qE -- "$2"; do
        i=$((i + 1))
        [ $i -ge 100 ] && { tui_screen "$1" | sed 's/^/#   | /'; return 1; }
        sleep 0.05
    done
}
tui_gone_ok() {
    local desc=$1
    shift
    if tui_gone "$@"; then _t_result 0 "$desc"; else _t_result 1 "$desc"; fi
}
