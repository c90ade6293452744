-- The ledger: divisions, items (suggestions and proposals), the reminder record, user-added calendar years.
-- Dates are ISO text (YYYY-MM-DD), instants ISO 8601 text with offset: portable, sortable, indexable.

CREATE TABLE divisions (
    name        TEXT NOT NULL PRIMARY KEY,
    email       TEXT NOT NULL,
    head_email  TEXT NULL
);

CREATE TABLE items (
    id                INTEGER PRIMARY KEY,
    kind              TEXT NOT NULL,
    session           TEXT NOT NULL,
    number            TEXT NOT NULL,
    title             TEXT NOT NULL,
    proposer          TEXT NOT NULL,
    lead_division     TEXT NOT NULL,
    co_divisions      TEXT NOT NULL,
    assigned_on       TEXT NOT NULL,
    due_on            TEXT NOT NULL,
    co_input_due_on   TEXT NOT NULL,
    acknowledged_on   TEXT NULL,
    extended_to       TEXT NULL,
    extension_reason  TEXT NULL,
    effective_due_on  TEXT NOT NULL,
    earliest_due_on   TEXT NOT NULL,
    replied_on        TEXT NULL,
    reply_class       TEXT NULL,
    satisfaction      TEXT NULL,
    is_key            INTEGER NOT NULL,
    is_returned       INTEGER NOT NULL,
    updated_at        TEXT NOT NULL,
    CONSTRAINT uq_items_identity UNIQUE (kind, session, number)
);

-- The yearly report reads the items assigned in a year.
CREATE INDEX ix_items_assigned_on ON items (assigned_on);
-- The sweep reads open items by the earliest due date that can owe a reminder (the co-divisions'
-- input date, else the reply date in force); most of a large ledger is answered and stays out of this index.
CREATE INDEX ix_items_open_due ON items (earliest_due_on) WHERE replied_on IS NULL AND is_returned = 0;
-- The sweep, run as of a past date, also reads items answered after that date.
CREATE INDEX ix_items_replied_on ON items (replied_on);

CREATE TABLE reminders (
    id           INTEGER PRIMARY KEY,
    item_id      INTEGER NOT NULL REFERENCES items (id),
    division     TEXT NOT NULL,
    role         TEXT NOT NULL,
    stage        TEXT NOT NULL,
    due_on       TEXT NOT NULL,
    planned_on   TEXT NOT NULL,
    state        TEXT NOT NULL,
    recipients   TEXT NULL,
    message_id   TEXT NULL,
    attempts     INTEGER NOT NULL,
    last_error   TEXT NULL,
    created_at   TEXT NOT NULL,
    claimed_at   TEXT NULL,
    claimed_by   TEXT NULL,
    sent_at      TEXT NULL,
    CONSTRAINT uq_reminders_key UNIQUE (item_id, division, stage, due_on)
);

-- Senders look for what is still owed or stuck in sending; sent and superseded rows stay out of it.
CREATE INDEX ix_reminders_pending ON reminders (state, id) WHERE state IN ('owed', 'sending');

CREATE TABLE calendar_years (
    year        INTEGER NOT NULL PRIMARY KEY,
    source      TEXT NOT NULL,
    schedule    TEXT NOT NULL,
    loaded_at   TEXT NOT NULL
);

CREATE TABLE report_runs (
    period      TEXT NOT NULL PRIMARY KEY,
    state       TEXT NOT NULL,
    started_at  TEXT NOT NULL,
    finished_at TEXT NULL,
    detail      TEXT NULL
);
