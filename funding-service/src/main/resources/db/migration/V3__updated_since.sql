-- GET /api/funding-figures?updatedSince= (incremental sync) selects the figures changed at or after an instant.
CREATE INDEX funding_figure_updated_at ON funding_figure (updated_at);
