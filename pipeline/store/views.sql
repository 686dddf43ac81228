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

-- A view that reads another sorts after it by name: EXPORT DATABASE writes views in name order,
-- and IMPORT DATABASE must find what each one reads.
-- Seats and service. Each attendance row says how the person took part: served as a member
-- (a member, chair or vice chair present), served as a substitute (a substitute who replaced a
-- member: "tjänstgör för", "ersätter", "ers"), attended without serving (an ersättare who did
-- not replace anyone, officials, guests) or absent. `substitute_for_id` is the replaced
-- member's current person id: the row of the same meeting found at load, joined here, so it
-- follows the person when spellings regroup.
CREATE OR REPLACE VIEW attendance_as_served AS
WITH listed AS (
    SELECT meeting_id, name, any_value(person_id) AS person_id FROM attendance GROUP BY ALL
)
SELECT a.meeting_id, m.organization, m.body, m.date, a.person_id, a.name, a.party,
       CASE
           WHEN a.status = 'absent' THEN 'absent'
           WHEN a.substitute_for IS NOT NULL THEN 'served_as_substitute'
           WHEN list_has_any(a.roles, ['member', 'chair', 'vice_chair'])
                AND NOT list_contains(a.roles, 'substitute') THEN 'served_as_member'
           ELSE 'attended_without_serving'
       END AS service,
       r.person_id AS substitute_for_id, a.substitute_for,
       a.sections_present, a.time_present, a.roles, a.page
FROM attendance a JOIN meetings m USING (meeting_id)
LEFT JOIN listed r ON r.meeting_id = a.meeting_id AND r.name = a.substitute_for_listed;

-- One row per person, body and seat (member or substitute) the lists show them in, with their
-- party as most often written and the first and last meeting that lists them in that seat.
CREATE OR REPLACE VIEW memberships AS
WITH seats AS (
    SELECT a.person_id, a.meeting_id, m.organization, m.body, m.date, a.party,
           CASE
               WHEN list_contains(a.roles, 'substitute') THEN 'substitute'
               WHEN list_has_any(a.roles, ['member', 'chair', 'vice_chair']) THEN 'member'
           END AS role
    FROM attendance a JOIN meetings m USING (meeting_id)
    WHERE m.date IS NOT NULL
)
SELECT s.person_id, p.name, s.organization, s.body, s.role, mode(s.party) AS party,
       min(s.date) AS first_meeting, max(s.date) AS last_meeting,
       count(DISTINCT s.meeting_id) AS meetings_listed
FROM seats s LEFT JOIN persons p USING (person_id)
WHERE s.role IS NOT NULL
GROUP BY s.person_id, p.name, s.organization, s.body, s.role;

-- Attendance rate over the meetings of a seat: the body's meetings from the first to the last
-- meeting that lists the person in that seat, both included.
CREATE OR REPLACE VIEW seat_attendance_rate AS
WITH took_part AS (
    SELECT meeting_id, person_id,
           bool_or(service <> 'absent') AS attended,
           bool_or(service IN ('served_as_member', 'served_as_substitute')) AS served
    FROM attendance_as_served
    GROUP BY ALL
)
SELECT s.person_id, s.name, s.organization, s.body, s.role, s.party,
       s.first_meeting, s.last_meeting,
       count(*) AS meetings_held,
       count(*) FILTER (WHERE t.attended) AS meetings_attended,
       count(*) FILTER (WHERE t.served) AS meetings_served,
       count(*) FILTER (WHERE t.attended) / count(*) AS attendance_rate
FROM memberships s
JOIN meetings m
  ON m.organization IS NOT DISTINCT FROM s.organization
 AND m.body IS NOT DISTINCT FROM s.body
 AND m.date BETWEEN s.first_meeting AND s.last_meeting
LEFT JOIN took_part t ON t.meeting_id = m.meeting_id AND t.person_id = s.person_id
GROUP BY ALL;

-- Who replaced whom, how often: one row per replaced member and substitute in a body, and the
-- member's replacements by anyone (`member_times_replaced`). A member whose row could not be
-- found keeps the name as the substitute's line wrote it, with no id.
CREATE OR REPLACE VIEW replacements AS
WITH replaced AS (
    SELECT s.organization, s.body, s.meeting_id, s.date, s.substitute_for_id AS member_id,
           coalesce(pm.name, s.substitute_for) AS member,
           s.person_id AS substitute_id, ps.name AS substitute
    FROM attendance_as_served s
    LEFT JOIN persons pm ON pm.person_id = s.substitute_for_id
    LEFT JOIN persons ps ON ps.person_id = s.person_id
    WHERE s.service = 'served_as_substitute'
)
SELECT organization, body, member_id, member, substitute_id, substitute,
       count(DISTINCT meeting_id) AS times,
       sum(count(DISTINCT meeting_id)) OVER (
           PARTITION BY organization, body, member_id, member
       ) AS member_times_replaced,
       min(date) AS first_date, max(date) AS last_date
FROM replaced
GROUP BY organization, body, member_id, member, substitute_id, substitute
ORDER BY organization, body, member, times DESC;

