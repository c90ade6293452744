-- The divisions' morning email (Reminders:Grouping division): many reminder rows go in one email.
-- notice: for an overdue row, the n-th overdue notice the division receives for the item and round
--   (what its words say: 第1次督办 for the first it gets, whatever the planned stage); NULL otherwise
--   and for rows recorded before this version.
-- email_on: the working day of the division's morning email that carried the row. NULL for rows
--   sent alone (Grouping item, "send now").
-- Dates as ISO text, instants as UTC text, as elsewhere.

ALTER TABLE reminders ADD COLUMN notice INTEGER NULL;
ALTER TABLE reminders ADD COLUMN email_on TEXT NULL;

-- The divisions' morning emails that went (sent, or sent whole with their fate unknown), one per
-- division and working day: the claim passes a division over once its email of the day is here,
-- whatever later becomes of the rows it carried (a resend waits for the next morning).
CREATE TABLE division_emails (
    division    TEXT NOT NULL,
    day         TEXT NOT NULL,
    message_id  TEXT NOT NULL,
    PRIMARY KEY (division, day)
);

-- The working days whose sweep has finished deciding: a division's morning email waits for it, so it
-- holds all the day has for the division (a sweep records its decisions in chunks).
CREATE TABLE sweep_days (
    day          TEXT NOT NULL PRIMARY KEY,
    finished_at  TEXT NOT NULL
);

-- One row every sender updates first in its claim: claims of several workers take turns, so one
-- division's rows never split between two senders.
CREATE TABLE reminder_claims (
    id      INTEGER NOT NULL PRIMARY KEY,
    claims  INTEGER NOT NULL
);
INSERT INTO reminder_claims (id, claims) VALUES (1, 0);

-- What went to the coordinator (综合处): the morning summary (kind summary, period the day) and the
-- weekly 通报 (kind bulletin, period the bulletin day that starts the week), each recorded once.
CREATE TABLE coordinator_mails (
    kind          TEXT NOT NULL,
    period        TEXT NOT NULL,
    state         TEXT NOT NULL,
    message_id    TEXT NULL,
    to_address    TEXT NULL,
    cc_addresses  TEXT NULL,
    detail        TEXT NULL,
    created_at    TEXT NOT NULL,
    sent_at       TEXT NULL,
    PRIMARY KEY (kind, period)
);
