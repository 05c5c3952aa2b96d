#!/bin/sh
# CLI: 'caredesk keys' lists the bindings in force; a bad user key file names file:line;
# the workstation refuses without a terminal.
. "$TESTLIB/cli.sh"

cd_run keys --format tsv
is_rc "keys succeeds" 0
is "keys tsv" "$OUT" "$(cat <<'TSV'
scope	key	action	help
generic	<Up>	move-up	Previous row
generic	k	move-up	Previous row
generic	<Down>	move-down	Next row
generic	j	move-down	Next row
generic	<PgUp>	page-up	Previous page
generic	<C-b>	page-up	Previous page
generic	<PgDown>	page-down	Next page
generic	<Space>	page-down	Next page
generic	<C-f>	page-down	Next page
generic	<Home>	move-first	First row
generic	g	move-first	First row
generic	<End>	move-last	Last row
generic	G	move-last	Last row
generic	/	search	Search the list
generic	n	search-next	Next match
generic	N	search-prev	Previous match
generic	<Enter>	enter	Open the selected row
generic	q	back	Close this view (on home: leave)
generic	<Esc>	back	Close this view (on home: leave)
generic	<C-l>	refresh	Reload the data and redraw the screen
generic	?	help	Show the keys of this view
generic	<F1>	help	Show the keys of this view
generic	Q	quit	Leave caredesk
generic	A	appointments	Appointments: today's, or a chart's tab
generic	t	timer-toggle	Start or stop the CCM timer for this patient
generic	T	timer-pause	Pause or resume the CCM timer
home	r	refresh	Reload the data and redraw the screen
home	o	patient-goto	Choose a patient by MRN (for the timer)
home	M	minutes	Billable minutes of the month, per patient
home	D	discharge-new	Enter a discharge by hand (the intake form)
home	I	import-file	Import a discharge file (CSV or HL7)
home	L	open-timeline	The chart's Timeline tab (home: by MRN)
home	P	open-careplan	The chart's Care plan tab (home: by MRN)
appointments	r	refresh	Reload the data and redraw the screen
appointments	b	book-appointment	Book an appointment
appointments	m	move-appointment	Reschedule or relocate the selected appointment
appointments	X	cancel-appointment	Cancel the selected appointment, with a reason
appointments	K	mark-kept	Mark the selected appointment kept
appointments	O	mark-no-show	Mark the selected appointment a no-show
appointments	e	export-calendar	Export the shown appointments to an .ics file
appointments	[	previous-day	Show the previous day
appointments	]	next-day	Show the next day
appointments	d	go-to-date	Show another date
appointments	.	today	Show today
minutes	s	minutes-sort	Sort by MRN, patient, minutes or next threshold, in turn
minutes	c	minutes-close	Show only rows close to a threshold, or all
minutes	[	minutes-prev-month	Previous month
minutes	]	minutes-next-month	Next month
timeline	f	filter-kinds	Show only some kinds of entries
timeline	d	jump-to-date	Jump to a date
timeline	/	filter-text	Show only entries containing a text
timeline	n	add-note	Add a note to the patient's chart
timeline	a	add-note	Add a note to the patient's chart
careplan	a	item-add	Add an item to the section under the cursor
careplan	e	item-edit	Edit the item under the cursor
careplan	<Enter>	item-edit	Edit the item under the cursor
careplan	K	item-move-up	Move the item up within its section
careplan	J	item-move-down	Move the item down within its section
careplan	D	item-delete	Delete the item (asks first)
careplan	<Del>	item-delete	Delete the item (asks first)
careplan	s	item-status	Change the status of a goal or an intervention
careplan	R	review-date	Set the next review date
careplan	S	plan-save	Save the plan as a new version
careplan	<C-s>	plan-save	Save the plan as a new version
careplan	h	plan-history	List the versions and their changes
plan-history	c	compare	Switch between a version's changes and your copy
worklist	r	refresh	Reload the data and redraw the screen
worklist	M	minutes	Billable minutes of the month, per patient
worklist	D	discharge-new	Enter a discharge by hand (the intake form)
worklist	I	import-file	Import a discharge file (CSV or HL7)
worklist	L	open-timeline	The chart's Timeline tab (home: by MRN)
worklist	P	open-careplan	The chart's Care plan tab (home: by MRN)
worklist	c	log-call	Log a call outcome (then an optional note)
worklist	b	callback	Schedule a call back
worklist	s	snooze	Snooze the picked job to a later day, with a reason
worklist	a	assign	Assign the picked job to someone (or back to the queue)
worklist	x	claim	Claim the picked job (again: release it)
worklist	g	goto-patient	Go to any patient by name or MRN
worklist	f	filter	Whose list, program and kind filters
worklist	S	summary	Today's figures for the clinic
worklist	<Tab>	job-next	Pick the patient's next job: the actions apply to it
worklist	]	job-next	Pick the patient's next job: the actions apply to it
worklist	<S-Tab>	job-prev	Pick the patient's previous job
worklist	[	job-prev	Pick the patient's previous job
chart	r	refresh	Reload the data and redraw the screen
chart	4	appointments	Appointments: today's, or a chart's tab
chart	A	appointments	Appointments: today's, or a chart's tab
chart	L	open-timeline	The chart's Timeline tab (home: by MRN)
chart	2	open-timeline	The chart's Timeline tab (home: by MRN)
chart	P	open-careplan	The chart's Care plan tab (home: by MRN)
chart	3	open-careplan	The chart's Care plan tab (home: by MRN)
chart	c	log-call	Log a call outcome (then an optional note)
chart	<Tab>	next-tab	Next tab
chart	<S-Tab>	prev-tab	Previous tab
chart	1	open-contacts	The chart's Contacts tab (every call)
chart	5	open-time	The chart's Time tab (care management minutes)
chart	M	open-time	The chart's Time tab (care management minutes)
time	[	minutes-prev-month	Previous month
time	]	minutes-next-month	Next month
time	a	time-add	Add minutes by hand: duration, date, activity, program, role, note
time	e	time-edit	Correct the selected entry (voided as edited, a new one replaces it)
time	<Enter>	time-edit	Correct the selected entry (voided as edited, a new one replaces it)
time	v	time-void	Void the selected entry, with a reason (it stays listed)
TSV
)"

