-- Rotation with a grace period (POST /api/token/refresh {grace_seconds}): the replaced token is marked rotated, so
-- that it can be rotated only once, and keeps working until the grace ends or its successor, which names it, is
-- first used. No foreign key: the replaced token is deleted then, and pruning may delete it first.
ALTER TABLE access_tokens
    ADD COLUMN rotated           BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN replaces_token_id BIGINT;
