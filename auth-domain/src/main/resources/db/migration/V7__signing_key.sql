-- The server's secret for signed links and CSRF tokens. One row, made by the first node that needs it, so
-- every node of a cluster signs with the same key and nothing has to be configured.
CREATE TABLE signing_key (
    id         SMALLINT PRIMARY KEY CHECK (id = 1),
    secret     BYTEA       NOT NULL CHECK (octet_length(secret) >= 32),
    created_at TIMESTAMPTZ NOT NULL
);
