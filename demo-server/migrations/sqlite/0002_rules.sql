-- From this migration on, every time is Unix milliseconds (uploads.created_at and
-- uploads.completed_at included).
-- When each invite first revealed each question (think time counts from here, once).
CREATE TABLE reveals (
    invite_id   INTEGER NOT NULL REFERENCES invites(id),
    question_id TEXT NOT NULL,
    revealed_at INTEGER NOT NULL, -- Unix milliseconds
    PRIMARY KEY (invite_id, question_id)
);

-- The take a candidate chose for each question.
CREATE TABLE submissions (
    invite_id    INTEGER NOT NULL REFERENCES invites(id),
    question_id  TEXT NOT NULL,
    upload_id    TEXT NOT NULL REFERENCES uploads(id),
    submitted_at INTEGER NOT NULL, -- Unix milliseconds
    PRIMARY KEY (invite_id, question_id)
);

-- A take replaced by a retry after a technical failure does not count as an attempt.
ALTER TABLE uploads ADD COLUMN technical_failure INTEGER NOT NULL DEFAULT 0;
-- Terminated (tus termination) or expired: the file is gone.
ALTER TABLE uploads ADD COLUMN deleted_at INTEGER;
-- sha256 of the complete take (lowercase hex), and its duration once probed.
ALTER TABLE uploads ADD COLUMN sha256 TEXT;
ALTER TABLE uploads ADD COLUMN duration_ms INTEGER;

ALTER TABLE invites ADD COLUMN completed_at INTEGER;
