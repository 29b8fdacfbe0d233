-- PostgreSQL's twin of sqlite/0006_invitee.sql: integers are BIGINT, row ids identities.
-- Who an invite is for (shown to the hiring team, never to the API) and what they are given
-- beyond the interview's rules: think and answer time in percent, extra attempts, and
-- whether only the candidate starts each recording.
ALTER TABLE invites ADD COLUMN candidate_name TEXT;
ALTER TABLE invites ADD COLUMN candidate_email TEXT;
ALTER TABLE invites ADD COLUMN time_percent BIGINT NOT NULL DEFAULT 100;
ALTER TABLE invites ADD COLUMN extra_attempts BIGINT NOT NULL DEFAULT 0;
ALTER TABLE invites ADD COLUMN manual_start BIGINT NOT NULL DEFAULT 0;
