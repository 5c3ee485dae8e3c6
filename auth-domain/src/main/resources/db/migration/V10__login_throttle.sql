-- Failed logins per key (e.g. "email|client address") within a decay window, kept where every node of a
-- cluster counts into the same row. Times are the database's, so nodes with skewed clocks agree.
CREATE TABLE login_throttle (
    throttle_key TEXT        PRIMARY KEY,
    failures     INTEGER     NOT NULL CHECK (failures > 0),
    resets_at    TIMESTAMPTZ NOT NULL
);

-- Finds windows that have run out, to delete them a few at a time.
CREATE INDEX login_throttle_resets_at ON login_throttle (resets_at);
