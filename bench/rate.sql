-- The ratings and directions of travel planc computes for the benchmark's plans, in SQL: the same
-- rules (docs/rating.md) for what bench/gen writes — method achievement, bands at 100% and 90%, the
-- year's target in force for a snapshot indicator's quarters, tolerances, the same period a year
-- earlier for the direction of travel, figures settled to 9 decimals.  :period is the period rated.
-- Reads tables results(ref, period, value) and targets(ref, year, target, polarity, tolerance).
CREATE TABLE rated AS
WITH cur AS (
    SELECT r.ref, r.value, t.target, t.polarity, t.tolerance,
           CASE WHEN t.polarity = 'bigger' THEN 1.0 ELSE -1.0 END AS s
    FROM results r JOIN targets t ON t.ref = r.ref AND t.year = substr(:period, 1, 7)
    WHERE r.period = :period
),
pct AS (
    SELECT *, CASE
        WHEN round(s * (value - target), 9) >= 0 THEN NULL
        WHEN tolerance > 0 AND round(s * (target - value), 9) <= round(tolerance, 9) THEN NULL
        WHEN s > 0 AND target > 0 THEN value / target * 100
        WHEN s < 0 AND value > 0 AND target >= 0 THEN target / value * 100
        ELSE -1 END AS p
    FROM cur
),
prev AS (
    SELECT ref, value FROM results
    WHERE period = printf('%04d/%02d', CAST(substr(:period, 1, 4) AS INTEGER) - 1, CAST(substr(:period, 1, 4) AS INTEGER) % 100)
                   || substr(:period, 8)
)
SELECT pct.ref AS ref,
       CASE WHEN p IS NULL OR round(p, 9) >= 100 THEN 'green' WHEN round(p, 9) >= 90 THEN 'amber' ELSE 'red' END AS rating,
       CASE WHEN prev.value IS NULL THEN 'New'
            WHEN round(s * (round(pct.value, 9) - round(prev.value, 9)), 9) > 0 THEN 'Improving'
            WHEN round(s * (round(pct.value, 9) - round(prev.value, 9)), 9) < 0 THEN 'Worsening'
            ELSE 'Same' END AS dot
FROM pct LEFT JOIN prev ON prev.ref = pct.ref;
