-- A browser session's sign-in can wait for its second factor too; meeting it then opens a session.
ALTER TABLE two_factor_challenges ADD COLUMN session BOOLEAN NOT NULL DEFAULT FALSE;
