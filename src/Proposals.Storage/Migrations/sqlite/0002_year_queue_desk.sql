-- The rest of a bureau's year (its role, returns, acknowledgement, re-handling, publication, co-division
-- input), the reminder record as the only queue (next attempt, lease, attempts, recipients apart), the
-- facts recorded by command or link, and the keys of the divisions' links.
-- Instants become UTC text (2026-12-02T08:28:00.000Z) so that text order is time order.

ALTER TABLE items ADD COLUMN bureau_role TEXT NOT NULL DEFAULT 'lead';
ALTER TABLE items ADD COLUMN co_inputs TEXT NOT NULL DEFAULT '';
ALTER TABLE items ADD COLUMN acknowledge_due_on TEXT NULL;
ALTER TABLE items ADD COLUMN evaluated_on TEXT NULL;
ALTER TABLE items ADD COLUMN rehandle_due_on TEXT NULL;
ALTER TABLE items ADD COLUMN rereplied_on TEXT NULL;
ALTER TABLE items ADD COLUMN second_satisfaction TEXT NULL;
ALTER TABLE items ADD COLUMN published_on TEXT NULL;
ALTER TABLE items ADD COLUMN returned_on TEXT NULL;
ALTER TABLE items ADD COLUMN return_reason TEXT NULL;
ALTER TABLE items ADD COLUMN return_by TEXT NULL;
-- The day from which an item owes nothing more; NULL while something is owed.
ALTER TABLE items ADD COLUMN settled_on TEXT NULL;
UPDATE items SET settled_on = CASE WHEN is_returned = 1 THEN assigned_on ELSE replied_on END,
                 updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', updated_at);

DROP INDEX ix_items_open_due;
DROP INDEX ix_items_replied_on;
DROP INDEX ix_items_assigned_on;
-- The items assigned in a year, holding every column the coordinator's desk counts of them (status
-- and each division's figures): on a million-item ledger a year is one range of this narrow index
-- instead of a hundred thousand rows fetched from the table. It serves lookups by assigned_on too.
CREATE INDEX ix_items_year_figures ON items (assigned_on, lead_division, kind, bureau_role, is_returned, returned_on,
    replied_on, effective_due_on, satisfaction, evaluated_on, rereplied_on, second_satisfaction, extended_to,
    acknowledged_on, co_divisions);
-- The sweep reads the items not settled, by the earliest due date that can owe a reminder.
CREATE INDEX ix_items_open_due ON items (earliest_due_on) WHERE settled_on IS NULL;
-- The sweep, run as of a past date, also reads items settled after that date.
CREATE INDEX ix_items_settled_on ON items (settled_on);
-- The coordinator's desk and `list --division` read a division's items by due date.
CREATE INDEX ix_items_lead_due ON items (lead_division, effective_due_on);
-- The overdue list reads the open items by due date.
CREATE INDEX ix_items_open_effective_due ON items (effective_due_on) WHERE settled_on IS NULL;
-- The yearly report counts the replies published in the year, whatever year the item came from.
CREATE INDEX ix_items_published_on ON items (published_on) WHERE published_on IS NOT NULL;

CREATE TABLE reminders_next (
    id              INTEGER PRIMARY KEY,
    item_id         INTEGER NOT NULL REFERENCES items (id),
    division        TEXT NOT NULL,
    role            TEXT NOT NULL,
    round           TEXT NOT NULL,
    stage           TEXT NOT NULL,
    due_on          TEXT NOT NULL,
    planned_on      TEXT NOT NULL,
    state           TEXT NOT NULL,
    attempts        INTEGER NOT NULL,
    -- Owed: when to try next. Sending: when the sender's lease ends and another may take the row.
    next_attempt_at TEXT NOT NULL,
    lease_owner     TEXT NULL,
    last_error      TEXT NULL,
    to_address      TEXT NULL,
    cc_addresses    TEXT NULL,
    message_id      TEXT NULL,
    created_at      TEXT NOT NULL,
    sent_at         TEXT NULL,
    CONSTRAINT uq_reminders_key UNIQUE (item_id, division, stage, due_on)
);

-- Every row is kept, superseded ones too: 催办记录 is the bureau's record of what was decided and sent.
INSERT INTO reminders_next (id, item_id, division, role, round, stage, due_on, planned_on, state, attempts,
    next_attempt_at, lease_owner, last_error, to_address, cc_addresses, message_id, created_at, sent_at)
SELECT id, item_id, division, role, 'first', stage, due_on, planned_on, state, attempts,
    strftime('%Y-%m-%dT%H:%M:%fZ', COALESCE(claimed_at, created_at)), claimed_by, last_error,
    CASE WHEN recipients IS NULL THEN NULL
         WHEN instr(recipients, '; cc ') > 0 THEN substr(recipients, 1, instr(recipients, '; cc ') - 1)
         ELSE recipients END,
    CASE WHEN instr(recipients, '; cc ') > 0 THEN substr(recipients, instr(recipients, '; cc ') + 5) ELSE NULL END,
    message_id, strftime('%Y-%m-%dT%H:%M:%fZ', created_at),
    CASE WHEN sent_at IS NULL THEN NULL ELSE strftime('%Y-%m-%dT%H:%M:%fZ', sent_at) END
FROM reminders;

DROP TABLE reminders;
ALTER TABLE reminders_next RENAME TO reminders;

-- The senders' queue: what is owed and due, or held by a sender whose lease ran out.
CREATE INDEX ix_reminders_queue ON reminders (next_attempt_at) WHERE state IN ('owed', 'sending');
-- The reminder record page, newest first, by state or by division.
CREATE INDEX ix_reminders_state ON reminders (state, id);
CREATE INDEX ix_reminders_division ON reminders (division, id);

ALTER TABLE report_runs ADD COLUMN lease_owner TEXT NULL;
ALTER TABLE report_runs ADD COLUMN lease_until TEXT NULL;
UPDATE report_runs SET started_at = strftime('%Y-%m-%dT%H:%M:%fZ', started_at),
    finished_at = CASE WHEN finished_at IS NULL THEN NULL ELSE strftime('%Y-%m-%dT%H:%M:%fZ', finished_at) END,
    lease_until = strftime('%Y-%m-%dT%H:%M:%fZ', started_at);
UPDATE calendar_years SET loaded_at = strftime('%Y-%m-%dT%H:%M:%fZ', loaded_at);

-- Each fact recorded by `proposals record`, a division's link or the coordinator's desk, with who and how.
CREATE TABLE facts (
    id            INTEGER PRIMARY KEY,
    item_id       INTEGER NOT NULL REFERENCES items (id),
    kind          TEXT NOT NULL,
    division      TEXT NULL,
    on_date       TEXT NOT NULL,
    reply_class   TEXT NULL,
    satisfaction  TEXT NULL,
    to_date       TEXT NULL,
    reason        TEXT NULL,
    recorded_at   TEXT NOT NULL,
    recorded_by   TEXT NOT NULL,
    via           TEXT NOT NULL
);
CREATE INDEX ix_facts_item ON facts (item_id, id);

-- Keys the program makes for itself once and every worker shares (the divisions' link signatures).
CREATE TABLE secrets (
    name        TEXT NOT NULL PRIMARY KEY,
    value       TEXT NOT NULL,
    created_at  TEXT NOT NULL
);

-- Links already used to record a fact: a link records once.
CREATE TABLE link_uses (
    link_id     TEXT NOT NULL PRIMARY KEY,
    item_id     INTEGER NOT NULL REFERENCES items (id),
    action      TEXT NOT NULL,
    used_at     TEXT NOT NULL
);
