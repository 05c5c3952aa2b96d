# SPDX-License-Identifier: MIT
# terminal.sh: checks that caredesk's output holds nothing a terminal would obey. Source it after
# cli.sh.
#   no_raw "desc" FILE   FILE has no raw C0 control but TAB and LF, no DEL, no C1 control (UTF-8
#                        C2 80-C2 9F, or a raw byte 80-9F outside a UTF-8 sequence is not
#                        checked), and no bidi control (U+061C, U+200E/F, U+202A-E, U+2066-9)
#   hex FILE             the bytes of FILE, one line (for a message when no_raw fails)
RAW_CONTROLS='[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xd8\x9c|\xe2\x80[\x8e\x8f\xaa-\xae]|\xe2\x81[\xa6-\xa9]'

hex() { od -An -tx1 "$1" | tr -s ' \n' ' '; }

no_raw() {
    if LC_ALL=C grep -qaP -- "$RAW_CONTROLS" "$2"; then
        _t_result 1 "$1"
        echo "#   raw control bytes in: $(hex "$2" | cut -c1-400)"
    else
        _t_result 0 "$1"
    fi
}
