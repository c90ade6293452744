-- The rest of a bureau's year (its role, returns, acknowledgement, re-handling, publication, co-division
-- input), the reminder record as the only queue (next attempt, lease, attempts, recipients apart), the
-- facts recorded by command or link, and the keys of the divisions' links.
-- Dates become date and instants datetimeoffset: compared as dates and as instants, not as text.

DROP INDEX ix_items_open_due ON items;
DROP INDEX ix_items_replied_on ON items;
DROP INDEX ix_items_assigned_on ON items;

ALTER TABLE items ALTER COLUMN assigned_on date NOT NULL;
ALTER TABLE items ALTER COLUMN due_on date NOT NULL;
ALTER TABLE items ALTER COLUMN co_input_due_on date NOT NULL;
ALTER TABLE items ALTER COLUMN acknowledged_on date NULL;
ALTER TABLE items ALTER COLUMN extended_to date NULL;
ALTER TABLE items ALTER COLUMN effective_due_on date NOT NULL;
ALTER TABLE items ALTER COLUMN earliest_due_on date NOT NULL;
ALTER TABLE items ALTER COLUMN replied_on date NULL;
ALTER TABLE items ALTER COLUMN updated_at datetimeoffset(3) NOT NULL;
ALTER TABLE items ADD
    bureau_role nvarchar(16) COLLATE Latin1_General_100_BIN2 NOT NULL CONSTRAINT df_items_bureau_role DEFAULT 'lead',
    co_inputs nvarchar(max) COLLATE Latin1_General_100_BIN2 NOT NULL CONSTRAINT df_items_co_inputs DEFAULT '',
    acknowledge_due_on date NULL,
    evaluated_on date NULL,
    rehandle_due_on date NULL,
    rereplied_on date NULL,
    second_satisfaction nvarchar(32) COLLATE Latin1_General_100_BIN2 NULL,
    published_on date NULL,
    returned_on date NULL,
    return_reason nvarchar(max) COLLATE Latin1_General_100_BIN2 NULL,
    return_by date NULL,
    settled_on date NULL;
GO
UPDATE items SET settled_on = CASE WHEN is_returned = 1 THEN assigned_on ELSE replied_on END;

-- The items assigned in a year, holding every column the coordinator's desk counts of them.
CREATE INDEX ix_items_year_figures ON items (assigned_on) INCLUDE (lead_division, kind, bureau_role, is_returned,
    returned_on, replied_on, effective_due_on, satisfaction, evaluated_on, rereplied_on, second_satisfaction,
    extended_to, acknowledged_on, co_divisions);
CREATE INDEX ix_items_open_due ON items (earliest_due_on) WHERE settled_on IS NULL;
CREATE INDEX ix_items_settled_on ON items (settled_on);
CREATE INDEX ix_items_lead_due ON items (lead_division, effective_due_on);
CREATE INDEX ix_items_open_effective_due ON items (effective_due_on) WHERE settled_on IS NULL;
-- The yearly report counts the replies published in the year, whatever year the item came from.
CREATE INDEX ix_items_published_on ON items (published_on) WHERE published_on IS NOT NULL;

-- Every row is kept, superseded ones too: 催办记录 is the bureau's record of what was decided and sent.
DROP INDEX ix_reminders_pending ON reminders;
ALTER TABLE reminders DROP CONSTRAINT uq_reminders_key;
ALTER TABLE reminders ALTER COLUMN due_on date NOT NULL;
ALTER TABLE reminders ALTER COLUMN planned_on date NOT NULL;
ALTER TABLE reminders ALTER COLUMN created_at datetimeoffset(3) NOT NULL;
ALTER TABLE reminders ALTER COLUMN sent_at datetimeoffset(3) NULL;
ALTER TABLE reminders ADD
    round nvarchar(16) COLLATE Latin1_General_100_BIN2 NOT NULL CONSTRAINT df_reminders_round DEFAULT 'first',
    next_attempt_at datetimeoffset(3) NULL,
    to_address nvarchar(max) COLLATE Latin1_General_100_BIN2 NULL,
    cc_addresses nvarchar(max) COLLATE Latin1_General_100_BIN2 NULL;
GO
UPDATE reminders SET
    next_attempt_at = COALESCE(CAST(claimed_at AS datetimeoffset(3)), created_at),
    to_address = CASE WHEN CHARINDEX('; cc ', recipients) > 0 THEN LEFT(recipients, CHARINDEX('; cc ', recipients) - 1) ELSE recipients END,
    cc_addresses = CASE WHEN CHARINDEX('; cc ', recipients) > 0 THEN SUBSTRING(recipients, CHARINDEX('; cc ', recipients) + 5, 4000) ELSE NULL END;
ALTER TABLE reminders ALTER COLUMN next_attempt_at datetimeoffset(3) NOT NULL;
EXEC sp_rename 'reminders.claimed_by', 'lease_owner', 'COLUMN';
ALTER TABLE reminders DROP COLUMN claimed_at, recipients;
ALTER TABLE reminders ADD CONSTRAINT uq_reminders_key UNIQUE (item_id, division, stage, due_on);
CREATE INDEX ix_reminders_queue ON reminders (next_attempt_at) WHERE state IN ('owed', 'sending');
CREATE INDEX ix_reminders_state ON reminders (state, id);
CREATE INDEX ix_reminders_division ON reminders (division, id);

ALTER TABLE report_runs ALTER COLUMN started_at datetimeoffset(3) NOT NULL;
ALTER TABLE report_runs ALTER COLUMN finished_at datetimeoffset(3) NULL;
ALTER TABLE report_runs ADD lease_owner nvarchar(200) COLLATE Latin1_General_100_BIN2 NULL, lease_until datetimeoffset(3) NULL;
GO
UPDATE report_runs SET lease_until = started_at;
ALTER TABLE calendar_years ALTER COLUMN loaded_at datetimeoffset(3) NOT NULL;

CREATE TABLE facts (
    id            bigint IDENTITY(1, 1) PRIMARY KEY,
    item_id       bigint NOT NULL REFERENCES items (id),
    kind          nvarchar(32) COLLATE Latin1_General_100_BIN2 NOT NULL,
    division      nvarchar(200) COLLATE Latin1_General_100_BIN2 NULL,
    on_date       date NOT NULL,
    reply_class   nvarchar(8) COLLATE Latin1_General_100_BIN2 NULL,
    satisfaction  nvarchar(32) COLLATE Latin1_General_100_BIN2 NULL,
    to_date       date NULL,
    reason        nvarchar(max) COLLATE Latin1_General_100_BIN2 NULL,
    recorded_at   datetimeoffset(3) NOT NULL,
    recorded_by   nvarchar(200) COLLATE Latin1_General_100_BIN2 NOT NULL,
    via           nvarchar(16) COLLATE Latin1_General_100_BIN2 NOT NULL
);
CREATE INDEX ix_facts_item ON facts (item_id, id);

CREATE TABLE secrets (
    name        nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL PRIMARY KEY,
    value       nvarchar(max) COLLATE Latin1_General_100_BIN2 NOT NULL,
    created_at  datetimeoffset(3) NOT NULL
);

CREATE TABLE link_uses (
    link_id     nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL PRIMARY KEY,
    item_id     bigint NOT NULL REFERENCES items (id),
    action      nvarchar(16) COLLATE Latin1_General_100_BIN2 NOT NULL,
    used_at     datetimeoffset(3) NOT NULL
);
