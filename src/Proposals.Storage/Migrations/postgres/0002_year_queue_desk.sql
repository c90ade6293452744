-- The rest of a bureau's year (its role, returns, acknowledgement, re-handling, publication, co-division
-- input), the reminder record as the only queue (next attempt, lease, attempts, recipients apart), the
-- facts recorded by command or link, and the keys of the divisions' links.
-- Dates become date and instants timestamptz: compared as dates and as instants, not as text.

DROP INDEX ix_items_open_due;
DROP INDEX ix_items_replied_on;
DROP INDEX ix_items_assigned_on;

ALTER TABLE items
    ALTER COLUMN assigned_on TYPE date USING assigned_on::date,
    ALTER COLUMN due_on TYPE date USING due_on::date,
    ALTER COLUMN co_input_due_on TYPE date USING co_input_due_on::date,
    ALTER COLUMN acknowledged_on TYPE date USING acknowledged_on::date,
    ALTER COLUMN extended_to TYPE date USING extended_to::date,
    ALTER COLUMN effective_due_on TYPE date USING effective_due_on::date,
    ALTER COLUMN earliest_due_on TYPE date USING earliest_due_on::date,
    ALTER COLUMN replied_on TYPE date USING replied_on::date,
    ALTER COLUMN updated_at TYPE timestamptz USING updated_at::timestamptz,
    ADD COLUMN bureau_role text COLLATE "C" NOT NULL DEFAULT 'lead',
    ADD COLUMN co_inputs text COLLATE "C" NOT NULL DEFAULT '',
    ADD COLUMN acknowledge_due_on date NULL,
    ADD COLUMN evaluated_on date NULL,
    ADD COLUMN rehandle_due_on date NULL,
    ADD COLUMN rereplied_on date NULL,
    ADD COLUMN second_satisfaction text COLLATE "C" NULL,
    ADD COLUMN published_on date NULL,
    ADD COLUMN returned_on date NULL,
    ADD COLUMN return_reason text COLLATE "C" NULL,
    ADD COLUMN return_by date NULL,
    -- The day from which an item owes nothing more; NULL while something is owed.
    ADD COLUMN settled_on date NULL;
UPDATE items SET settled_on = CASE WHEN is_returned = 1 THEN assigned_on ELSE replied_on END;

-- The items assigned in a year, holding every column the coordinator's desk counts of them (status
-- and each division's figures): those counts are an index-only scan of the year's range once the
-- table has been vacuumed. The yearly report and `list --year` read the year through it too.
CREATE INDEX ix_items_year_figures ON items (assigned_on) INCLUDE (lead_division, kind, bureau_role, is_returned,
    returned_on, replied_on, effective_due_on, satisfaction, evaluated_on, rereplied_on, second_satisfaction,
    extended_to, acknowledged_on, co_divisions);
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

-- Every row is kept, superseded ones too: 催办记录 is the bureau's record of what was decided and sent.
DROP INDEX ix_reminders_pending;
ALTER TABLE reminders
    ALTER COLUMN due_on TYPE date USING due_on::date,
    ALTER COLUMN planned_on TYPE date USING planned_on::date,
    ALTER COLUMN created_at TYPE timestamptz USING created_at::timestamptz,
    ALTER COLUMN sent_at TYPE timestamptz USING sent_at::timestamptz,
    ADD COLUMN round text COLLATE "C" NOT NULL DEFAULT 'first',
    -- Owed: when to try next. Sending: when the sender's lease ends and another may take the row.
    ADD COLUMN next_attempt_at timestamptz NULL,
    ADD COLUMN to_address text COLLATE "C" NULL,
    ADD COLUMN cc_addresses text COLLATE "C" NULL;
UPDATE reminders SET
    next_attempt_at = COALESCE(claimed_at::timestamptz, created_at),
    to_address = CASE WHEN position('; cc ' IN recipients) > 0 THEN substr(recipients, 1, position('; cc ' IN recipients) - 1) ELSE recipients END,
    cc_addresses = CASE WHEN position('; cc ' IN recipients) > 0 THEN substr(recipients, position('; cc ' IN recipients) + 5) ELSE NULL END;
ALTER TABLE reminders ALTER COLUMN next_attempt_at SET NOT NULL;
ALTER TABLE reminders RENAME COLUMN claimed_by TO lease_owner;
ALTER TABLE reminders DROP COLUMN claimed_at, DROP COLUMN recipients;

-- The senders' queue: what is owed and due, or held by a sender whose lease ran out.
CREATE INDEX ix_reminders_queue ON reminders (next_attempt_at) WHERE state IN ('owed', 'sending');
-- The reminder record page, newest first, by state or by division.
CREATE INDEX ix_reminders_state ON reminders (state, id);
CREATE INDEX ix_reminders_division ON reminders (division, id);

ALTER TABLE report_runs
    ALTER COLUMN started_at TYPE timestamptz USING started_at::timestamptz,
    ALTER COLUMN finished_at TYPE timestamptz USING finished_at::timestamptz,
    ADD COLUMN lease_owner text COLLATE "C" NULL,
    ADD COLUMN lease_until timestamptz NULL;
UPDATE report_runs SET lease_until = started_at;
ALTER TABLE calendar_years ALTER COLUMN loaded_at TYPE timestamptz USING loaded_at::timestamptz;

-- Each fact recorded by `proposals record`, a division's link or the coordinator's desk, with who and how.
CREATE TABLE facts (
    id            bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    item_id       bigint NOT NULL REFERENCES items (id),
    kind          text COLLATE "C" NOT NULL,
    division      text COLLATE "C" NULL,
    on_date       date NOT NULL,
    reply_class   text COLLATE "C" NULL,
    satisfaction  text COLLATE "C" NULL,
    to_date       date NULL,
    reason        text COLLATE "C" NULL,
    recorded_at   timestamptz NOT NULL,
    recorded_by   text COLLATE "C" NOT NULL,
    via           text COLLATE "C" NOT NULL
);
CREATE INDEX ix_facts_item ON facts (item_id, id);

-- Keys the program makes for itself once and every worker shares (the divisions' link signatures).
CREATE TABLE secrets (
    name        text COLLATE "C" NOT NULL PRIMARY KEY,
    value       text COLLATE "C" NOT NULL,
    created_at  timestamptz NOT NULL
);

-- Links already used to record a fact: a link records once.
CREATE TABLE link_uses (
    link_id     text COLLATE "C" NOT NULL PRIMARY KEY,
    item_id     bigint NOT NULL REFERENCES items (id),
    action      text COLLATE "C" NOT NULL,
    used_at     timestamptz NOT NULL
);
