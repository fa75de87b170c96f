-- Attributes of a case study's place that let a user ask for places like theirs: the ISO 3166-2 subdivision, the
-- NUTS region where one applies, the Degree of Urbanisation class and a population band. Each is null where no source
-- says. Written in the SQL that both H2 and PostgreSQL accept.
alter table case_study add column subdivision_code varchar(6);
alter table case_study add column nuts_code varchar(5);
alter table case_study add column degree_of_urbanisation varchar(30);
alter table case_study add column population_band varchar(20);
