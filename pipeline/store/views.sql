-- Analysis views: the questions analysts ask first, answered in one line of SQL.
-- Recreated on every connect of a writer, so a view's definition can change without a migration.
-- A body is (organization, body): two organizations' "styrelsen" are two bodies. Meetings
-- without a date are left out of every per-year view.

CREATE OR REPLACE VIEW meetings_per_body_year AS
SELECT organization, body, year(date) AS year, count(*) AS meetings
FROM meetings
WHERE date IS NOT NULL
GROUP BY ALL
ORDER BY organization, body, year;

-- One row per person and meeting of a body that the person could have attended. A person's
-- span in a body runs from the first to the last meeting of that body whose attendance lists
-- name them (present or absent), both included; every meeting of the body dated within the
-- span is an opportunity, whether or not its lists name the person. `attended` is true when
-- the lists of that meeting name the person as present.
CREATE OR REPLACE VIEW attendance_opportunities AS
WITH listed AS (
    SELECT meeting_id, person_id, bool_or(status = 'present') AS present
    FROM attendance
    GROUP BY ALL
),
spans AS (
    SELECT m.organization, m.body, l.person_id,
           min(m.date) AS listed_from, max(m.date) AS listed_until
    FROM listed l JOIN meetings m USING (meeting_id)
    WHERE m.date IS NOT NULL
    GROUP BY ALL
)
SELECT s.organization, s.body, s.person_id, m.meeting_id, m.date,
       coalesce(l.present, false) AS attended,
       l.person_id IS NOT NULL AS listed,
       s.listed_from, s.listed_until
FROM spans s
JOIN meetings m
  ON m.organization IS NOT DISTINCT FROM s.organization
 AND m.body IS NOT DISTINCT FROM s.body
 AND m.date BETWEEN s.listed_from AND s.listed_until
LEFT JOIN listed l ON l.meeting_id = m.meeting_id AND l.person_id = s.person_id;

-- Attendance rate: meetings attended / meetings of the body held within the person's span
-- (see attendance_opportunities), per calendar year of the meeting.
CREATE OR REPLACE VIEW attendance_rate_per_person_body_year AS
SELECT o.organization, o.body, o.person_id, p.name, year(o.date) AS year,
       count(*) FILTER (WHERE o.attended) AS meetings_attended,
       count(*) AS meetings_held,
       count(*) FILTER (WHERE o.attended) / count(*) AS attendance_rate,
       any_value(o.listed_from) AS listed_from,
       any_value(o.listed_until) AS listed_until
FROM attendance_opportunities o LEFT JOIN persons p USING (person_id)
GROUP BY o.organization, o.body, o.person_id, p.name, year(o.date)
ORDER BY o.organization, o.body, p.name, year;

CREATE OR REPLACE VIEW decision_outcomes_per_body_year AS
SELECT m.organization, m.body, year(m.date) AS year, d.outcome, count(*) AS decisions
FROM decisions d JOIN meetings m USING (meeting_id)
WHERE m.date IS NOT NULL
GROUP BY ALL
ORDER BY m.organization, m.body, year, d.outcome;

-- Money granted, one row per amount counted. The rule: only §§ with an approved decision count.
-- In such a §, the amounts an approved decision writes out itself count ("Ansökan beviljas med
-- 300 000 kronor"); when no approved decision names an amount, the §'s amounts count if its
-- title says it is an application or a grant (ansökan, bidrag, medel, finansiering, beviljande:
-- "Ansökan om medel för Steget vidare"). Each value counts once per § (450 000 written as
-- "450 000 kr" in the text and "450 000 kronor" in the decision is one grant). Amounts in
-- rejected, postponed, referred or noted decisions, and in reports, never count.
CREATE OR REPLACE VIEW money_granted AS
WITH approved AS (
    SELECT DISTINCT meeting_id, section_number FROM decisions WHERE outcome = 'approved'
),
titles AS (
    SELECT meeting_id, number AS section_number, min(title) AS title
    FROM sections
    GROUP BY ALL
),
named AS (
    SELECT DISTINCT a.meeting_id, a.section_number, a.sek
    FROM amounts a JOIN decisions d
      ON d.meeting_id = a.meeting_id AND d.section_number = a.section_number
     AND d.outcome = 'approved' AND contains(d.text, a.text)
),
grant_sections AS (
    SELECT p.meeting_id, p.section_number
    FROM approved p JOIN titles t USING (meeting_id, section_number)
    WHERE regexp_matches(strip_accents(lower(t.title)), '\b(ansok|bidrag|medel|finansier|bevilj)')
      AND NOT EXISTS (
          SELECT 1 FROM named n
          WHERE n.meeting_id = p.meeting_id AND n.section_number = p.section_number
      )
),
unnamed AS (
    SELECT DISTINCT a.meeting_id, a.section_number, a.sek
    FROM amounts a JOIN grant_sections g USING (meeting_id, section_number)
)
SELECT m.organization, m.body, m.date, g.meeting_id, g.section_number, t.title, g.sek
FROM (SELECT * FROM named UNION ALL SELECT * FROM unnamed) g
JOIN meetings m USING (meeting_id)
LEFT JOIN titles t USING (meeting_id, section_number);

CREATE OR REPLACE VIEW money_granted_per_year AS
SELECT organization, body, year(date) AS year,
       count(DISTINCT meeting_id || '§' || section_number) AS grants,
       sum(sek) AS sek
FROM money_granted
WHERE date IS NOT NULL
GROUP BY ALL
ORDER BY organization, body, year;

-- Who held which role in a body, year by year: chairs, secretaries (who took the minutes),
-- adjusters, members... as the attendance lists, role lines and signatures state them.
CREATE OR REPLACE VIEW roles_over_time AS
WITH held AS (
    SELECT DISTINCT meeting_id, person_id, unnest(roles) AS role FROM attendance
)
SELECT m.organization, m.body, year(m.date) AS year, h.role, h.person_id, p.name,
       count(DISTINCT h.meeting_id) AS meetings,
       min(m.date) AS first_date, max(m.date) AS last_date
FROM held h JOIN meetings m USING (meeting_id) LEFT JOIN persons p USING (person_id)
WHERE m.date IS NOT NULL
GROUP BY ALL
ORDER BY m.organization, m.body, year, h.role, p.name;
