# SPDX-License-Identifier: MIT
# fixture.sh: the clinic most scenarios start from. Source it after cli.sh and set DB. Every run
# names its staff member with --user on a database the test made itself, never with $USER.
#   cd_as LOGIN NOW ARGS...  run caredesk on $DB as LOGIN at NOW (sets OUT, ERR, RC like cd_run)
#   clinic NOW [TEAM]        a new clinic in $DB at NOW: North Clinic in America/New_York, alice
#                            its admin (she ran init) and the coordinator mrivera (Maria Rivera),
#                            of team TEAM when given; RC is not 0 when a step failed
cd_as() {
    local login=$1 now=$2
    shift 2
    cd_run --db "$DB" --user "$login" --now "$now" "$@"
}

clinic() {
    cd_as alice "$1" init --clinic "North Clinic" --timezone America/New_York
    [ "$RC" = 0 ] || return 0
    cd_as alice "$1" user add mrivera --name "Maria Rivera" --role coordinator ${2:+--team "$2"}
}
