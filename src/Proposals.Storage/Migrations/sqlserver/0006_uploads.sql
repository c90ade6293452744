-- Files uploaded on the desk (/hangfire/import) and the preview shown for each, kept for an hour
-- under a random id until the coordinator confirms. The file's bytes are kept in the row: every
-- worker of the ledger (several may serve one database) sees the same upload, a backup carries it,
-- and an expired upload goes with its row in one statement, leaving no file behind.

CREATE TABLE uploads (
    id              nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL PRIMARY KEY,
    kind            nvarchar(32) COLLATE Latin1_General_100_BIN2 NOT NULL,
    file_name       nvarchar(400) COLLATE Latin1_General_100_BIN2 NOT NULL,
    content         varbinary(max) NULL,
    file_wins       bit NOT NULL,
    allow_renumber  bit NOT NULL,
    preview         nvarchar(max) COLLATE Latin1_General_100_BIN2 NOT NULL,
    fingerprint     nvarchar(128) COLLATE Latin1_General_100_BIN2 NOT NULL,
    uploaded_by     nvarchar(200) COLLATE Latin1_General_100_BIN2 NOT NULL,
    uploaded_at     datetimeoffset(3) NOT NULL,
    expires_at      datetimeoffset(3) NOT NULL,
    confirmed_at    datetimeoffset(3) NULL
);

CREATE INDEX ix_uploads_expires ON uploads (expires_at);

-- Each edit of a division's addresses on the desk (/hangfire/divisions): who, when, old and new value.
CREATE TABLE division_changes (
    id          bigint IDENTITY(1, 1) PRIMARY KEY,
    division    nvarchar(200) COLLATE Latin1_General_100_BIN2 NOT NULL,
    field       nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
    old_value   nvarchar(400) COLLATE Latin1_General_100_BIN2 NULL,
    new_value   nvarchar(400) COLLATE Latin1_General_100_BIN2 NULL,
    changed_by  nvarchar(200) COLLATE Latin1_General_100_BIN2 NOT NULL,
    changed_at  datetimeoffset(3) NOT NULL
);

CREATE INDEX ix_division_changes_division ON division_changes (division);
