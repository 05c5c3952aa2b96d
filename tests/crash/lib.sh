# SPDX-License-Identifier: MIT
# lib.sh: the commands the crash suite kills, sourced by tests/crash/run.sh. For each KIND:
#   prep_KIND K    make kill number K's input and state (may run caredesk to the end); sets ARGS
#                  (the sub-command and its arguments) and AT (its --now)
#   sql_KIND K     sets SQL: the query giving one line, the rows kill K's command writes,
#                  counted ("a|b|c")
#   want_KIND B    the line SQL must give when the write that started from B is all in
# After a kill the snapshot must be B (nothing of it) or want_KIND B (all of it). Every kind marks
# its rows with K (control ids, notes, texts), so earlier kills' rows never blur the count.
# Uses $DB, $W (a scratch directory), $CAREDESK, $CRASH_DIR.

IMPORT_N=300 # discharges per imported file: "a few hundred"
TASKS_PER_DISCHARGE=2

q() { sqlite3 -batch "$DB" "$1"; }

# The database every kill works on: twelve patients in CCM; four with a one-item care plan.
crash_setup() {
    "$CAREDESK" --db "$DB" init --timezone America/New_York >/dev/null || return 1
    i=1
    while [ $i -le 12 ]; do
        "$CAREDESK" --db "$DB" --now 2026-11-01T08:00 patient add --mrn "P$i" --family "Crash$i" \
            --given Pat --birth-date 1950-01-01 >/dev/null || return 1
        "$CAREDESK" --db "$DB" --now 2026-11-01T08:00 enroll "P$i" --program ccm \
            --consent verbal --date 2026-01-01 >/dev/null || return 1
        if [ $i -le 4 ]; then
            "$CAREDESK" --db "$DB" --now 2026-11-01T08:00 careplan add "P$i" --section goal \
                --text "Walk every day" >/dev/null || return 1
        fi
        i=$((i + 1))
    done
}

day_of() {
    d=$((1 + $1 % 28))
    [ $d -lt 10 ] && d="0$d"
    echo "2026-11-$d"
}

# import: one HL7 file of IMPORT_N discharges, control ids CK-1.., visit numbers VK-1..
prep_import() {
    awk -v k="$1" -v n=$IMPORT_N -f "$CRASH_DIR/gen_hl7.awk" >"$W/import.hl7"
    ARGS="import $W/import.hl7"
    AT=2026-11-29T10:00
}
sql_import() {
    SQL="SELECT (SELECT count(*) FROM inbound_messages WHERE control_id LIKE 'C$1-%'),
              (SELECT count(*) FROM encounters WHERE external_id LIKE 'V$1-%'),
              (SELECT count(*) FROM tasks WHERE encounter_id IN
                  (SELECT id FROM encounters WHERE external_id LIKE 'V$1-%')),
              (SELECT count(*) FROM audit_log WHERE entity = 'encounter' AND action = 'add'
                  AND entity_id IN (SELECT id FROM encounters WHERE external_id LIKE 'V$1-%'))"
}
want_import() { echo "$IMPORT_N|$IMPORT_N|$((IMPORT_N * TASKS_PER_DISCHARGE))|$IMPORT_N"; }

# time add: one minute on a patient and day of its own, noted crash-K; the entry and its audit row
prep_time_add() {
    ARGS="time add P$((1 + $1 % 6)) 1 --date $(day_of "$1") --activity call --note crash-$1"
    AT=2026-11-29T10:00
}
sql_time_add() {
    SQL="SELECT (SELECT count(*) FROM time_entries WHERE note = 'crash-$1'),
              (SELECT count(*) FROM audit_log WHERE entity = 'time_entry' AND action = 'add'
                  AND entity_id IN (SELECT id FROM time_entries WHERE note = 'crash-$1'))"
}
want_time_add() { echo "1|1"; }

# log-call: a voicemail noted crash-K; the contact and its audit row
prep_log_call() {
    ARGS="log-call P$((1 + $1 % 12)) --outcome voicemail --note crash-$1"
    AT=2026-11-29T10:00
}
sql_log_call() {
    SQL="SELECT (SELECT count(*) FROM contacts WHERE note = 'crash-$1'),
              (SELECT count(*) FROM audit_log WHERE entity = 'contact' AND action = 'log'
                  AND entity_id IN (SELECT id FROM contacts WHERE note = 'crash-$1'))"
}
want_log_call() { echo "1|1"; }

# A care plan's state: current version, versions, items of the current version, items of all
# versions, items with text crash-K, save audit rows. A save adds one whole version.
sql_plan() {
    SQL="SELECT c.current_version,
              (SELECT count(*) FROM care_plan_versions WHERE care_plan_id = c.id),
              (SELECT count(*) FROM care_plan_items i JOIN care_plan_versions v
                  ON v.id = i.version_id WHERE v.care_plan_id = c.id
                  AND v.version = c.current_version),
              (SELECT count(*) FROM care_plan_items i JOIN care_plan_versions v
                  ON v.id = i.version_id WHERE v.care_plan_id = c.id),
              (SELECT count(*) FROM care_plan_items WHERE text = 'crash-$2'),
              (SELECT count(*) FROM audit_log WHERE entity = 'care_plan' AND action = 'save'
                  AND entity_id = c.id)
       FROM care_plans c JOIN patients p ON p.id = c.patient_id WHERE p.mrn = '$1'"
}
# want_plan B ADDED: B after one more version with ADDED more items (1 for add, 0 for edit)
want_plan() {
    IFS='|' read -r cur vers items all _ saves <<EOF
$1
EOF
    echo "$((cur + 1))|$((vers + 1))|$((items + $2))|$((all + items + $2))|1|$((saves + 1))"
}

