-- 100,000 benchmark clusters straight into cluster-service's database (a read benchmark needs no events).
-- psql -h 127.0.0.1 -p 5433 -U postgres -d cluster -f benchmarks/data/clusters-100k.sql
-- One statement, so its last cluster says the load is complete: once it is there, a rerun inserts nothing and
-- costs a lookup, not 100,000 conflicts.
INSERT INTO cluster (id, slug, names, name_en, description, acronym, kind, legal_form, country, region, city,
                     founded_on, founded_precision, website, focus_areas, leaders, member_cluster_ids,
                     membership_reports, search_text, status, version, created_at, updated_at)
SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid,
       'bench-cluster-' || g,
       jsonb_build_object('en', 'Bench cluster ' || g, 'ja', 'ベンチクラスター' || g),
       'Bench cluster ' || g,
       NULL, 'BC' || g, 'CLUSTER', NULL,
       (ARRAY['FR', 'JP', 'DE', 'IT', 'BE', 'NL', 'ES', 'US'])[1 + g % 8],
       NULL, NULL, NULL, NULL, NULL,
       jsonb_build_array((ARRAY['digital-health', 'medical-devices', 'biotechnology', 'pharmaceuticals'])[1 + g % 4]),
       '[]', '[]', '[]',
       'bench cluster ' || g || ' ベンチクラスター' || g || ' bc' || g,
       'ACTIVE', 1, now(), now()
FROM generate_series(1, 100000) g
WHERE NOT EXISTS (SELECT 1 FROM cluster WHERE slug = 'bench-cluster-100000')
ON CONFLICT (slug) DO NOTHING;
ANALYZE cluster;
\copy (SELECT id FROM cluster WHERE slug LIKE 'bench-cluster-%' ORDER BY random() LIMIT 10000) TO 'benchmarks/target/cluster-ids.csv' WITH CSV HEADER
