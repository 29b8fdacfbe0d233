-- PostgreSQL's twin of sqlite/0004_take.sql: integers are BIGINT, row ids identities.
-- The client's name for the take an upload belongs to (`take` in Upload-Metadata): a creation
-- sent again because its answer was lost is the same take, and the same attempt.
ALTER TABLE uploads ADD COLUMN take TEXT;
