-- Who reported each figure and who corrected it last, and who made each version: the token subject of the
-- request. Rows written before auditing began keep NULL: their authors were not recorded.
ALTER TABLE funding_figure ADD COLUMN created_by varchar(255);
ALTER TABLE funding_figure ADD COLUMN updated_by varchar(255);
ALTER TABLE funding_figure_version ADD COLUMN recorded_by varchar(255);
