-- The ledger: divisions, items (suggestions and proposals), the reminder record, user-added calendar years.
-- The same tables as the SQLite script: dates are ISO text (YYYY-MM-DD), instants ISO 8601 text with
-- offset, so that one query text serves every provider. Columns in a key or an index have bounded
-- lengths (index keys are limited in bytes); every text column compares by code unit (BIN2), as in
-- SQLite: 0012 and 12 differ, and so do upper and lower case.

CREATE TABLE divisions (
    name        nvarchar(200) COLLATE Latin1_General_100_BIN2 NOT NULL PRIMARY KEY,
    email       nvarchar(320) COLLATE Latin1_General_100_BIN2 NOT NULL,
    head_email  nvarchar(320) COLLATE Latin1_General_100_BIN2 NULL
);

CREATE TABLE items (
    id                bigint IDENTITY(1, 1) PRIMARY KEY,
    kind              nvarchar(16) COLLATE Latin1_General_100_BIN2 NOT NULL,
    session           nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    number            nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    title             nvarchar(max) COLLATE Latin1_General_100_BIN2 NOT NULL,
    proposer          nvarchar(max) COLLATE Latin1_General_100_BIN2 NOT NULL,
    lead_division     nvarchar(200) COLLATE Latin1_General_100_BIN2 NOT NULL,
    co_divisions      nvarchar(max) COLLATE Latin1_General_100_BIN2 NOT NULL,
    assigned_on       nvarchar(10) COLLATE Latin1_General_100_BIN2 NOT NULL,
    due_on            nvarchar(10) COLLATE Latin1_General_100_BIN2 NOT NULL,
    co_input_due_on   nvarchar(10) COLLATE Latin1_General_100_BIN2 NOT NULL,
    acknowledged_on   nvarchar(10) COLLATE Latin1_General_100_BIN2 NULL,
    extended_to       nvarchar(10) COLLATE Latin1_General_100_BIN2 NULL,
    extension_reason  nvarchar(max) COLLATE Latin1_General_100_BIN2 NULL,
    effective_due_on  nvarchar(10) COLLATE Latin1_General_100_BIN2 NOT NULL,
    earliest_due_on   nvarchar(10) COLLATE Latin1_General_100_BIN2 NOT NULL,
    replied_on        nvarchar(10) COLLATE Latin1_General_100_BIN2 NULL,
    reply_class       nvarchar(8) COLLATE Latin1_General_100_BIN2 NULL,
    satisfaction      nvarchar(32) COLLATE Latin1_General_100_BIN2 NULL,
    is_key            int NOT NULL,
    is_returned       int NOT NULL,
    updated_at        nvarchar(40) COLLATE Latin1_General_100_BIN2 NOT NULL,
    CONSTRAINT uq_items_identity UNIQUE (kind, session, number)
);

-- The yearly report reads the items assigned in a year.
CREATE INDEX ix_items_assigned_on ON items (assigned_on);
-- The sweep reads open items by the earliest due date that can owe a reminder; answered items stay out.
CREATE INDEX ix_items_open_due ON items (earliest_due_on) WHERE replied_on IS NULL AND is_returned = 0;
-- The sweep, run as of a past date, also reads items answered after that date.
CREATE INDEX ix_items_replied_on ON items (replied_on);

CREATE TABLE reminders (
    id           bigint IDENTITY(1, 1) PRIMARY KEY,
    item_id      bigint NOT NULL REFERENCES items (id),
    division     nvarchar(200) COLLATE Latin1_General_100_BIN2 NOT NULL,
    role         nvarchar(16) COLLATE Latin1_General_100_BIN2 NOT NULL,
    stage        nvarchar(32) COLLATE Latin1_General_100_BIN2 NOT NULL,
    due_on       nvarchar(10) COLLATE Latin1_General_100_BIN2 NOT NULL,
    planned_on   nvarchar(10) COLLATE Latin1_General_100_BIN2 NOT NULL,
    state        nvarchar(16) COLLATE Latin1_General_100_BIN2 NOT NULL,
    recipients   nvarchar(max) COLLATE Latin1_General_100_BIN2 NULL,
    message_id   nvarchar(400) COLLATE Latin1_General_100_BIN2 NULL,
    attempts     int NOT NULL,
    last_error   nvarchar(max) COLLATE Latin1_General_100_BIN2 NULL,
    created_at   nvarchar(40) COLLATE Latin1_General_100_BIN2 NOT NULL,
    claimed_at   nvarchar(40) COLLATE Latin1_General_100_BIN2 NULL,
    claimed_by   nvarchar(200) COLLATE Latin1_General_100_BIN2 NULL,
    sent_at      nvarchar(40) COLLATE Latin1_General_100_BIN2 NULL,
    CONSTRAINT uq_reminders_key UNIQUE (item_id, division, stage, due_on)
);

-- Senders look for what is still owed or stuck in sending; sent and superseded rows stay out of it.
CREATE INDEX ix_reminders_pending ON reminders (state, id) WHERE state IN ('owed', 'sending');

CREATE TABLE calendar_years (
    year        int NOT NULL PRIMARY KEY,
    source      nvarchar(max) COLLATE Latin1_General_100_BIN2 NOT NULL,
    schedule    nvarchar(max) COLLATE Latin1_General_100_BIN2 NOT NULL,
    loaded_at   nvarchar(40) COLLATE Latin1_General_100_BIN2 NOT NULL
);

CREATE TABLE report_runs (
    period      nvarchar(32) COLLATE Latin1_General_100_BIN2 NOT NULL PRIMARY KEY,
    state       nvarchar(16) COLLATE Latin1_General_100_BIN2 NOT NULL,
    started_at  nvarchar(40) COLLATE Latin1_General_100_BIN2 NOT NULL,
    finished_at nvarchar(40) COLLATE Latin1_General_100_BIN2 NULL,
    detail      nvarchar(max) COLLATE Latin1_General_100_BIN2 NULL
);
