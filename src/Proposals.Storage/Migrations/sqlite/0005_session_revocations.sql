-- Sessions signed out: a copy of the cookie is refused by every worker of the ledger, not only by
-- the one that signed it out. A row is kept until no copy could still be valid (expires_at).
-- Instants as UTC text (2026-12-02T08:28:00.000Z), as elsewhere.

CREATE TABLE session_revocations (
    session_id  TEXT NOT NULL PRIMARY KEY,
    revoked_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL
);

CREATE INDEX ix_session_revocations_expires ON session_revocations (expires_at);
