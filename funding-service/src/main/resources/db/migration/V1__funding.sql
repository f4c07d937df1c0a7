-- Clusters as cluster-service describes them on cluster-events: enough to validate figures, report by
-- country and show names.
CREATE TABLE cluster_view (
    id      UUID PRIMARY KEY,
    slug    VARCHAR(200) NOT NULL,
    names   TEXT         NOT NULL,
    acronym VARCHAR(100),
    kind    VARCHAR(30)  NOT NULL,
    country VARCHAR(2)   NOT NULL,
    status  VARCHAR(20)  NOT NULL,
    version BIGINT       NOT NULL
);
CREATE INDEX cluster_view_slug ON cluster_view (slug);
CREATE INDEX cluster_view_country ON cluster_view (country);

-- One row per reported figure, holding its current version. Amounts are NUMERIC: exact, never binary floats.
CREATE TABLE funding_figure (
    id                     UUID PRIMARY KEY,
    cluster_id             UUID          NOT NULL,
    indicator              VARCHAR(60)   NOT NULL,
    nature                 VARCHAR(10)   NOT NULL,
    value_count            BIGINT,
    value_amount           NUMERIC,
    value_currency         VARCHAR(3),
    value_qualifier        VARCHAR(20)   NOT NULL,
    period_kind            VARCHAR(20)   NOT NULL,
    period_start           DATE,
    period_start_precision VARCHAR(5),
    period_end             DATE          NOT NULL,
    fiscal_year_from       INTEGER,
    fiscal_year_to         INTEGER,
    funders                TEXT          NOT NULL,
    source_title           VARCHAR(1000) NOT NULL,
    source_publisher       VARCHAR(500),
    source_language        VARCHAR(35),
    source_published_on    VARCHAR(10),
    source_url             VARCHAR(2000),
    note                   TEXT,
    report_key             VARCHAR(64)   NOT NULL,
    version                BIGINT        NOT NULL,
    recorded_at            TIMESTAMPTZ   NOT NULL,
    updated_at             TIMESTAMPTZ   NOT NULL,
    CONSTRAINT funding_figure_value CHECK (
        (value_count IS NOT NULL AND value_count >= 0 AND value_amount IS NULL AND value_currency IS NULL)
        OR (value_count IS NULL AND value_amount >= 0 AND value_currency IS NOT NULL)),
    CONSTRAINT funding_figure_period CHECK (period_start IS NULL OR period_start <= period_end)
);
-- A report is one cluster, indicator, nature, period and source: the same report twice is a conflict.
CREATE UNIQUE INDEX funding_figure_report ON funding_figure (report_key);
CREATE INDEX funding_figure_cluster ON funding_figure (cluster_id, indicator, period_end);
CREATE INDEX funding_figure_indicator ON funding_figure (indicator, period_end);
CREATE INDEX funding_figure_end ON funding_figure (period_end, recorded_at);

-- Every version of every figure, as it was represented: corrections never erase what was reported before.
CREATE TABLE funding_figure_version (
    figure_id   UUID        NOT NULL REFERENCES funding_figure (id),
    version     BIGINT      NOT NULL,
    change      VARCHAR(20) NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL,
    state       TEXT        NOT NULL,
    PRIMARY KEY (figure_id, version)
);
