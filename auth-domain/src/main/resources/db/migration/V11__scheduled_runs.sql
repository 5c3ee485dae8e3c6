-- The last slot of a schedule some node has claimed: a node runs a scheduled job only when it moves this
-- forward, so a job every node schedules runs once per slot across the cluster.
CREATE TABLE scheduled_runs (
    name       VARCHAR(64) PRIMARY KEY,
    last_slot  TIMESTAMPTZ NOT NULL,
    claimed_at TIMESTAMPTZ NOT NULL
);

INSERT INTO scheduled_runs (name, last_slot, claimed_at) VALUES ('token-pruning', '-infinity', now());