cd_run keys
is "keys text, first lines" "$(printf '%s\n' "$OUT" | head -3)" "generic
  <Up>         move-up        Previous row
  k            move-up        Previous row"
like "keys text has the home scope" "$OUT" '^home$'

mkdir -p "$XDG_CONFIG_HOME/caredesk"
printf 'bind home x quit\nbind generic q none\n' >"$XDG_CONFIG_HOME/caredesk/keys"
cd_run keys --format tsv
like "user binding listed" "$OUT" "$(printf '^home\tx\tquit\t')"
is "q no longer bound" "$(printf '%s\n' "$OUT" | grep -c "$(printf '\tq\t')")" "0"

printf 'bind home x quit\n\n# fine\nbind home y fly\n' >"$XDG_CONFIG_HOME/caredesk/keys"
cd_run keys
is_rc "bad key file fails" 1
is "bad key file message" "$ERR" "caredesk: $XDG_CONFIG_HOME/caredesk/keys:4: unknown action 'fly'"
rm "$XDG_CONFIG_HOME/caredesk/keys"

cd_run keys --format xml
is_rc "bad format" 2

DB="$T_TMP/db"
cd_run --user alice --db "$DB" --now 2026-11-02T09:00 init --clinic "North Clinic" --timezone America/New_York
cd_run --user alice --db "$DB" --now 2026-11-02T09:00
is_rc "no terminal: refused" 1
is "no terminal message" "$ERR" "caredesk: the workstation needs a terminal on stdin and stdout; for scripts use the sub-commands (caredesk --help)"
cd_run --db "$DB" --user ghost
is "unknown login" "$ERR" "caredesk: 'ghost' is not a caredesk user (an admin can add one with 'caredesk user add ghost --name NAME --role ROLE')"
cd_run --user alice --db "$DB" --theme nosuch
is "unknown theme" "$ERR" "caredesk: unknown theme 'nosuch' (default, light, high-contrast, mono, or a file in $XDG_CONFIG_HOME/caredesk/themes/)"
printf 'color overdew red default\n' >"$T_TMP/bad.theme"
cd_run --user alice --db "$DB" --theme "$T_TMP/bad.theme"
is "bad theme file" "$ERR" "caredesk: $T_TMP/bad.theme:1: unknown role 'overdew'"
cd_run --user alice --db "$T_TMP/missing.db"
is_rc "missing database without --demo" 1

done_testing
