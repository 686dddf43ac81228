-- Analysis views: the questions analysts ask first, answered in one line of SQL.
-- Recreated on every connect of a writer, so a view's definition can change without a migration.

CREATE OR REPLACE VIEW meetings_per_body_year AS
SELECT organization, body, year(date) AS year, count(*) AS meetings
FROM meetings
WHERE date IS NOT NULL
GROUP BY ALL
ORDER BY organization, body, year;
