#!/bin/sh
# CLI: usage errors exit 2, failures exit 1, each with one clear line; refusals leave files alone.
. "$TESTLIB/cli.sh"
DB="$T_TMP/c.db"

cd_run --version
is "version" "$OUT" "caredesk 0.1.0"
cd_run --bogus
is_rc "unknown global option is a usage error" 2
is "unknown option message" "$ERR" "caredesk: unknown option '--bogus' (see caredesk --help)"
cd_run --user alice --db "$DB" frobnicate
is_rc "unknown sub-command" 2
is "unknown sub-command message" "$ERR" "caredesk: unknown sub-command 'frobnicate' (see caredesk --help)"

cd_run --user alice --db "$DB" status
is_rc "no database yet" 1
is "missing database message" "$ERR" "caredesk: no database at $DB (create one with 'caredesk init' or 'caredesk demo')"

cd_run --user alice --db "$DB" init --timezone Mars/Olympus
is_rc "unknown zone refused" 1
is "unknown zone message" "$ERR" "caredesk: timezone: unknown time zone 'Mars/Olympus' (use an IANA name such as America/New_York)"

cd_run --user alice --db "$DB" init --timezone UTC
cd_run --user alice --db "$DB" --now 2026-13-01 status
is_rc "bad --now is a usage error" 2
is "bad --now message" "$ERR" "caredesk: --now: '2026-13-01' is not a date and time (expected YYYY-MM-DD[THH:MM[:SS][Z|+HH:MM]])"

cd_run --user alice --db "$DB" patient add --mrn 7 --family Doe --given Jane --birth-date 1950-02-30
is_rc "bad birth date fails" 1
is "bad birth date message" "$ERR" "caredesk: birth_date: '1950-02-30' is not a date (YYYY-MM-DD)"
cd_run --user alice --db "$DB" patient add --mrn 7 --family Doe
is_rc "missing options is a usage error" 2
is "missing options message" "$ERR" "caredesk: patient add needs --mrn, --family, --given and --birth-date
usage: caredesk patient add --mrn MRN --family TEXT --given TEXT --birth-date YYYY-MM-DD [--sex F|M|X] [--phone TEXT] [--language TEXT] [--coordinator LOGIN] | patient find TEXT | patient show MRN [--format tsv|json] | patient deceased MRN --date YYYY-MM-DD [--note TEXT] | patient deceased MRN --undo --reason TEXT"
cd_run --user alice --db "$DB" settings idle_minutes --format xml
is_rc "bad --format" 2

printf 'just text, not a database\n' >"$T_TMP/notes.txt"
cp "$T_TMP/notes.txt" "$T_TMP/before.txt"
cd_run --user alice --db "$T_TMP/notes.txt" init
is_rc "a text file is refused" 1
is "refusal message" "$ERR" "caredesk: $T_TMP/notes.txt is not a caredesk database; refusing to touch it"
cmp -s "$T_TMP/notes.txt" "$T_TMP/before.txt"; RC=$?
is_rc "the text file is untouched" 0

sqlite3 "$T_TMP/newer.db" "PRAGMA application_id=1130457419; PRAGMA user_version=42; CREATE TABLE t(a);" 2>/dev/null ||
  printf 'skip\n' >/dev/null
if [ -f "$T_TMP/newer.db" ]; then
  sum1=$(cksum <"$T_TMP/newer.db")
  cd_run --user alice --db "$T_TMP/newer.db" init
  is_rc "newer schema refused" 1
  like "newer schema message" "$ERR" "written by a newer caredesk \(schema 42, this build knows 5\); left untouched"
  is "newer database unchanged" "$(cksum <"$T_TMP/newer.db")" "$sum1"
fi
# help anywhere in a sub-command's arguments, before any database is opened
cd_run --db "$T_TMP/none/x.db" time add --help
is "time add --help: usage, no database needed" "$RC:$(printf '%s\n' "$OUT" | head -n 1 | cut -c1-40)" \
    "0:usage: caredesk time add MRN MINUTES [--"
cd_run --db "$T_TMP/none/x.db" patient add --mrn 1 -h
is "-h after options too" "$RC:$(printf '%s\n' "$OUT" | tail -n 1)" "0:add, look up or show patients (risk and LACE); record a death"
done_testing
