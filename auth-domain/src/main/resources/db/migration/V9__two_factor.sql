-- A user's TOTP secret, encrypted with a key derived from the server's signing key (AES-GCM), its recovery
-- codes as SHA-256 hashes, and the last time step a code was accepted for, so no code works twice.
CREATE TABLE two_factor_credentials (
    user_id          BIGINT        PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    secret_sealed    BYTEA         NOT NULL,
    recovery_hashes  VARCHAR(1000) NOT NULL,
    created_at       TIMESTAMPTZ   NOT NULL,
    confirmed_at     TIMESTAMPTZ,
    last_used_step   BIGINT
);

-- A login that passed the password and waits for its second factor: single use, short-lived. The challenge
-- handed to the client is random; only its SHA-256 is kept.
CREATE TABLE two_factor_challenges (
    challenge_hash CHAR(64)     PRIMARY KEY,
    user_id        BIGINT       NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    device_name    VARCHAR(255) NOT NULL,
    expires_at     TIMESTAMPTZ  NOT NULL
);
CREATE INDEX two_factor_challenges_expires_at ON two_factor_challenges (expires_at);
