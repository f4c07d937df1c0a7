-- Clusters, alliances and their member clusters. Multilingual text, leaders and membership-size reports are
-- values of the cluster (read and written with it), so they live in JSONB columns of its row.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE cluster (
    id                  UUID         PRIMARY KEY,
    slug                VARCHAR(100) NOT NULL,
    names               JSONB        NOT NULL,
    name_en             VARCHAR(500) NOT NULL,
    description         JSONB,
    acronym             VARCHAR(50),
    kind                VARCHAR(20)  NOT NULL,
    legal_form          VARCHAR(200),
    country             VARCHAR(2)   NOT NULL,
    region              VARCHAR(200),
    city                VARCHAR(200),
    founded_on          DATE,
    founded_precision   VARCHAR(10),
    website             VARCHAR(500),
    focus_areas         JSONB        NOT NULL DEFAULT '[]',
    leaders             JSONB        NOT NULL DEFAULT '[]',
    member_cluster_ids  JSONB        NOT NULL DEFAULT '[]',
    membership_reports  JSONB        NOT NULL DEFAULT '[]',
    -- every name in every language and the acronym, lower-cased and without accents, for ?q=
    search_text         TEXT         NOT NULL,
    status              VARCHAR(10)  NOT NULL,
    version             BIGINT       NOT NULL,
    created_at          TIMESTAMPTZ  NOT NULL,
    updated_at          TIMESTAMPTZ  NOT NULL,
    CONSTRAINT cluster_slug_unique UNIQUE (slug),
    CONSTRAINT cluster_kind_known CHECK (kind IN ('CLUSTER', 'ALLIANCE', 'ASSOCIATION', 'FOUNDATION', 'PUBLIC_BODY')),
    CONSTRAINT cluster_status_known CHECK (status IN ('ACTIVE', 'RETIRED')),
    CONSTRAINT cluster_founded_precision CHECK ((founded_on IS NULL) = (founded_precision IS NULL))
);
CREATE INDEX cluster_sort ON cluster (lower(name_en), id);
CREATE INDEX cluster_country ON cluster (country);
CREATE INDEX cluster_kind ON cluster (kind);
CREATE INDEX cluster_focus_areas ON cluster USING GIN (focus_areas jsonb_path_ops);
CREATE INDEX cluster_members ON cluster USING GIN (member_cluster_ids jsonb_path_ops);
CREATE INDEX cluster_search ON cluster USING GIN (search_text gin_trgm_ops);

-- View kept from agreement-events: one row per agreement, one per (cluster, agreement) it involves.
CREATE TABLE agreement_view (
    id              UUID         PRIMARY KEY,
    reference       VARCHAR(200) NOT NULL,
    title           JSONB        NOT NULL,
    kind            VARCHAR(40)  NOT NULL,
    status          VARCHAR(20)  NOT NULL,
    parties         JSONB        NOT NULL,
    signed_on       DATE,
    effective_from  DATE,
    expires_on      DATE,
    version         BIGINT       NOT NULL
);
CREATE TABLE cluster_agreement_view (
    cluster_id    UUID NOT NULL,
    agreement_id  UUID NOT NULL REFERENCES agreement_view (id) ON DELETE CASCADE,
    PRIMARY KEY (cluster_id, agreement_id)
);
CREATE INDEX cluster_agreement_view_agreement ON cluster_agreement_view (agreement_id);

-- View kept from funding-events: every figure; the profile picks the latest per indicator and nature.
CREATE TABLE funding_figure_view (
    id          UUID        PRIMARY KEY,
    cluster_id  UUID        NOT NULL,
    indicator   VARCHAR(100) NOT NULL,
    nature      VARCHAR(10) NOT NULL,
    value       JSONB       NOT NULL,
    period      JSONB       NOT NULL,
    period_end  DATE        NOT NULL,
    source      JSONB       NOT NULL,
    version     BIGINT      NOT NULL
);
CREATE INDEX funding_figure_view_cluster ON funding_figure_view (cluster_id, indicator, nature, period_end DESC);
