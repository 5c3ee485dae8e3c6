-- Who did it, to whom, with which token (its id, never the token), from where.
ALTER TABLE audit_events
    ADD COLUMN user_id    BIGINT,
    ADD COLUMN actor_kind VARCHAR(16),
    ADD COLUMN actor_id   BIGINT,
    ADD COLUMN token_id   BIGINT,
    ADD COLUMN ip         VARCHAR(64),
    ADD COLUMN user_agent VARCHAR(512);

-- No foreign keys: the trail outlives the users, clients and tokens it speaks of.
CREATE INDEX audit_events_user_occurred_at ON audit_events (user_id, occurred_at DESC) WHERE user_id IS NOT NULL;
CREATE INDEX audit_events_occurred_at ON audit_events (occurred_at DESC);
