-- 0012 pegawai rebuilt with a cheaper NIP check (SQLite), keeping every
-- row and id. nip NOT GLOB '*[^0-9]*' ran SQLite's pattern matcher over
-- every character of every NIP written: 0.2 s of CPU in a 500,000-row
-- import (docs/benchmarks.md). The new check reads the text as an integer
-- instead: CAST takes the longest run of leading ASCII digits (after any
-- blanks and one sign), so an 18-character text reaches 10^17 only when
-- all 18 characters are digits and the first is not 0. That is the same
-- set as before minus NIPs that start with 0, which no real NIP does (it
-- starts with a birth year, 19xx or 20xx; app/nip.c already refuses it).
-- Same rebuild procedure as 0009: foreign keys off for the migration
-- (store_sqlite.c, sq_schema_session) and PRAGMA foreign_key_check before
-- it commits. No view or trigger names pegawai.
CREATE TABLE pegawai_0012 (
	id INTEGER PRIMARY KEY,
	nip TEXT NOT NULL UNIQUE CHECK (length(nip) = 18
		AND CAST(nip AS INTEGER) >= 100000000000000000),
	nama TEXT NOT NULL CHECK (length(CAST(nama AS BLOB)) BETWEEN 1 AND 127),
	-- ASCII lower-case copy of nama for case-insensitive search
	nama_lower TEXT NOT NULL CHECK (length(CAST(nama_lower AS BLOB)) <= 127),
	jenis_asn TEXT NOT NULL CHECK (jenis_asn = 'PNS' OR jenis_asn = 'PPPK'),
	golongan TEXT NOT NULL CHECK (length(CAST(golongan AS BLOB)) <= 7),
	jenis_jabatan TEXT NOT NULL CHECK (jenis_jabatan = '' OR jenis_jabatan = 'jpt_utama'
		OR jenis_jabatan = 'jpt_madya' OR jenis_jabatan = 'jpt_pratama'
		OR jenis_jabatan = 'administrator' OR jenis_jabatan = 'pengawas'
		OR jenis_jabatan = 'fungsional' OR jenis_jabatan = 'pelaksana'),
	jenjang TEXT NOT NULL CHECK (length(CAST(jenjang AS BLOB)) <= 23),
	jabatan TEXT NOT NULL CHECK (length(CAST(jabatan AS BLOB)) <= 159),
	instansi_id INTEGER NOT NULL REFERENCES instansi(id),
	unit_id INTEGER,
	status TEXT NOT NULL CHECK (status = 'aktif' OR status = 'pensiun'
		OR status = 'diberhentikan'),
	blokir INTEGER NOT NULL DEFAULT 0 CHECK (blokir = 0 OR blokir = 1),
	blokir_alasan TEXT NOT NULL DEFAULT '' CHECK (length(CAST(blokir_alasan AS BLOB)) <= 255),
	updated_ms INTEGER NOT NULL,
	-- a unit must belong to the employee's own instansi
	FOREIGN KEY (instansi_id, unit_id) REFERENCES unit_kerja(instansi_id, id)
) STRICT;
INSERT INTO pegawai_0012 (id, nip, nama, nama_lower, jenis_asn, golongan, jenis_jabatan,
	jenjang, jabatan, instansi_id, unit_id, status, blokir, blokir_alasan, updated_ms)
SELECT id, nip, nama, nama_lower, jenis_asn, golongan, jenis_jabatan,
	jenjang, jabatan, instansi_id, unit_id, status, blokir, blokir_alasan, updated_ms
FROM pegawai ORDER BY id;
DROP TABLE pegawai;
ALTER TABLE pegawai_0012 RENAME TO pegawai;
CREATE INDEX pegawai_instansi ON pegawai(instansi_id, nip);
CREATE INDEX pegawai_unit ON pegawai(unit_id, nip);
CREATE INDEX pegawai_golongan ON pegawai(golongan, nip);
CREATE INDEX pegawai_jenis_jabatan ON pegawai(jenis_jabatan, nip);
