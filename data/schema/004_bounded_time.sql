-- SPDX-License-Identifier: MIT
-- caredesk schema v4: bounded time. Two clinic settings with their defaults (a running timer's
-- maximum, and a day's minutes for one patient and program above which a supervisor confirms),
-- and a mark on the timer row saying a workstation records its key presses, so that the idle
-- rule can hold for that timer after the workstation is closed or killed.

INSERT INTO settings(key, value) VALUES
    ('timer_max_minutes', '240'),
    ('day_max_minutes', '120')
    ON CONFLICT(key) DO NOTHING;

ALTER TABLE timers ADD COLUMN watched INTEGER NOT NULL DEFAULT 0 CHECK ((watched = 0 OR watched = 1));
