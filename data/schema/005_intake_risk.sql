-- SPDX-License-Identifier: MIT
-- caredesk schema v6: LACE at intake. Which parts of a patient's LACE score were unknown when
-- the score was made (bits: 1 length of stay, 2 admission type, 4 comorbidities, 8 ED visits;
-- an unknown part scores 0), and a mark that a person set the risk tier by hand, which a new
-- discharge's score then leaves alone.

ALTER TABLE patients ADD COLUMN lace_unknown INTEGER CHECK (lace_unknown BETWEEN 0 AND 15);
ALTER TABLE patients ADD COLUMN risk_manual INTEGER NOT NULL DEFAULT 0 CHECK ((risk_manual = 0 OR risk_manual = 1));
