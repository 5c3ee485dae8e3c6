-- last_used_at is written for every token in use, at most once a minute each (LastUsedWriter): with 100,000
-- tokens in use that is thousands of rows a second. With room left on each page PostgreSQL updates such a row on
-- its own page without touching an index (a HOT update: no indexed column changes), instead of also writing an
-- entry into every one of the table's indexes. Applies to the pages written from now on.
ALTER TABLE access_tokens SET (fillfactor = 80);
