-- Machine identities that own tokens but act for no user, e.g. a storefront showing inventory to guests.
CREATE TABLE api_clients (
    id         BIGINT       PRIMARY KEY REFERENCES token_owners (id) ON DELETE CASCADE,
    name       VARCHAR(255) NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL
);
