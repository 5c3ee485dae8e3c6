CREATE TABLE audit_events (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    type        VARCHAR(64)   NOT NULL,
    detail      VARCHAR(1000),
    occurred_at TIMESTAMPTZ   NOT NULL
);

CREATE INDEX audit_events_type_occurred_at ON audit_events (type, occurred_at DESC);
