-- Everything that can own access tokens: users now, API clients later. Tokens point here, so a new kind of
-- owner is a new table joined on id, not a change to the tokens.
CREATE TABLE token_owners (
    id   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind VARCHAR(16) NOT NULL
);

CREATE TABLE users (
    id                BIGINT       PRIMARY KEY REFERENCES token_owners (id) ON DELETE CASCADE,
    name              VARCHAR(255) NOT NULL,
    email             VARCHAR(255) NOT NULL,
    password_hash     VARCHAR(100) NOT NULL,
    roles             VARCHAR(255) NOT NULL DEFAULT '',
    created_at        TIMESTAMPTZ  NOT NULL,
    email_verified_at TIMESTAMPTZ
);

-- Emails are unique whatever their case; lookups use lower(email) too.
CREATE UNIQUE INDEX users_email_unique ON users (lower(email));

CREATE TABLE access_tokens (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    owner_id     BIGINT        NOT NULL REFERENCES token_owners (id) ON DELETE CASCADE,
    name         VARCHAR(255)  NOT NULL,
    token_hash   CHAR(64)      NOT NULL,
    abilities    VARCHAR(4000) NOT NULL,
    created_at   TIMESTAMPTZ   NOT NULL,
    last_used_at TIMESTAMPTZ,
    expires_at   TIMESTAMPTZ
);

-- Tokens without an id part are found by their hash.
CREATE UNIQUE INDEX access_tokens_token_hash ON access_tokens (token_hash);
CREATE INDEX access_tokens_owner ON access_tokens (owner_id);
-- For pruning.
CREATE INDEX access_tokens_expires_at ON access_tokens (expires_at) WHERE expires_at IS NOT NULL;
CREATE INDEX access_tokens_created_at ON access_tokens (created_at);
