-- Accounts at other providers a user signs in with (issue #5 item 4): Google's `sub` for now.
-- A subject belongs to one user; a user may link several.
CREATE TABLE user_identities (
    id BLOB PRIMARY KEY,
    user_id BLOB NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    provider TEXT NOT NULL,
    subject TEXT NOT NULL,
    -- The address the provider vouched for when the account was linked.
    email TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX user_identities_subject ON user_identities (provider, subject);
CREATE INDEX user_identities_user ON user_identities (user_id);
-- An e-mail change waits for its link to be opened (issue #5 item 5): the token carries the
-- new address.
ALTER TABLE user_tokens ADD COLUMN new_email TEXT;
