-- Files uploaded on the desk (/hangfire/import) and the preview shown for each, kept for an hour
-- under a random id until the coordinator confirms. The file's bytes are kept in the row: every
-- worker of the ledger (several may serve one PostgreSQL) sees the same upload, a backup carries it,
-- and an expired upload goes with its row in one statement, leaving no file behind.
-- Instants as UTC text (2026-12-02T08:28:00.000Z), as elsewhere.

CREATE TABLE uploads (
    id              TEXT NOT NULL PRIMARY KEY,
    kind            TEXT NOT NULL,
    file_name       TEXT NOT NULL,
    content         BLOB NULL,
    file_wins       INTEGER NOT NULL,
    allow_renumber  INTEGER NOT NULL,
    preview         TEXT NOT NULL,
    fingerprint     TEXT NOT NULL,
    uploaded_by     TEXT NOT NULL,
    uploaded_at     TEXT NOT NULL,
    expires_at      TEXT NOT NULL,
    confirmed_at    TEXT NULL
);

CREATE INDEX ix_uploads_expires ON uploads (expires_at);

-- Each edit of a division's addresses on the desk (/hangfire/divisions): who, when, old and new value.
CREATE TABLE division_changes (
    id          INTEGER PRIMARY KEY,
    division    TEXT NOT NULL,
    field       TEXT NOT NULL,
    old_value   TEXT NULL,
    new_value   TEXT NULL,
    changed_by  TEXT NOT NULL,
    changed_at  TEXT NOT NULL
);

CREATE INDEX ix_division_changes_division ON division_changes (division);
