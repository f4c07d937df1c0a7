CREATE TABLE sample (
    id      UUID PRIMARY KEY,
    name    VARCHAR(200) NOT NULL,
    version BIGINT       NOT NULL
);
CREATE TABLE sample_view (
    id      UUID PRIMARY KEY,
    name    VARCHAR(200) NOT NULL,
    version BIGINT       NOT NULL
);
