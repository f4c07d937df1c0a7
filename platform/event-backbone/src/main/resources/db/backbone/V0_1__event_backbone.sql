-- Transactional outbox: written in the same transaction as the change, relayed to Kafka in id order.
CREATE TABLE outbox_event (
    id           BIGSERIAL PRIMARY KEY,
    event_id     UUID         NOT NULL UNIQUE,
    topic        VARCHAR(255) NOT NULL,
    aggregate_id VARCHAR(255) NOT NULL,
    type         VARCHAR(255) NOT NULL,
    sequence     BIGINT       NOT NULL,
    payload      TEXT         NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    published_at TIMESTAMPTZ
);
CREATE INDEX outbox_event_pending ON outbox_event (id) WHERE published_at IS NULL;
CREATE INDEX outbox_event_published ON outbox_event (published_at) WHERE published_at IS NOT NULL;

-- Version gate of the views this service keeps from other services' events.
CREATE TABLE view_version (
    view_name    VARCHAR(100) NOT NULL,
    aggregate_id VARCHAR(255) NOT NULL,
    sequence     BIGINT       NOT NULL,
    applied_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (view_name, aggregate_id)
);
