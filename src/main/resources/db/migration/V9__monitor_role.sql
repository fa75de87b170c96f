-- Keys with the monitor role read the operational metrics (/q/metrics) and nothing else: what a monitoring system
-- is given, instead of an admin key.
alter table api_key drop constraint api_key_role_known;
alter table api_key add constraint api_key_role_known check (role in ('CURATOR', 'EDITOR', 'ADMIN', 'MONITOR'));
