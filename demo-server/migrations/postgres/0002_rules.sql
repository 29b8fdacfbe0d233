-- PostgreSQL's twin of sqlite/0002_rules.sql: integers are BIGINT, row ids identities.
-- From this migration on, every time is Unix milliseconds (uploads.created_at and
-- uploads.completed_at included).
-- When each invite first revealed each question (think time counts from here, once).
CREATE TABLE reveals (
    invite_id   BIGINT NOT NULL REFERENCES invites(id),
    question_id TEXT NOT NULL,
    revealed_at BIGINT NOT NULL, -- Unix milliseconds
    PRIMARY KEY (invite_id, question_id)
);

-- The take a candidate chose for each question.
CREATE TABLE submissions (
    invite_id    BIGINT NOT NULL REFERENCES invites(id),
    question_id  TEXT NOT NULL,
    upload_id    TEXT NOT NULL REFERENCES uploads(id),
    submitted_at BIGINT NOT NULL, -- Unix milliseconds
    PRIMARY KEY (invite_id, question_id)
);

-- A take replaced by a retry after a technical failure does not count as an attempt.
ALTER TABLE uploads ADD COLUMN technical_failure BIGINT NOT NULL DEFAULT 0;
-- Terminated (tus termination) or expired: the file is gone.
ALTER TABLE uploads ADD COLUMN deleted_at BIGINT;
-- sha256 of the complete take (lowercase hex), and its duration once probed.
ALTER TABLE uploads ADD COLUMN sha256 TEXT;
ALTER TABLE uploads ADD COLUMN duration_ms BIGINT;

ALTER TABLE invites ADD COLUMN completed_at BIGINT;
