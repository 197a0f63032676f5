-- CPNS results as published for applicants to look up (wasdal cpns publish,
-- GET /cpns/hasil); see the SQLite migration for the model. The NIK is never
-- stored: nik_hash is the SHA-256 of the publication's salt and the NIK.
CREATE TABLE cpns_publications (
	id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	published_ms BIGINT NOT NULL,
	label TEXT NOT NULL CHECK (octet_length(label) <= 127),
	sha_formasi TEXT NOT NULL CHECK (length(sha_formasi) = 64),
	sha_peserta TEXT NOT NULL CHECK (length(sha_peserta) = 64),
	sha_results TEXT NOT NULL CHECK (length(sha_results) = 64),
	nik_salt TEXT NOT NULL CHECK (length(nik_salt) = 64),
	row_count BIGINT NOT NULL CHECK (row_count >= 0),
	actor TEXT NOT NULL CHECK (octet_length(actor) <= 63)
);

CREATE TABLE cpns_results (
	publication_id BIGINT NOT NULL REFERENCES cpns_publications(id) ON DELETE CASCADE,
	applicant_id BIGINT NOT NULL CHECK (applicant_id > 0),
	nik_hash TEXT NOT NULL CHECK (length(nik_hash) = 64),
	formation_id BIGINT NOT NULL CHECK (formation_id > 0),
	total INTEGER NOT NULL CHECK (total >= -1),
	rank INTEGER NOT NULL CHECK (rank >= 0),
	status TEXT NOT NULL CHECK (status IN ('P/L', 'P', 'TL', 'TH', 'DIS')),
	PRIMARY KEY (publication_id, applicant_id)
);

CREATE TABLE cpns_formations (
	publication_id BIGINT NOT NULL REFERENCES cpns_publications(id) ON DELETE CASCADE,
	formation_id BIGINT NOT NULL CHECK (formation_id > 0),
	quota INTEGER NOT NULL CHECK (quota > 0),
	pl_count INTEGER NOT NULL CHECK (pl_count >= 0),
	cutoff_total INTEGER NOT NULL CHECK (cutoff_total >= -1),
	PRIMARY KEY (publication_id, formation_id)
);