-- Presence per §: one row per person present and § of the meeting they were there for. No
-- `sections_present` and no `time_present` means the whole meeting; "3-9", "4.1-", "-13",
-- "97, 99" and "ej 5" are read in the meeting's own order of §§ (a number the meeting does not
-- have covers nothing). A time ("-16:15": till kl. 16.15; "14:30-": från kl. 14.30) is read
-- against the times the minutes write for the §§: with "-16:15" a person is present in a § known
-- to start before 16.15 (its own start or a later §'s), absent from one that cannot have started
-- before it; with "14:30-" present in a § that cannot have started before 14.30, absent from one
-- known to start before it. Where the minutes give no such time `present` is NULL (unknown);
-- otherwise it is true.
CREATE OR REPLACE VIEW presence_per_section AS
WITH present AS (
    SELECT meeting_id, person_id, name, sections_present, time_present
    FROM attendance
    WHERE status = 'present'
),
clock_pieces AS (
    SELECT meeting_id, person_id, trim(piece) AS piece
    FROM (
        SELECT meeting_id, person_id, unnest(string_split(time_present, ',')) AS piece
        FROM present
        WHERE time_present IS NOT NULL
    )
),
clock_spans AS (
    SELECT meeting_id, person_id,
           min(nullif(split_part(piece, '-', 1), '')) FILTER (WHERE contains(piece, '-')) AS since,
           max(nullif(split_part(piece, '-', 2), '')) FILTER (WHERE contains(piece, '-')) AS until
    FROM clock_pieces
    GROUP BY ALL
),
section_clock AS (
    SELECT meeting_id, ordinal, starts_not_before,
           min(started_at) OVER (
               PARTITION BY meeting_id ORDER BY ordinal
               ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING
           ) AS starts_by
    FROM sections
),
by_clock AS (
    SELECT t.meeting_id, t.person_id, k.ordinal,
           CASE
               WHEN t.since IS NULL AND t.until IS NULL THEN NULL
               ELSE (t.since IS NULL OR CASE
                        WHEN k.starts_not_before >= t.since THEN true
                        WHEN k.starts_by < t.since THEN false
                    END)
                AND (t.until IS NULL OR CASE
                        WHEN k.starts_by < t.until THEN true
                        WHEN k.starts_not_before >= t.until THEN false
                    END)
           END AS present
    FROM clock_spans t JOIN section_clock k USING (meeting_id)
),
pieces AS (
    SELECT meeting_id, person_id, starts_with(piece, 'ej ') AS excluded,
           trim(regexp_replace(piece, '^ej\s+', '')) AS span
    FROM (
        SELECT meeting_id, person_id, trim(unnest(string_split(sections_present, ','))) AS piece
        FROM present
        WHERE sections_present IS NOT NULL
    )
),
ends AS (
    SELECT meeting_id, person_id, excluded,
           CASE WHEN contains(span, '-') THEN nullif(split_part(span, '-', 1), '') ELSE span END AS low,
           CASE WHEN contains(span, '-') THEN nullif(split_part(span, '-', 2), '') ELSE span END AS high
    FROM pieces
),
places AS (
    SELECT meeting_id, number, min(ordinal) AS first_ordinal, max(ordinal) AS last_ordinal
    FROM sections
    GROUP BY ALL
),
spans AS (
    SELECT e.meeting_id, e.person_id, e.excluded,
           CASE WHEN e.low IS NULL THEN 0 ELSE lo.first_ordinal END AS from_ordinal,
           CASE WHEN e.high IS NULL THEN 2147483647 ELSE hi.last_ordinal END AS to_ordinal
    FROM ends e
    LEFT JOIN places lo ON lo.meeting_id = e.meeting_id AND lo.number = e.low
    LEFT JOIN places hi ON hi.meeting_id = e.meeting_id AND hi.number = e.high
),
covered AS (
    SELECT s.meeting_id, s.ordinal, sp.person_id,
           bool_or(NOT sp.excluded) AS included, bool_or(sp.excluded) AS excluded
    FROM sections s JOIN spans sp
      ON sp.meeting_id = s.meeting_id AND s.ordinal BETWEEN sp.from_ordinal AND sp.to_ordinal
    GROUP BY ALL
),
partial AS (
    SELECT person_id, meeting_id, bool_or(NOT excluded) AS has_inclusion
    FROM spans
    GROUP BY ALL
)
SELECT s.meeting_id, s.number AS section_number, s.ordinal, s.title, s.page,
       p.person_id, p.name, p.sections_present IS NULL AND p.time_present IS NULL AS whole_meeting,
       CASE WHEN p.time_present IS NULL THEN true ELSE b.present END AS present
FROM present p
JOIN sections s USING (meeting_id)
LEFT JOIN partial pa ON pa.meeting_id = p.meeting_id AND pa.person_id = p.person_id
LEFT JOIN covered c
  ON c.meeting_id = s.meeting_id AND c.ordinal = s.ordinal AND c.person_id = p.person_id
LEFT JOIN by_clock b
  ON b.meeting_id = s.meeting_id AND b.ordinal = s.ordinal AND b.person_id = p.person_id
WHERE (p.sections_present IS NULL
       OR pa.person_id IS NULL
       OR ((coalesce(c.included, false) OR NOT pa.has_inclusion)
           AND NOT coalesce(c.excluded, false)))
  AND (p.time_present IS NULL OR b.present IS DISTINCT FROM false);

-- Parties: attendance per party, body and year (the party as the lists write it, stored under
-- its key: S, M, SD, C, V, KD, L, MP, a local party as written; NULL when none is written).
CREATE OR REPLACE VIEW attendance_by_party_body_year AS
SELECT organization, body, year(date) AS year, party,
       count(DISTINCT person_id) AS persons,
       count(*) FILTER (WHERE service <> 'absent') AS present,
       count(*) FILTER (WHERE service = 'absent') AS absent,
       count(*) FILTER (WHERE service = 'served_as_substitute') AS served_as_substitute,
       count(*) FILTER (WHERE service <> 'absent') / count(*) AS attendance_rate
FROM attendance_as_served
WHERE date IS NOT NULL
GROUP BY ALL
ORDER BY organization, body, year, party;

-- Reservations against decisions per party, body and year: a reserving name takes the party of
-- the attendee row of that meeting with the same name (NULL when none).
CREATE OR REPLACE VIEW reservations_by_party_body_year AS
WITH reserved AS (
    SELECT meeting_id, section_number, unnest(reservations) AS name FROM decisions
),
listed AS (
    SELECT meeting_id, name, any_value(party) AS party FROM attendance GROUP BY ALL
)
SELECT m.organization, m.body, year(m.date) AS year, l.party,
       count(*) AS reservations,
       count(DISTINCT r.meeting_id || '§' || r.section_number) AS sections
FROM reserved r JOIN meetings m USING (meeting_id)
LEFT JOIN listed l ON l.meeting_id = r.meeting_id AND l.name = r.name
WHERE m.date IS NOT NULL
GROUP BY ALL
ORDER BY m.organization, m.body, year, l.party;

-- Every choice on a voting list with the voter's current person id and party (from the attendee
-- row of that meeting the list names; NULL when the name matched none) and the vote's §.
CREATE OR REPLACE VIEW votes_cast AS
WITH listed AS (
    SELECT meeting_id, name, any_value(person_id) AS person_id, any_value(party) AS party
    FROM attendance
    GROUP BY ALL
)
SELECT m.organization, m.body, m.date, c.meeting_id, e.section_number, e.method, e.result,
       c.vote_ordinal, l.person_id, c.name, l.party, c.choice, c.page
