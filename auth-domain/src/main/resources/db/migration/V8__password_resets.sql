-- One outstanding password reset per user: a new request replaces the old one. Only the SHA-256 of the token
-- is kept (it is 40 random characters, so a fast hash is enough); using it deletes the row.
CREATE TABLE password_reset_tokens (
    user_id    BIGINT      PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    token_hash CHAR(64)    NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
