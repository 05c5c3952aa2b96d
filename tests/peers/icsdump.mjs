// SPDX-License-Identifier: MIT
// icsdump.mjs FILE.ics: read a caredesk export with Mozilla's ical.js (Thunderbird's parser) and
// print one line per VEVENT: UID | SUMMARY | STATUS | SEQUENCE | UTC start | UTC end | alarms.
// Exits 1 on a parse or value error, an unknown TZID, a missing required property, or an end
// before the start: ical.js itself is lenient about those.
import ICAL from 'ical.js';
import { readFileSync } from 'node:fs';

let root;
try {
  root = new ICAL.Component(ICAL.parse(readFileSync(process.argv[2], 'utf8')));
} catch (e) {
  console.error('PARSE ERROR:', e.message);
  process.exit(1);
}
process.on('uncaughtException', (e) => { // values are parsed lazily
  console.error('VALUE ERROR:', e.message);
  process.exit(1);
});
let bad = 0;
const fail = (msg) => { console.error(msg); bad++; };
for (const p of ['version', 'prodid'])
  if (!root.getFirstPropertyValue(p)) fail(`VCALENDAR missing ${p}`);
for (const vtz of root.getAllSubcomponents('vtimezone'))
  ICAL.TimezoneService.register(new ICAL.Timezone(vtz));
for (const vev of root.getAllSubcomponents('vevent')) {
  const ev = new ICAL.Event(vev);
  for (const p of ['uid', 'dtstamp', 'dtstart', 'dtend', 'summary'])
    if (!vev.hasProperty(p)) fail(`VEVENT ${ev.uid} missing ${p}`);
  for (const p of ['dtstart', 'dtend']) {
    const tzid = vev.getFirstProperty(p).getParameter('tzid');
    if (tzid && !ICAL.TimezoneService.has(tzid)) fail(`unknown TZID ${tzid} in ${ev.uid}`);
  }
  if (ev.endDate.compare(ev.startDate) <= 0) fail(`DTEND not after DTSTART in ${ev.uid}`);
  const alarms = vev.getAllSubcomponents('valarm')
    .map((a) => `${a.getFirstPropertyValue('action')} ${a.getFirstPropertyValue('trigger')}`);
  console.log([ev.uid, ev.summary, vev.getFirstPropertyValue('status'),
    vev.getFirstPropertyValue('sequence'), ev.startDate.toJSDate().toISOString(),
    ev.endDate.toJSDate().toISOString(), `alarms=[${alarms.join('; ')}]`].join(' | '));
}
process.exit(bad ? 1 : 0);
