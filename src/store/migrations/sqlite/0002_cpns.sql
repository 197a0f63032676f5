-- CPNS results as published for applicants to look up (wasdal cpns publish,
-- GET /cpns/hasil). One row per publication; results and formation cut-offs
-- belong to it and are never updated: a new round is a new publication and
-- the newest one is served. The NIK is personal data and is never stored:
-- nik_hash is the SHA-256 of the publication's random salt and the NIK.
CREATE TABLE cpns_publications (
	id INTEGER PRIMARY KEY,
	published_ms INTEGER NOT NULL,
	label TEXT NOT NULL CHECK (length(CAST(label AS BLOB)) <= 127),
	sha_formasi TEXT NOT NULL CHECK (length(sha_formasi) = 64),
	sha_peserta TEXT NOT NULL CHECK (length(sha_peserta) = 64),
	sha_results TEXT NOT NULL CHECK (length(sha_results) = 64),
	nik_salt TEXT NOT NULL CHECK (length(nik_salt) = 64),
	row_count INTEGER NOT NULL CHECK (row_count >= 0),
	actor TEXT NOT NULL CHECK (length(CAST(actor AS BLOB)) <= 63)
) STRICT;

-- total is -1 for TH and DIS (no score), rank 0 unless the applicant passed.
CREATE TABLE cpns_results (
	publication_id INTEGER NOT NULL REFERENCES cpns_publications(id) ON DELETE CASCADE,
	applicant_id INTEGER NOT NULL CHECK (applicant_id > 0),
	nik_hash TEXT NOT NULL CHECK (length(nik_hash) = 64),
	formation_id INTEGER NOT NULL CHECK (formation_id > 0),
	total INTEGER NOT NULL CHECK (total >= -1),
	rank INTEGER NOT NULL CHECK (rank >= 0),
	status TEXT NOT NULL CHECK (status IN ('P/L', 'P', 'TL', 'TH', 'DIS')),
	PRIMARY KEY (publication_id, applicant_id)
) STRICT, WITHOUT ROWID;

-- Per formation: the quota, how many got P/L and the lowest total among
-- them (the cut-off; -1 when nobody got P/L).
CREATE TABLE cpns_formations (
	publication_id INTEGER NOT NULL REFERENCES cpns_publications(id) ON DELETE CASCADE,
	formation_id INTEGER NOT NULL CHECK (formation_id > 0),
	quota INTEGER NOT NULL CHECK (quota > 0),
	pl_count INTEGER NOT NULL CHECK (pl_count >= 0),
	cutoff_total INTEGER NOT NULL CHECK (cutoff_total >= -1),
	PRIMARY KEY (publication_id, formation_id)
) STRICT, WITHOUT ROWID;
