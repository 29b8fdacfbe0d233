-- Links for the hiring team's review page; only the sha256 of each token is stored.
CREATE TABLE review_tokens (
    token_sha256 TEXT PRIMARY KEY NOT NULL,
    created_at   INTEGER NOT NULL -- Unix milliseconds
);
