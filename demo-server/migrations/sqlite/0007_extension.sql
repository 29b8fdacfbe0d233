-- Requests for more time: the candidate's note, and the hiring team's answer. At most one
-- waits for an answer per invite. A granted request sets the invite's own deadline, which
-- then stands instead of the interview's.
CREATE TABLE extension_requests (
    id INTEGER PRIMARY KEY,
    invite_id INTEGER NOT NULL REFERENCES invites(id),
    note TEXT NOT NULL,
    requested_at INTEGER NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'granted', 'declined')),
    deadline INTEGER,
    decided_at INTEGER
);
CREATE INDEX extension_requests_by_invite ON extension_requests (invite_id, id);
CREATE UNIQUE INDEX one_waiting_extension ON extension_requests (invite_id) WHERE status = 'pending';
ALTER TABLE invites ADD COLUMN deadline INTEGER;
