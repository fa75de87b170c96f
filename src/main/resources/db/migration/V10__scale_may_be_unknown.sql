-- A case study's scale is null when its sources do not say how far the initiative reached.
alter table case_study alter column scale drop not null;
