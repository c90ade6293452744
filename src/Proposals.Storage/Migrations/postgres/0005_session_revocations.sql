-- Sessions signed out: a copy of the cookie is refused by every worker of the ledger, not only by
-- the one that signed it out. A row is kept until no copy could still be valid (expires_at).

CREATE TABLE session_revocations (
    session_id  text COLLATE "C" NOT NULL PRIMARY KEY,
    revoked_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL
);

CREATE INDEX ix_session_revocations_expires ON session_revocations (expires_at);