FROM vote_choices c
JOIN vote_events e USING (meeting_id, vote_ordinal)
JOIN meetings m USING (meeting_id)
LEFT JOIN listed l ON l.meeting_id = c.meeting_id AND l.name = c.listed_as;

-- Dissents per party, body, year and kind (reservation, separate_opinion, note).
CREATE OR REPLACE VIEW dissents_by_party_body_year AS
WITH listed AS (
    SELECT meeting_id, name, any_value(party) AS party FROM attendance GROUP BY ALL
)
SELECT m.organization, m.body, year(m.date) AS year, l.party, d.kind,
       count(*) AS dissents,
       count(DISTINCT d.meeting_id || '§' || coalesce(d.section_number, '')) AS sections
FROM dissents d JOIN meetings m USING (meeting_id)
LEFT JOIN listed l ON l.meeting_id = d.meeting_id AND l.name = d.listed_as
WHERE m.date IS NOT NULL
GROUP BY ALL
ORDER BY m.organization, m.body, year, l.party, d.kind;

-- A case's history across meetings and bodies: every § that names its diarienummer, with the
-- outcomes decided there, oldest first.
CREATE OR REPLACE VIEW case_history AS
WITH outcomes AS (
    SELECT meeting_id, section_number, string_agg(outcome, ', ' ORDER BY ordinal) AS outcomes
    FROM decisions
    GROUP BY ALL
),
titles AS (
    SELECT meeting_id, number AS section_number, min(title) AS title FROM sections GROUP BY ALL
)
SELECT c.case_key, m.date, m.organization, m.body, c.section_number, t.title, o.outcomes,
       c.written, c.page, c.meeting_id
FROM cases c JOIN meetings m USING (meeting_id)
LEFT JOIN titles t USING (meeting_id, section_number)
LEFT JOIN outcomes o USING (meeting_id, section_number)
ORDER BY c.case_key, m.date, c.section_number;

-- Decisions and the appeal window their minutes opened: from posting on the notice board to
-- three weeks after (laglighetsprövning).
CREATE OR REPLACE VIEW decision_appeals AS
SELECT m.organization, m.body, m.date, d.meeting_id, d.section_number, d.outcome, d.text,
       d.page, m.adjusted_on, m.posted_on, m.appeal_deadline
FROM decisions d JOIN meetings m USING (meeting_id)
WHERE m.posted_on IS NOT NULL;
