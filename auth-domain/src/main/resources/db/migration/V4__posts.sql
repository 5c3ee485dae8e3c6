-- The example resource: posts written by users. A user's posts go with the user.
CREATE TABLE posts (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    author_id  BIGINT         NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    title      VARCHAR(255)   NOT NULL,
    body       VARCHAR(10000) NOT NULL,
    created_at TIMESTAMPTZ    NOT NULL,
    updated_at TIMESTAMPTZ    NOT NULL
);

-- The list is newest first; id breaks ties between posts of the same microsecond.
CREATE INDEX posts_created_at ON posts (created_at DESC, id DESC);
-- Deleting a user finds their posts without reading the whole table.
CREATE INDEX posts_author ON posts (author_id);
