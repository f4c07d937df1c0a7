-- A list filtered by focus area counts its total (exact up to the bound, see ClusterSearch) from one row per
-- (focus area, cluster) with the other fields a list filters by: an index range that stops at the bound, where the
-- GIN index on focus_areas can only build a bitmap of every cluster with the area (and one of every cluster of the
-- country) first. Kept by a trigger in the transaction of the cluster's own write; a deleted cluster takes its rows.
CREATE TABLE cluster_focus_area (
    focus_area  VARCHAR(100) NOT NULL,
    cluster_id  UUID         NOT NULL REFERENCES cluster (id) ON DELETE CASCADE,
    country     VARCHAR(2)   NOT NULL,
    kind        VARCHAR(20)  NOT NULL,
    status      VARCHAR(10)  NOT NULL,
    PRIMARY KEY (focus_area, cluster_id)
);
CREATE INDEX cluster_focus_area_filters ON cluster_focus_area (focus_area, country, kind, status);
CREATE INDEX cluster_focus_area_cluster ON cluster_focus_area (cluster_id);

CREATE FUNCTION cluster_focus_area_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        DELETE FROM cluster_focus_area WHERE cluster_id = NEW.id;
    END IF;
    INSERT INTO cluster_focus_area (focus_area, cluster_id, country, kind, status)
    SELECT DISTINCT f.area, NEW.id, NEW.country, NEW.kind, NEW.status
    FROM jsonb_array_elements_text(NEW.focus_areas) AS f(area);
    RETURN NULL;
END
$$;

CREATE TRIGGER cluster_focus_area_rows AFTER INSERT OR UPDATE OF focus_areas, country, kind, status ON cluster
    FOR EACH ROW EXECUTE FUNCTION cluster_focus_area_rows();

INSERT INTO cluster_focus_area (focus_area, cluster_id, country, kind, status)
SELECT DISTINCT f.area, c.id, c.country, c.kind, c.status
FROM cluster c CROSS JOIN LATERAL jsonb_array_elements_text(c.focus_areas) AS f(area);
