-- Slugs of case studies that were never published belong to their curator alone: another curator may give the same
-- slug to a draft of their own, so that creating, renaming or importing one never tells a curator that a draft they
-- cannot see exists. A case study's slug_scope is '' once it has been published (its slug is public: unique among
-- the public slugs and their former slugs for good); before that, it is the owner's name.
alter table case_study add column slug_scope varchar(200) default '' not null;

update case_study set slug_scope = coalesce(owner, '')
where status <> 'PUBLISHED'
  and not exists (select 1 from case_study_revision r where r.case_study_id = case_study.id and r.status = 'PUBLISHED');

alter table case_study drop constraint case_study_slug_unique;
alter table case_study add constraint case_study_slug_unique unique (slug_scope, slug);

-- Former slugs are public redirects: a case study never published keeps none, so that nobody is led from a draft's
-- old slug to its new one, and the old slug is free again at once.
delete from case_study_slug_alias
where case_study_id in (select id from case_study where slug_scope <> '');
