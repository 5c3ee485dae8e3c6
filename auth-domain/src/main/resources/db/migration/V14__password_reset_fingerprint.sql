-- A reset token works only while the password it was issued for is in place: the row keeps the SHA-256 of the
-- password hash of that time, and any change of the hash (a password change, a reset) ends the token.
-- Tokens mailed before this migration are bound to no password, so they end here; their owners ask again.
DELETE FROM password_reset_tokens;
ALTER TABLE password_reset_tokens ADD COLUMN password_fingerprint CHAR(64) NOT NULL;
