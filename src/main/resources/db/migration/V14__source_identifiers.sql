-- The identifiers a curator may give a cited work: its DOI, its Handle and its ISBN (all optional), carried into
-- citations (CSL-JSON, BibTeX, RIS) and JSON-LD.
alter table case_study_source add column doi varchar(300);
alter table case_study_source add column handle varchar(300);
alter table case_study_source add column isbn varchar(17);
