-- 0008 apel and sosialisasi events with attendance (PostgreSQL). See the
-- SQLite migration for the rules.
CREATE TABLE acara (
	id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	kode TEXT NOT NULL UNIQUE CHECK (kode ~ '^[A-Z0-9]{4,12}$'),
	jenis TEXT NOT NULL CHECK (jenis IN ('apel', 'sosialisasi')),
	topik TEXT NOT NULL CHECK (octet_length(topik) BETWEEN 1 AND 255),
	mulai_ms BIGINT NOT NULL,
	selesai_ms BIGINT NOT NULL CHECK (selesai_ms > mulai_ms),
	tempat TEXT NOT NULL CHECK (octet_length(tempat) <= 255),
	tautan TEXT NOT NULL CHECK (octet_length(tautan) <= 511),
	narasumber TEXT NOT NULL CHECK (octet_length(narasumber) <= 159),
	instansi_id BIGINT NOT NULL REFERENCES instansi(id),
	unit_id BIGINT,
	sasaran_unit_id BIGINT,
	created_ms BIGINT NOT NULL,
	updated_ms BIGINT NOT NULL,
	CHECK (tempat <> '' OR tautan <> ''),
	FOREIGN KEY (instansi_id, unit_id) REFERENCES unit_kerja(instansi_id, id),
	FOREIGN KEY (instansi_id, sasaran_unit_id) REFERENCES unit_kerja(instansi_id, id)
);
CREATE INDEX acara_instansi ON acara(instansi_id, mulai_ms);
CREATE INDEX acara_jenis_mulai ON acara(jenis, mulai_ms);

CREATE TABLE acara_hadir (
	acara_id BIGINT NOT NULL REFERENCES acara(id),
	pegawai_id BIGINT NOT NULL REFERENCES pegawai(id),
	cara TEXT NOT NULL CHECK (cara IN ('impor', 'centang', 'kode')),
	dicatat_ms BIGINT NOT NULL,
	PRIMARY KEY (acara_id, pegawai_id)
);
CREATE INDEX acara_hadir_pegawai ON acara_hadir(pegawai_id, acara_id);

CREATE TABLE berkas (
	sha256 TEXT PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
	ukuran BIGINT NOT NULL CHECK (ukuran >= 0),
	isi BYTEA NOT NULL,
	created_ms BIGINT NOT NULL
);

CREATE TABLE acara_materi (
	acara_id BIGINT NOT NULL REFERENCES acara(id),
	sha256 TEXT NOT NULL REFERENCES berkas(sha256),
	nama TEXT NOT NULL CHECK (octet_length(nama) BETWEEN 1 AND 159),
	mime TEXT NOT NULL CHECK (octet_length(mime) BETWEEN 1 AND 79),
	created_ms BIGINT NOT NULL,
	PRIMARY KEY (acara_id, sha256)
);
