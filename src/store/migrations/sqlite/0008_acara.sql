-- 0008 apel and sosialisasi events with attendance (SQLite).
-- An event (acara) is organised by an instansi (optionally one of its units)
-- and targets the active employees of that instansi, or of one unit
-- (sasaran_unit_id). kode is the short code attendees type in self-service
-- during [mulai_ms, selesai_ms). Attendance is one row per (event,
-- employee): recording twice changes nothing. Material files are stored
-- once by SHA-256 (berkas) and linked to events (acara_materi).
CREATE TABLE acara (
	id INTEGER PRIMARY KEY,
	kode TEXT NOT NULL UNIQUE CHECK (length(kode) BETWEEN 4 AND 12 AND kode NOT GLOB '*[^A-Z0-9]*'),
	jenis TEXT NOT NULL CHECK (jenis IN ('apel', 'sosialisasi')),
	topik TEXT NOT NULL CHECK (length(CAST(topik AS BLOB)) BETWEEN 1 AND 255),
	mulai_ms INTEGER NOT NULL,
	selesai_ms INTEGER NOT NULL CHECK (selesai_ms > mulai_ms),
	tempat TEXT NOT NULL CHECK (length(CAST(tempat AS BLOB)) <= 255),
	tautan TEXT NOT NULL CHECK (length(CAST(tautan AS BLOB)) <= 511),
	narasumber TEXT NOT NULL CHECK (length(CAST(narasumber AS BLOB)) <= 159),
	instansi_id INTEGER NOT NULL REFERENCES instansi(id),
	unit_id INTEGER,
	sasaran_unit_id INTEGER,
	created_ms INTEGER NOT NULL,
	updated_ms INTEGER NOT NULL,
	CHECK (tempat <> '' OR tautan <> ''),
	FOREIGN KEY (instansi_id, unit_id) REFERENCES unit_kerja(instansi_id, id),
	FOREIGN KEY (instansi_id, sasaran_unit_id) REFERENCES unit_kerja(instansi_id, id)
) STRICT;
CREATE INDEX acara_instansi ON acara(instansi_id, mulai_ms);
CREATE INDEX acara_jenis_mulai ON acara(jenis, mulai_ms);

CREATE TABLE acara_hadir (
	acara_id INTEGER NOT NULL REFERENCES acara(id),
	pegawai_id INTEGER NOT NULL REFERENCES pegawai(id),
	cara TEXT NOT NULL CHECK (cara IN ('impor', 'centang', 'kode')),
	dicatat_ms INTEGER NOT NULL,
	PRIMARY KEY (acara_id, pegawai_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX acara_hadir_pegawai ON acara_hadir(pegawai_id, acara_id);

CREATE TABLE berkas (
	sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
	ukuran INTEGER NOT NULL CHECK (ukuran >= 0),
	isi BLOB NOT NULL,
	created_ms INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE acara_materi (
	acara_id INTEGER NOT NULL REFERENCES acara(id),
	sha256 TEXT NOT NULL REFERENCES berkas(sha256),
	nama TEXT NOT NULL CHECK (length(CAST(nama AS BLOB)) BETWEEN 1 AND 159),
	mime TEXT NOT NULL CHECK (length(CAST(mime AS BLOB)) BETWEEN 1 AND 79),
	created_ms INTEGER NOT NULL,
	PRIMARY KEY (acara_id, sha256)
) STRICT, WITHOUT ROWID;