# careplan add: a goal crash-K, as a new version of one of four plans
prep_careplan_add() {
    PLAN="P$((1 + $1 % 4))"
    ARGS="careplan add $PLAN --section goal --text crash-$1"
    AT=2026-11-29T10:00
}
sql_careplan_add() { sql_plan "P$((1 + $1 % 4))" "$1"; }
want_careplan_add() { want_plan "$1" 1; }

# careplan edit: the first goal's text becomes crash-K, as a new version
prep_careplan_edit() {
    ARGS="careplan edit P$((1 + $1 % 4)) goal-1 --text crash-$1"
    AT=2026-11-29T10:00
}
sql_careplan_edit() { sql_plan "P$((1 + $1 % 4))" "$1"; }
want_careplan_edit() { want_plan "$1" 0; }

# timer stop: a 5-minute timer started (to the end) before; the kill hits the stop. Either it
# still runs, or it stopped with exactly one entry and its audit row.
TIMER_RUNNING=0 # run.sh sets it from the last timer stop's snapshot
prep_timer_stop() {
    day=$(day_of "$1")
    if [ "$TIMER_RUNNING" != 0 ]; then # the last kill left it running, maybe days ago
        # past its maximum a timer waits to be told how much to keep: none of it, here
        "$CAREDESK" --db "$DB" --now "${day}T08:55" timer discard >/dev/null || return 1
    fi
    "$CAREDESK" --db "$DB" --now "${day}T09:00" timer start "P$((7 + $1 % 6))" \
        --activity call >/dev/null || return 1
    ARGS="timer stop"
    AT="${day}T09:05"
}
sql_timer_stop() {
    SQL="SELECT (SELECT count(*) FROM timers),
              (SELECT count(*) FROM time_entries WHERE source = 'timer'),
              (SELECT count(*) FROM audit_log WHERE entity = 'timer' AND action = 'stop')"
}
want_timer_stop() {
    IFS='|' read -r _ entries stops <<EOF
$1
EOF
    echo "0|$((entries + 1))|$((stops + 1))"
}

# patient deceased: patient DK, enrolled in CCM with a callback and a booked visit after the death
# date; the death ends the enrollment, cancels both and writes its audit row (and a timeline note).
prep_death() {
    "$CAREDESK" --db "$DB" --now 2026-11-01T08:00 patient add --mrn "D$1" --family "Death$1" \
        --given Pat --birth-date 1950-01-01 >/dev/null &&
        "$CAREDESK" --db "$DB" --now 2026-11-01T08:00 enroll "D$1" --program ccm \
            --consent verbal --date 2026-01-01 >/dev/null &&
        "$CAREDESK" --db "$DB" --now 2026-11-01T08:00 task callback "D$1" \
            --at 2026-12-01T10:00 >/dev/null &&
        "$CAREDESK" --db "$DB" --now 2026-11-01T08:00 appointment add "D$1" \
            --at 2026-12-02T10:00 --duration 30 --with "Dr Crash" >/dev/null || return 1
    ARGS="patient deceased D$1 --date 2026-11-20"
    AT=2026-11-29T10:00
}
sql_death() {
    SQL="SELECT (SELECT count(*) FROM patients WHERE mrn = 'D$1' AND deceased_at IS NOT NULL),
              (SELECT count(*) FROM enrollments e JOIN patients p ON p.id = e.patient_id
                  WHERE p.mrn = 'D$1' AND e.status = 'active'),
              (SELECT count(*) FROM tasks t JOIN patients p ON p.id = t.patient_id
                  WHERE p.mrn = 'D$1' AND t.status = 'open'),
              (SELECT count(*) FROM appointments a JOIN patients p ON p.id = a.patient_id
                  WHERE p.mrn = 'D$1' AND a.status = 'booked'),
              (SELECT count(*) FROM audit_log a JOIN patients p ON p.id = a.entity_id
                  WHERE a.entity = 'patient' AND p.mrn = 'D$1' AND a.action = 'deceased')"
}
want_death() { echo "1|0|0|0|1"; }

# What must hold after every kill, whatever was killed: a sound file, no dangling rows. Gives
# "ok" and nothing else when all holds.
CHECK_SQL="PRAGMA integrity_check; PRAGMA foreign_key_check;
       SELECT 'encounter without its message: ' || count(*) FROM encounters e
           WHERE source = 'hl7' AND NOT EXISTS
               (SELECT 1 FROM inbound_messages m WHERE m.encounter_id = e.id)
           HAVING count(*) > 0;
       SELECT 'plan ahead of its versions: ' || count(*) FROM care_plans c
           WHERE current_version <>
               (SELECT coalesce(max(version), 0) FROM care_plan_versions WHERE care_plan_id = c.id)
           HAVING count(*) > 0;"
