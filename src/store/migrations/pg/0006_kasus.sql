-- 0006 neutrality case workflow (PostgreSQL). See the SQLite migration for
-- the meaning of each table; history tables are append-only.
CREATE TABLE workflow_versi (
	versi INTEGER PRIMARY KEY CHECK (versi >= 1),
	tahapan_csv TEXT NOT NULL CHECK (octet_length(tahapan_csv) BETWEEN 1 AND 1048576),
	transisi_csv TEXT NOT NULL CHECK (octet_length(transisi_csv) BETWEEN 1 AND 1048576),
	pembuat TEXT NOT NULL CHECK (octet_length(pembuat) BETWEEN 1 AND 63),
	catatan TEXT NOT NULL DEFAULT '' CHECK (octet_length(catatan) <= 199),
	created_ms BIGINT NOT NULL
);

CREATE TABLE kasus_langkah (
	id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	kasus_id BIGINT NOT NULL REFERENCES kasus(id),
	dari TEXT NOT NULL CHECK (octet_length(dari) BETWEEN 1 AND 39),
	ke TEXT NOT NULL CHECK (octet_length(ke) BETWEEN 1 AND 39),
	aktor_id BIGINT,
	aktor TEXT NOT NULL CHECK (octet_length(aktor) BETWEEN 1 AND 63),
	peran TEXT NOT NULL CHECK (octet_length(peran) BETWEEN 1 AND 15),
	isian TEXT NOT NULL DEFAULT '{}' CHECK (octet_length(isian) <= 16384),
	lampiran TEXT NOT NULL DEFAULT '[]' CHECK (octet_length(lampiran) <= 8192),
	mulai_hari INTEGER NOT NULL,
	tenggat_hari INTEGER,
	workflow_versi INTEGER NOT NULL,
	created_ms BIGINT NOT NULL
);
CREATE INDEX kasus_langkah_kasus ON kasus_langkah(kasus_id, id);

CREATE TABLE kasus_jam (
	kasus_id BIGINT PRIMARY KEY REFERENCES kasus(id),
	mulai_hari INTEGER NOT NULL,
	diperpanjang SMALLINT NOT NULL DEFAULT 0 CHECK (diperpanjang IN (0, 1))
);

CREATE TABLE kasus_jeda (
	id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	kasus_id BIGINT NOT NULL REFERENCES kasus(id),
	mulai_hari INTEGER NOT NULL,
	selesai_hari INTEGER CHECK (selesai_hari IS NULL OR selesai_hari >= mulai_hari)
);
CREATE INDEX kasus_jeda_kasus ON kasus_jeda(kasus_id, mulai_hari);
CREATE UNIQUE INDEX kasus_jeda_open ON kasus_jeda(kasus_id) WHERE selesai_hari IS NULL;

CREATE TABLE kasus_catatan (
	id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	kasus_id BIGINT NOT NULL REFERENCES kasus(id),
	aktor_id BIGINT,
	aktor TEXT NOT NULL CHECK (octet_length(aktor) BETWEEN 1 AND 63),
	teks TEXT NOT NULL CHECK (octet_length(teks) BETWEEN 1 AND 4000),
	created_ms BIGINT NOT NULL
);
CREATE INDEX kasus_catatan_kasus ON kasus_catatan(kasus_id, id);

CREATE TABLE kasus_tag (
	kasus_id BIGINT NOT NULL REFERENCES kasus(id),
	tag TEXT COLLATE "C" NOT NULL CHECK (octet_length(tag) BETWEEN 1 AND 39),
	created_ms BIGINT NOT NULL,
	PRIMARY KEY (kasus_id, tag)
);
CREATE INDEX kasus_tag_tag ON kasus_tag(tag, kasus_id);

CREATE TABLE kasus_sanksi (
	id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	kasus_id BIGINT NOT NULL REFERENCES kasus(id),
	pegawai_id BIGINT REFERENCES pegawai(id),
	jenis TEXT NOT NULL CHECK (octet_length(jenis) BETWEEN 1 AND 23),
	tingkat TEXT NOT NULL CHECK (tingkat IN ('moral', 'ringan', 'sedang', 'berat', 'ptdh')),
	urutan INTEGER NOT NULL,
	rekomendasi TEXT NOT NULL DEFAULT '' CHECK (rekomendasi IN ('', 'moral', 'ringan', 'sedang', 'berat', 'ptdh')),
	nomor_sk TEXT NOT NULL CHECK (octet_length(nomor_sk) BETWEEN 1 AND 79),
	tanggal_sk INTEGER NOT NULL,
	lampiran TEXT NOT NULL DEFAULT '[]' CHECK (octet_length(lampiran) <= 8192),
	flags INTEGER NOT NULL DEFAULT 0 CHECK (flags BETWEEN 0 AND 3),
	aktor TEXT NOT NULL CHECK (octet_length(aktor) BETWEEN 1 AND 63),
	created_ms BIGINT NOT NULL
);
CREATE INDEX kasus_sanksi_kasus ON kasus_sanksi(kasus_id);
CREATE INDEX kasus_sanksi_pegawai ON kasus_sanksi(pegawai_id, created_ms);

CREATE FUNCTION kasus_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$;
CREATE TRIGGER kasus_langkah_append_only BEFORE UPDATE OR DELETE ON kasus_langkah
	FOR EACH ROW EXECUTE FUNCTION kasus_append_only();
CREATE TRIGGER kasus_catatan_append_only BEFORE UPDATE ON kasus_catatan
	FOR EACH ROW EXECUTE FUNCTION kasus_append_only();
CREATE TRIGGER kasus_sanksi_append_only BEFORE UPDATE ON kasus_sanksi
	FOR EACH ROW EXECUTE FUNCTION kasus_append_only();
