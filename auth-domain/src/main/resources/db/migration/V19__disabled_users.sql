-- An admin can disable a user without deleting them: login then fails as for a wrong password, and every token
-- and session of theirs was revoked when they were disabled.
ALTER TABLE users ADD COLUMN disabled_at TIMESTAMPTZ;
