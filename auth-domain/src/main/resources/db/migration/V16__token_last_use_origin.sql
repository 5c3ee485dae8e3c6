-- Where each token was last used from, written with last_used_at in the same coalesced write (LastUsedWriter),
-- so that an owner can tell a use that was not theirs. Sized as the audit trail's columns.
ALTER TABLE access_tokens
    ADD COLUMN last_used_ip         VARCHAR(64),
    ADD COLUMN last_used_user_agent VARCHAR(512);
