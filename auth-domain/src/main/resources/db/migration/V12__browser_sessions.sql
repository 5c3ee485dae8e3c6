-- A single-page app's session is an access token marked as such: every node finds it in the database, and
-- logging out everywhere, admin revocation and pruning reach it like any token. Sessions are kept out of the
-- token lists, which show what the user created for API use.
ALTER TABLE access_tokens ADD COLUMN session BOOLEAN NOT NULL DEFAULT false;
