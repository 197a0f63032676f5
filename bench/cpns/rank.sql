-- The SKD ranking of `wasdal cpns rank` (rules 2024) in plain SQL, shared
-- by bench/cpns.sh (SQLite and PostgreSQL) and tests/cpns/run.sh (SQLite);
-- written to run unchanged on both.
-- Expects tables f (formations.csv) and a (applicants.csv, valid rows only;
-- TH scores NULL) and selects the rows of results.csv, columns named as in
-- its header.
WITH p AS (
	SELECT a.applicant_id, a.formation_id, a.kehadiran, f.kind, f.quota,
	       a.twk, a.tiu, a.tkp, a.twk + a.tiu + a.tkp AS total,
	       CASE WHEN a.kehadiran <> 'H' THEN 0
	            WHEN f.kind = 'umum' AND a.twk >= 65 AND a.tiu >= 80 AND a.tkp >= 166 THEN 1
	            WHEN f.kind IN ('cumlaude', 'diaspora')
	                 AND a.twk + a.tiu + a.tkp >= 311 AND a.tiu >= 85 THEN 1
	            WHEN f.kind IN ('disabilitas', 'papua', 'tertinggal')
	                 AND a.twk + a.tiu + a.tkp >= 286 AND a.tiu >= 60 THEN 1
	            ELSE 0 END AS pass
	FROM a JOIN f ON f.formation_id = a.formation_id
), r AS (
	SELECT applicant_id,
	       RANK() OVER (PARTITION BY formation_id ORDER BY total DESC, tkp DESC, tiu DESC, twk DESC) AS rk
	FROM p WHERE pass = 1
)
SELECT p.applicant_id, p.formation_id,
       CASE WHEN p.kehadiran = 'H' THEN p.total END AS total,
       r.rk AS rank,
       CASE WHEN p.kehadiran = 'TH' THEN 'TH'
            WHEN p.kehadiran = 'DIS' THEN 'DIS'
            WHEN p.pass = 0 THEN 'TL'
            WHEN r.rk <= 3 * p.quota THEN 'P/L'
            ELSE 'P' END AS status
FROM p LEFT JOIN r ON r.applicant_id = p.applicant_id
ORDER BY p.applicant_id;
