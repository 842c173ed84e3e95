-- The boundaries drawn dashed (see shapes/README.md): the land edges of the
-- disputed territories.  Run by tools/build-disputed-lines.sh on a SpatiaLite
-- file holding "countries" (the bundled, redrawn 1:10m shapes) and "disputed"
-- (Natural Earth's claim areas, tools/data/ne_10m_disputed_selected.geojson).
--
-- Territories with their own record (Western Sahara, Palestine, Kosovo): the
-- record's outline where another country lies within 0.005 degrees (about
-- 500 m), so coastlines stay solid.  Claims folded into a state (Crimea into
-- Ukraine, the Golan into Syria): the claim's outline where land outside the
-- claim lies within 0.01 degrees.
WITH own (a3) AS (VALUES ('ESH'), ('PSE'), ('XKX')),
folded (brk_name) AS (VALUES ('Crimea'), ('Golan Heights')),
records AS (
  SELECT t.ISO_A3 AS name, t.GEOMETRY AS g,
         (SELECT ST_Union(o.GEOMETRY) FROM countries o
          WHERE o.ISO_A3 <> t.ISO_A3 AND ST_Intersects(o.GEOMETRY, ST_Buffer(t.GEOMETRY, 0.01))) AS others
  FROM countries t JOIN own ON own.a3 = t.ISO_A3
),
claims AS (
  SELECT d.brk_name AS name, d.GEOMETRY AS g,
         (SELECT ST_Difference(ST_Union(o.GEOMETRY), ST_Buffer(d.GEOMETRY, 0.002)) FROM countries o
          WHERE ST_Intersects(o.GEOMETRY, ST_Buffer(d.GEOMETRY, 0.02))) AS others
  FROM disputed d JOIN folded f ON f.brk_name = d.brk_name
),
lines AS (
  SELECT name, ST_Intersection(ST_Boundary(g), ST_Buffer(others, 0.005)) AS g FROM records
  UNION ALL
  SELECT name, ST_Intersection(ST_Boundary(g), ST_Buffer(others, 0.01)) AS g FROM claims
)
SELECT name AS NAME, CastToMultiLineString(ST_LineMerge(g)) AS GEOMETRY
FROM lines WHERE g IS NOT NULL AND NOT ST_IsEmpty(g)
ORDER BY name
