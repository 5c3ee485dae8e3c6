-- The smallest of lanyard.token.expiry-reminder-days an owner was reminded of for this token, so each threshold
-- is mailed once, by whichever node claims it first.
ALTER TABLE access_tokens ADD COLUMN expiry_reminded_days INT;
