-- A read by id or slug is one indexed lookup of two columns:
-- * a member lists the alliances it belongs to (alliance_ids, kept by the alliances' writes, which move the
--   member to a new version), so that no read searches the alliances' member lists;
-- * each cluster keeps its JSON representation as of its version (representation), written with every change;
--   representation_format names the shape it was written in, and rows of another shape (or none, such as rows
--   written before this migration or by a bulk load) are rewritten at start and served from their columns
--   until then.
ALTER TABLE cluster ADD COLUMN alliance_ids jsonb NOT NULL DEFAULT '[]';
ALTER TABLE cluster ADD COLUMN representation text;
ALTER TABLE cluster ADD COLUMN representation_format varchar(64);

UPDATE cluster m SET alliance_ids = memberships.ids
FROM (SELECT CAST(x.member AS uuid) AS member, jsonb_agg(a.id ORDER BY lower(a.name_en), a.id) AS ids
      FROM cluster a CROSS JOIN LATERAL jsonb_array_elements_text(a.member_cluster_ids) AS x(member)
      WHERE a.kind = 'ALLIANCE'
      GROUP BY 1) AS memberships
WHERE m.id = memberships.member;
