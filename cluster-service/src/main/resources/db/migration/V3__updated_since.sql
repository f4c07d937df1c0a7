-- GET /api/clusters?updatedSince= (incremental sync) selects the clusters changed at or after an instant.
CREATE INDEX cluster_updated_at ON cluster (updated_at);
