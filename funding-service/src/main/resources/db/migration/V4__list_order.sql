-- The figure list's order (period end, recorded time, id, all descending) as one index, read backwards: pages and
-- the keyset batches of CSV and NDJSON exports are index range reads instead of a sort of every match.
CREATE INDEX funding_figure_list_order ON funding_figure (period_end, recorded_at, id);
-- Its first two columns are the former period-end index's.
DROP INDEX funding_figure_end;
