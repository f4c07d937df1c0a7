-- The data-quality list's marks: one row per plausibility flag or conflict of the clusters' funding summaries,
-- so that GET /api/data-quality pages through a few rows instead of working out every series of every cluster.
-- Every write of a figure rewrites the marks of its series (cluster and indicator) in its own transaction, with
-- the summary's own code (DataQualityMarks); this migration marks the figures recorded before, by the same rules
-- in SQL: a jump is more than 5 times up or down from the last report (series order: period end, publication
-- date, recording time, id) of the latest earlier period end in the same currency or count; a conflict is one
-- nature, period and currency (or count) with different values.
CREATE TABLE data_quality_concern (
    cluster_id   UUID        NOT NULL,
    indicator    VARCHAR(60) NOT NULL,
    -- 0: IMPLAUSIBLE_JUMP of figure_id, 1: CONFLICT (no figure_id): the list's order within one period end
    kind         SMALLINT    NOT NULL,
    nature       VARCHAR(10) NOT NULL,
    period_kind  VARCHAR(20) NOT NULL,
    period_start DATE,
    period_end   DATE        NOT NULL,
    -- the currency, or '' for counts
    dimension    VARCHAR(3)  NOT NULL,
    figure_id    UUID
);
CREATE INDEX data_quality_concern_series ON data_quality_concern (cluster_id, indicator);

INSERT INTO data_quality_concern (kind, cluster_id, indicator, nature, period_kind, period_start, period_end,
        dimension, figure_id)
WITH actual AS (
    SELECT f.id, f.cluster_id, f.indicator, COALESCE(f.value_currency, '') AS dimension, f.period_kind,
           f.period_start, f.period_end, COALESCE(f.value_amount, f.value_count) AS number,
           row_number() OVER (PARTITION BY f.cluster_id, f.indicator, COALESCE(f.value_currency, ''),
                   f.period_end ORDER BY COALESCE(f.source_published_on, '') COLLATE "C" DESC,
                   f.recorded_at DESC, f.id DESC) AS from_last
    FROM funding_figure f WHERE f.nature = 'ACTUAL'),
series AS (
    SELECT a.*, max(CASE WHEN a.from_last = 1 THEN a.number END) OVER (
               PARTITION BY a.cluster_id, a.indicator, a.dimension ORDER BY a.period_end
               GROUPS BETWEEN 1 PRECEDING AND 1 PRECEDING) AS previous
    FROM actual a),
concern AS (
    SELECT 0 AS kind, s.cluster_id, s.indicator, 'ACTUAL' AS nature, s.period_kind, s.period_start,
           s.period_end, s.dimension, s.id AS figure_id
    FROM series s
    WHERE s.previous > 0 AND s.number > 0
      AND GREATEST(s.number, s.previous) > LEAST(s.number, s.previous) * 5
    UNION ALL
    SELECT 1, f.cluster_id, f.indicator, f.nature, f.period_kind, f.period_start, f.period_end,
           COALESCE(f.value_currency, ''), NULL
    FROM funding_figure f
    GROUP BY f.cluster_id, f.indicator, f.nature, f.period_kind, f.period_start, f.period_end,
             COALESCE(f.value_currency, '')
    HAVING count(DISTINCT COALESCE(f.value_amount, f.value_count)) > 1)
SELECT kind, cluster_id, indicator, nature, period_kind, period_start, period_end, dimension, figure_id
FROM concern;
