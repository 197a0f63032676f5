-- 0006 neutrality case workflow (SQLite): the versioned workflow definition,
-- each case's transition history, clock, pauses, internal notes, tags and
-- the sanctions recorded by the PPK. Builds on the kasus table of 0004.
-- History tables are append-only (triggers): a correction is a new row.

-- Every published workflow definition, kept: the highest versi is active.
-- The CSV texts are the same format as data/netralitas/{tahapan,transisi}.csv.
CREATE TABLE workflow_versi (
	versi INTEGER PRIMARY KEY CHECK (versi >= 1),
	tahapan_csv TEXT NOT NULL CHECK (length(CAST(tahapan_csv AS BLOB)) BETWEEN 1 AND 1048576),
	transisi_csv TEXT NOT NULL CHECK (length(CAST(transisi_csv AS BLOB)) BETWEEN 1 AND 1048576),
	pembuat TEXT NOT NULL CHECK (length(CAST(pembuat AS BLOB)) BETWEEN 1 AND 63),
	catatan TEXT NOT NULL DEFAULT '' CHECK (length(CAST(catatan AS BLOB)) <= 199),
	created_ms INTEGER NOT NULL
) STRICT;

-- One row per transition (dari -> ke) or extension (dari = ke): who, in
-- which role, the fields they gave (JSON object) and attachments (JSON
-- array of {"sha256","nama","jenis"}), the clock start and due day of the
-- stage entered.
CREATE TABLE kasus_langkah (
	id INTEGER PRIMARY KEY,
	kasus_id INTEGER NOT NULL REFERENCES kasus(id),
	dari TEXT NOT NULL CHECK (length(dari) BETWEEN 1 AND 39),
	ke TEXT NOT NULL CHECK (length(ke) BETWEEN 1 AND 39),
	aktor_id INTEGER,
	aktor TEXT NOT NULL CHECK (length(CAST(aktor AS BLOB)) BETWEEN 1 AND 63),
	peran TEXT NOT NULL CHECK (length(peran) BETWEEN 1 AND 15),
	isian TEXT NOT NULL DEFAULT '{}' CHECK (length(CAST(isian AS BLOB)) <= 16384),
	lampiran TEXT NOT NULL DEFAULT '[]' CHECK (length(CAST(lampiran AS BLOB)) <= 8192),
	mulai_hari INTEGER NOT NULL,
	tenggat_hari INTEGER,
	workflow_versi INTEGER NOT NULL,
	created_ms INTEGER NOT NULL
) STRICT;
CREATE INDEX kasus_langkah_kasus ON kasus_langkah(kasus_id, id);
CREATE TRIGGER kasus_langkah_append_only BEFORE UPDATE ON kasus_langkah
BEGIN SELECT RAISE(ABORT, 'kasus_langkah is append-only'); END;
CREATE TRIGGER kasus_langkah_no_delete BEFORE DELETE ON kasus_langkah
BEGIN SELECT RAISE(ABORT, 'kasus_langkah is append-only'); END;

-- The clock of the current stage: the day it started (kept when a case
-- comes back to a stage after waiting on the reporter) and whether the
-- stage's extension was granted.
CREATE TABLE kasus_jam (
	kasus_id INTEGER PRIMARY KEY REFERENCES kasus(id),
	mulai_hari INTEGER NOT NULL,
	diperpanjang INTEGER NOT NULL DEFAULT 0 CHECK (diperpanjang IN (0, 1))
) STRICT;

-- Periods when the clock stops (waiting on the reporter): [mulai, selesai),
-- selesai NULL while open; at most one open pause per case.
CREATE TABLE kasus_jeda (
	id INTEGER PRIMARY KEY,
	kasus_id INTEGER NOT NULL REFERENCES kasus(id),
	mulai_hari INTEGER NOT NULL,
	selesai_hari INTEGER CHECK (selesai_hari IS NULL OR selesai_hari >= mulai_hari)
) STRICT;
CREATE INDEX kasus_jeda_kasus ON kasus_jeda(kasus_id, mulai_hari);
CREATE UNIQUE INDEX kasus_jeda_open ON kasus_jeda(kasus_id) WHERE selesai_hari IS NULL;

-- Internal notes between officers; never shown to the reporter (messages
-- to the reporter live in kasus_pesan).
CREATE TABLE kasus_catatan (
	id INTEGER PRIMARY KEY,
	kasus_id INTEGER NOT NULL REFERENCES kasus(id),
	aktor_id INTEGER,
	aktor TEXT NOT NULL CHECK (length(CAST(aktor AS BLOB)) BETWEEN 1 AND 63),
	teks TEXT NOT NULL CHECK (length(CAST(teks AS BLOB)) BETWEEN 1 AND 4000),
	created_ms INTEGER NOT NULL
) STRICT;
CREATE INDEX kasus_catatan_kasus ON kasus_catatan(kasus_id, id);
CREATE TRIGGER kasus_catatan_append_only BEFORE UPDATE ON kasus_catatan
BEGIN SELECT RAISE(ABORT, 'kasus_catatan is append-only'); END;

CREATE TABLE kasus_tag (
	kasus_id INTEGER NOT NULL REFERENCES kasus(id),
	tag TEXT NOT NULL CHECK (length(CAST(tag AS BLOB)) BETWEEN 1 AND 39),
	created_ms INTEGER NOT NULL,
	PRIMARY KEY (kasus_id, tag)
) STRICT;
CREATE INDEX kasus_tag_tag ON kasus_tag(tag, kasus_id);

-- A sanction imposed by the PPK (hukuman.csv kode), against the level BKN
-- recommended; flags are app/sanction.h's (1 lighter than recommended,
-- 2 repeat offence not heavier).
CREATE TABLE kasus_sanksi (
	id INTEGER PRIMARY KEY,
	kasus_id INTEGER NOT NULL REFERENCES kasus(id),
	pegawai_id INTEGER REFERENCES pegawai(id),
	jenis TEXT NOT NULL CHECK (length(jenis) BETWEEN 1 AND 23),
	tingkat TEXT NOT NULL CHECK (tingkat IN ('moral', 'ringan', 'sedang', 'berat', 'ptdh')),
	urutan INTEGER NOT NULL,
	rekomendasi TEXT NOT NULL DEFAULT '' CHECK (rekomendasi IN ('', 'moral', 'ringan', 'sedang', 'berat', 'ptdh')),
	nomor_sk TEXT NOT NULL CHECK (length(CAST(nomor_sk AS BLOB)) BETWEEN 1 AND 79),
	tanggal_sk INTEGER NOT NULL,
	lampiran TEXT NOT NULL DEFAULT '[]' CHECK (length(CAST(lampiran AS BLOB)) <= 8192),
	flags INTEGER NOT NULL DEFAULT 0 CHECK (flags BETWEEN 0 AND 3),
	aktor TEXT NOT NULL CHECK (length(CAST(aktor AS BLOB)) BETWEEN 1 AND 63),
	created_ms INTEGER NOT NULL
) STRICT;
CREATE INDEX kasus_sanksi_kasus ON kasus_sanksi(kasus_id);
CREATE INDEX kasus_sanksi_pegawai ON kasus_sanksi(pegawai_id, created_ms);
CREATE TRIGGER kasus_sanksi_append_only BEFORE UPDATE ON kasus_sanksi
BEGIN SELECT RAISE(ABORT, 'kasus_sanksi is append-only'); END;
