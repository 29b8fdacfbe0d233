-- The candidate's answer to the interview's consent text: agreed (1) or declined (0), when,
-- and the sha256 of the text answered. The first answer stands.
ALTER TABLE invites ADD COLUMN consent_agreed INTEGER;
ALTER TABLE invites ADD COLUMN consent_at INTEGER;
ALTER TABLE invites ADD COLUMN consent_sha256 TEXT;
