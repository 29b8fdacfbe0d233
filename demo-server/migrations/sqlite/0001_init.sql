-- Interviews as loaded from the interviews file (the JSON definition is authoritative).
CREATE TABLE interviews (
    id         TEXT PRIMARY KEY NOT NULL,
    definition TEXT NOT NULL
);

-- One invite per candidate; only the sha256 of the token is stored.
CREATE TABLE invites (
    id           INTEGER PRIMARY KEY,
    token_sha256 TEXT NOT NULL UNIQUE,
    interview_id TEXT NOT NULL REFERENCES interviews(id),
    created_at   INTEGER NOT NULL
);

-- One tus upload per take. upload_offset only ever counts bytes that are durable on disk.
CREATE TABLE uploads (
    id            TEXT PRIMARY KEY NOT NULL,
    invite_id     INTEGER NOT NULL REFERENCES invites(id),
    question_id   TEXT NOT NULL,
    filetype      TEXT NOT NULL,
    metadata      TEXT NOT NULL,
    upload_offset INTEGER NOT NULL DEFAULT 0,
    upload_length INTEGER,
    created_at    INTEGER NOT NULL,
    completed_at  INTEGER
);

CREATE INDEX uploads_by_invite ON uploads(invite_id, question_id);
