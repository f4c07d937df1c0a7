-- 10,000 clusters in funding-service's cluster view and 1,000,000 figures over them (100 a cluster: four
-- indicators, 25 reports each), straight into funding-service's database.
-- psql -h 127.0.0.1 -p 5433 -U postgres -d funding -f benchmarks/data/funding-1m.sql
-- The figures are one statement, so the last one says the load is complete: once it is there, a rerun inserts
-- no figure and costs a lookup, not 1,000,000 conflicts. The cluster rows are put back whenever they are missing
-- (a rebuild of the cluster view from cluster-events empties it: these rows never were events).
INSERT INTO cluster_view (id, slug, names, acronym, kind, country, status, version)
SELECT ('00000000-0000-4000-9000-' || lpad(to_hex(g), 12, '0'))::uuid, 'bench-funded-' || g,
       '{"en":"Bench funded cluster ' || g || '"}', NULL, 'CLUSTER',
       (ARRAY['FR', 'JP', 'DE', 'IT', 'BE', 'NL', 'ES', 'US'])[1 + g % 8], 'ACTIVE', 1
FROM generate_series(1, 10000) g
ON CONFLICT (id) DO NOTHING;

INSERT INTO funding_figure (id, cluster_id, indicator, nature, value_count, value_amount, value_currency,
                            value_qualifier, period_kind, period_start, period_start_precision, period_end,
                            fiscal_year_from, fiscal_year_to, funders, source_title, source_publisher,
                            source_language, source_published_on, source_url, note, report_key, version,
                            recorded_at, updated_at)
SELECT gen_random_uuid(),
       ('00000000-0000-4000-9000-' || lpad(to_hex(1 + g % 10000), 12, '0'))::uuid,
       (ARRAY['projects-certified', 'products-launched', 'total-investment', 'public-funding'])[1 + (g / 10000) % 4],
       'ACTUAL',
       CASE WHEN (g / 10000) % 4 < 2 THEN (g / 40000) * 10 + g % 7 END,
       CASE WHEN (g / 10000) % 4 >= 2 THEN ((g / 40000) * 1000000 + g % 997)::numeric END,
       CASE WHEN (g / 10000) % 4 >= 2 THEN 'EUR' END,
       'EXACT', 'AS_OF', NULL, NULL,
       date '2000-01-01' + ((g / 40000) * 180),
       NULL, NULL, '[]',
       'Benchmark report ' || (g / 40000), 'ClusterBridge benchmark', 'en', '2020', NULL, NULL,
       md5('bench-figure-' || g), 1, now(), now()
FROM generate_series(0, 999999) g
WHERE NOT EXISTS (SELECT 1 FROM funding_figure WHERE report_key = md5('bench-figure-999999'))
ON CONFLICT (report_key) DO NOTHING;
ANALYZE cluster_view;
ANALYZE funding_figure;
\copy (SELECT id FROM cluster_view WHERE slug LIKE 'bench-funded-%' ORDER BY random() LIMIT 2000) TO 'benchmarks/target/funded-cluster-ids.csv' WITH CSV HEADER
