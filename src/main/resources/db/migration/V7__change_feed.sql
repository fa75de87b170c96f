-- The public change feed (GET /api/v1/changes): every change of public data, numbered in the order it was
-- sequenced. Journal ids are not in commit order (an id is taken before its transaction commits, and a rollback
-- leaves a gap), so the feed does not page by them: a sequencer, one at a time across instances, reads the committed
-- journal entries not yet sequenced and gives each resulting change the next position. A reader who has seen a
-- position can never later find a new change below it.
create table change_feed_entry (
    position       bigint       primary key,
    case_study_id  bigint       not null,
    kind           varchar(20)  not null,
    slug           varchar(80)  not null,
    previous_slug  varchar(80),
    case_version   bigint,
    changed_at     timestamp(6) with time zone not null
);

-- What the feed last said of each case study that is public as far as the feed has told: its slug. A case study
-- leaves this table with its tombstone.
create table change_feed_public (
    case_study_id  bigint       primary key,
    slug           varchar(80)  not null
);

-- The sequencer's state: one row, locked by the sequencer that runs, holding the last position given.
create table change_feed_sequencer (
    id             integer      primary key,
    last_position  bigint       not null
);
insert into change_feed_sequencer (id, last_position) values (1, 0);

-- Journal entries the sequencer has not read yet. Entries written before the feed existed are replaced by one new
-- entry per case study, so an existing database gets a complete feed: every public case study as published.
alter table change_journal add column feed_sequenced boolean default false not null;
update change_journal set feed_sequenced = true;
insert into change_journal (case_study_id, recorded_at) select id, current_timestamp from case_study order by id;
create index change_journal_feed_pending_idx on change_journal (feed_sequenced, id);
