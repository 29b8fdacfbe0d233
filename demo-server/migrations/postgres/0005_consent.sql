-- PostgreSQL's twin of sqlite/0005_consent.sql: integers are BIGINT, row ids identities.
-- The candidate's answer to the interview's consent text: agreed (1) or declined (0), when,
-- and the sha256 of the text answered. The first answer stands.
ALTER TABLE invites ADD COLUMN consent_agreed BIGINT;
ALTER TABLE invites ADD COLUMN consent_at BIGINT;
ALTER TABLE invites ADD COLUMN consent_sha256 TEXT;
