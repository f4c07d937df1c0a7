-- Who made each cluster and who changed it last: the token subject of the request (or a service's name).
-- Rows written before auditing began keep NULL: their authors were not recorded.
ALTER TABLE cluster ADD COLUMN created_by varchar(255);
ALTER TABLE cluster ADD COLUMN updated_by varchar(255);
