-- Saved searches: the filters of a search kept under an id made from them, so that a person can follow new evidence
-- on a topic in a feed reader (/api/v1/feeds/searches/{id}.atom) without an API key. The id is a hash of the
-- canonical query, so saving the same search again finds the same row; the title is the one it was first saved with.
-- (V17 is taken by another change.)
create table saved_search (
    id          varchar(22)   not null primary key,
    -- The canonical query string of the list (/api/v1/case-studies?<query>) that the feed follows.
    query       varchar(8192) not null,
    title       varchar(120),
    created_at  timestamp(6) with time zone not null
);
