-- Sessions signed out: a copy of the cookie is refused by every worker of the ledger, not only by
-- the one that signed it out. A row is kept until no copy could still be valid (expires_at).

CREATE TABLE session_revocations (
    session_id  nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL PRIMARY KEY,
    revoked_at  datetimeoffset(3) NOT NULL,
    expires_at  datetimeoffset(3) NOT NULL
);

CREATE INDEX ix_session_revocations_expires ON session_revocations (expires_at);
