-- Redraw territories as the UN and the EU draw them (see shapes/README.md).
-- Run by tools/build-shapes.sh on a SpatiaLite file holding two layers:
-- "countries" (world-atlas, fixed) and "disputed" (Natural Earth's claim
-- areas, tools/data/ne_*_disputed_selected.geojson).
--
-- Each rule moves a claim area from the state that administers it to the one
-- the UN and the EU recognise.  The area moved is the administering state's
-- own polygon inside the claim area, so coastlines stay world-atlas's; the
-- claim area is widened by 0.002 degrees (about 200 m) so that world-atlas's
-- quantized borders leave no slivers behind.
WITH RECURSIVE idx (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM idx WHERE n < 1000),
rules (brk_name, from_a3, to_a3) AS (
  VALUES ('Crimea', 'RUS', 'UKR'),          -- UNGA resolution 68/262 (2014)
         ('Golan Heights', 'ISR', 'SYR'),   -- UNSC resolution 497 (1981)
         ('W. Sahara', 'MAR', 'ESH')        -- a non-self-governing territory (UN)
),
claims AS (
  SELECT r.from_a3, r.to_a3, d.GEOMETRY AS claim, ST_Buffer(d.GEOMETRY, 0.002) AS area
  FROM disputed d JOIN rules r ON d.brk_name = r.brk_name
),
losses AS (SELECT from_a3 AS a3, ST_Union(area) AS g FROM claims GROUP BY from_a3),
rest AS (
  SELECT c.ISO_A3 AS a3, ST_Difference(c.GEOMETRY, l.g) AS g
  FROM countries c JOIN losses l ON l.a3 = c.ISO_A3
),
parts AS (
  SELECT r.a3, idx.n, ST_GeometryN(r.g, idx.n) AS p
  FROM rest r JOIN idx ON idx.n <= ST_NumGeometries(r.g)
),
-- Where the two sources' borders differ (world-atlas's Israel reaches east of
-- Natural Earth's Golan), a piece of the administering state is left next
-- to the claim: a piece smaller than the claim and within 0.1 degrees of it
-- goes with the claim.
stranded AS (
  SELECT p.a3, p.n, m.to_a3, p.p
  FROM parts p JOIN claims m ON m.from_a3 = p.a3
  WHERE ST_Within(p.p, ST_Buffer(m.claim, 0.1)) AND ST_Area(p.p) < ST_Area(m.claim)
),
kept AS (
  SELECT a3, ST_Union(p) AS g FROM parts
  WHERE NOT EXISTS (SELECT 1 FROM stranded s WHERE s.a3 = parts.a3 AND s.n = parts.n)
  GROUP BY a3
),
gains AS (
  SELECT a3, ST_Union(g) AS g FROM (
    SELECT m.to_a3 AS a3, ST_Intersection(f.GEOMETRY, m.area) AS g
    FROM claims m JOIN countries f ON f.ISO_A3 = m.from_a3
    UNION ALL SELECT to_a3, p FROM stranded)
  GROUP BY a3
)
SELECT c.ISO_A3 AS ISO_A3, c.ISO_A2 AS ISO_A2, c.ISO_N3 AS ISO_N3, c.NAME AS NAME, c.NE_NAME AS NE_NAME,
       CASE
         WHEN k.g IS NOT NULL THEN ST_Multi(k.g)
         WHEN g.g IS NOT NULL THEN ST_Multi(ST_Union(c.GEOMETRY, g.g))
         ELSE c.GEOMETRY
       END AS GEOMETRY
FROM countries c
LEFT JOIN kept k ON k.a3 = c.ISO_A3
LEFT JOIN gains g ON g.a3 = c.ISO_A3
ORDER BY c.ISO_A3
