-- 0004 neutrality cases (PostgreSQL): the same tables as
-- migrations/sqlite/0004_netralitas.sql in PostgreSQL's dialect. The case
-- record shared by the whole neutrality area (issue 3) and the
-- citizen-report tables that feed it:
-- evidence files, reporter/officer messages, identity openings, the
-- oversight sealing key, the per-install receipt salt and the case-number
-- counter. Text limits are bytes and match src/store/store_kasus.h (field
-- size - 1). No column holds an IP address or a user agent: a report is
-- stored without them on purpose (docs/netralitas.md).

-- The oversight (pengawas) key: reporters' identities are sealed to its
-- public key (libsodium crypto_box_seal). The secret key is stored only
-- encrypted (crypto_secretbox) under a key derived with Argon2id from the
-- custodian's passphrase; kdf_* are the derivation parameters. One key is
-- current; older keys stay to open identities sealed before a rotation.
CREATE TABLE kunci_pengawas (
	id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	public_hex TEXT NOT NULL UNIQUE CHECK (public_hex ~ '^[0-9a-f]{64}$'),
	secret_box_hex TEXT NOT NULL CHECK (secret_box_hex ~ '^[0-9a-f]{96}$'),
	nonce_hex TEXT NOT NULL CHECK (nonce_hex ~ '^[0-9a-f]{48}$'),
	kdf_salt_hex TEXT NOT NULL CHECK (kdf_salt_hex ~ '^[0-9a-f]{32}$'),
	kdf_ops INTEGER NOT NULL CHECK (kdf_ops >= 1),
	kdf_mem BIGINT NOT NULL CHECK (kdf_mem >= 8192),
	created_ms BIGINT NOT NULL,
	retired_ms BIGINT CHECK (retired_ms IS NULL OR retired_ms >= created_ms)
);
CREATE UNIQUE INDEX kunci_pengawas_current ON kunci_pengawas((true)) WHERE retired_ms IS NULL;
CREATE FUNCTION kunci_pengawas_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'DELETE' THEN
		RAISE EXCEPTION 'oversight keys are never deleted';
	END IF;
	IF NEW.id IS DISTINCT FROM OLD.id OR NEW.public_hex IS DISTINCT FROM OLD.public_hex
	   OR NEW.secret_box_hex IS DISTINCT FROM OLD.secret_box_hex OR NEW.nonce_hex IS DISTINCT FROM OLD.nonce_hex
	   OR NEW.kdf_salt_hex IS DISTINCT FROM OLD.kdf_salt_hex OR NEW.kdf_ops IS DISTINCT FROM OLD.kdf_ops
	   OR NEW.kdf_mem IS DISTINCT FROM OLD.kdf_mem OR NEW.created_ms IS DISTINCT FROM OLD.created_ms
	   OR OLD.retired_ms IS NOT NULL THEN
		RAISE EXCEPTION 'oversight keys are never edited; only retired once';
	END IF;
	RETURN NEW;
END;
$$;
CREATE TRIGGER kunci_pengawas_no_edit BEFORE UPDATE OR DELETE ON kunci_pengawas
	FOR EACH ROW EXECUTE FUNCTION kunci_pengawas_guard();

-- One row: the per-install salt of the receipt hash (Argon2id). The hash of
-- a receipt is then a stable lookup key (kasus.receipt_hash UNIQUE).
CREATE TABLE laporan_instalasi (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	receipt_salt_hex TEXT NOT NULL CHECK (receipt_salt_hex ~ '^[0-9a-f]{32}$'),
	created_ms BIGINT NOT NULL
);

-- Public case numbers NTR-YYYY-NNNNNN: one counter row per year.
CREATE TABLE kasus_nomor (
	tahun INTEGER PRIMARY KEY CHECK (tahun BETWEEN 2000 AND 9999),
	terakhir INTEGER NOT NULL CHECK (terakhir BETWEEN 1 AND 999999)
);

CREATE TABLE kasus (
	id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	nomor TEXT COLLATE "C" NOT NULL UNIQUE CHECK (octet_length(nomor) BETWEEN 1 AND 23),
	receipt_hash TEXT NOT NULL UNIQUE CHECK (receipt_hash ~ '^[0-9a-f]{64}$'),
	created_ms BIGINT NOT NULL,
	updated_ms BIGINT NOT NULL,
	konteks TEXT NOT NULL CHECK (konteks IN ('pemilu', 'pilkada')),
	tahap TEXT NOT NULL CHECK (octet_length(tahap) BETWEEN 1 AND 39),
	tahap_sejak_ms BIGINT NOT NULL,
	tenggat_hari INTEGER,
	workflow_versi INTEGER NOT NULL CHECK (workflow_versi >= 1),
	instansi_id BIGINT REFERENCES instansi(id),
	pegawai_id BIGINT REFERENCES pegawai(id),
	terlapor_nama TEXT NOT NULL DEFAULT '' CHECK (octet_length(terlapor_nama) <= 127),
	terlapor_nip TEXT NOT NULL DEFAULT '' CHECK (terlapor_nip = '' OR terlapor_nip ~ '^[0-9]{18}$'),
	terlapor_jabatan TEXT NOT NULL DEFAULT '' CHECK (octet_length(terlapor_jabatan) <= 159),
	terlapor_instansi TEXT NOT NULL DEFAULT '' CHECK (octet_length(terlapor_instansi) <= 159),
	pelanggaran_kode TEXT NOT NULL CHECK (octet_length(pelanggaran_kode) BETWEEN 1 AND 15),
	-- the reporter's words when pelanggaran_kode = 'lainnya'
	pelanggaran_lain TEXT NOT NULL DEFAULT '' CHECK (octet_length(pelanggaran_lain) <= 255),
	kejadian_hari INTEGER NOT NULL,
	kejadian_tempat TEXT NOT NULL DEFAULT '' CHECK (octet_length(kejadian_tempat) <= 255),
	wilayah TEXT NOT NULL DEFAULT '' CHECK (octet_length(wilayah) <= 127),
	penetapan_calon TEXT NOT NULL CHECK (penetapan_calon IN ('sebelum', 'sesudah', 'tidak_tahu')),
	kronologi TEXT NOT NULL CHECK (octet_length(kronologi) BETWEEN 1 AND 8191),
	saksi TEXT NOT NULL DEFAULT '' CHECK (octet_length(saksi) <= 1023),
	tautan TEXT NOT NULL DEFAULT '' CHECK (octet_length(tautan) <= 2047),
	pelapor_mode TEXT NOT NULL CHECK (pelapor_mode IN ('anonim', 'rahasia', 'terbuka')),
	-- base64 crypto_box_seal of the reporter's identity (JSON) to kunci_pengawas
	identitas_sealed TEXT CHECK (identitas_sealed IS NULL OR octet_length(identitas_sealed) BETWEEN 1 AND 2047),
	identitas_kunci_id BIGINT REFERENCES kunci_pengawas(id),
	-- a 'terbuka' reporter's name, shown to officers; empty otherwise
	pelapor_nama TEXT NOT NULL DEFAULT '' CHECK (octet_length(pelapor_nama) <= 127),
	diketahui_hari INTEGER NOT NULL,
	terlambat INTEGER NOT NULL DEFAULT 0 CHECK (terlambat IN (0, 1)),
	-- ';'-separated codes of what the reporter still has to supply ('bukti', 'terlapor')
	kekurangan TEXT NOT NULL DEFAULT '' CHECK (octet_length(kekurangan) <= 511),
	petugas_id BIGINT REFERENCES users(id),
	sumber TEXT NOT NULL DEFAULT 'web' CHECK (sumber IN ('web', 'api', 'seed')),
	CHECK (pelapor_mode <> 'anonim' OR (identitas_sealed IS NULL AND pelapor_nama = '')),
	CHECK (pelapor_mode = 'anonim' OR (identitas_sealed IS NOT NULL AND identitas_kunci_id IS NOT NULL)),
	CHECK (pelapor_mode = 'terbuka' OR pelapor_nama = '')
);
CREATE INDEX kasus_tahap ON kasus(tahap, tenggat_hari);
CREATE INDEX kasus_instansi ON kasus(instansi_id, created_ms);
CREATE INDEX kasus_pegawai ON kasus(pegawai_id);
CREATE INDEX kasus_created ON kasus(created_ms);

-- Evidence files, stored on disk by SHA-256 (files directory, outside any
-- web root); this row is the only link between a case and a file.
CREATE TABLE kasus_bukti (
	id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	kasus_id BIGINT NOT NULL REFERENCES kasus(id),
	sha256 TEXT NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
	mime TEXT NOT NULL CHECK (octet_length(mime) BETWEEN 1 AND 63),
	ukuran BIGINT NOT NULL CHECK (ukuran > 0),
	nama_berkas TEXT NOT NULL DEFAULT '' CHECK (octet_length(nama_berkas) <= 127),
	-- 1 when EXIF/XMP metadata was removed before storage
	metadata_dihapus INTEGER NOT NULL DEFAULT 0 CHECK (metadata_dihapus IN (0, 1)),
	oleh TEXT NOT NULL CHECK (oleh IN ('pelapor', 'petugas')),
	user_id BIGINT REFERENCES users(id),
	created_ms BIGINT NOT NULL,
	UNIQUE (kasus_id, sha256)
);

-- Messages between the handling officer and the reporter (the reporter
-- reads and answers them with the receipt). Internal notes are not here.
CREATE TABLE kasus_pesan (
	id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	kasus_id BIGINT NOT NULL REFERENCES kasus(id),
	created_ms BIGINT NOT NULL,
	dari TEXT NOT NULL CHECK (dari IN ('petugas', 'pelapor')),
	user_id BIGINT REFERENCES users(id),
	petugas_nama TEXT NOT NULL DEFAULT '' CHECK (octet_length(petugas_nama) <= 127),
	isi TEXT NOT NULL CHECK (octet_length(isi) BETWEEN 1 AND 4095),
	CHECK (dari = 'petugas' OR (user_id IS NULL AND petugas_nama = ''))
);
CREATE INDEX kasus_pesan_kasus ON kasus_pesan(kasus_id, created_ms);

-- Each opening of a sealed identity by a custodian: who, when, why. The
-- reporter sees these rows on the follow-up page. Append-only.
CREATE TABLE kasus_identitas_akses (
	id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	kasus_id BIGINT NOT NULL REFERENCES kasus(id),
	user_id BIGINT NOT NULL REFERENCES users(id),
	petugas_nama TEXT NOT NULL CHECK (octet_length(petugas_nama) BETWEEN 1 AND 127),
	alasan TEXT NOT NULL CHECK (octet_length(alasan) BETWEEN 1 AND 511),
	created_ms BIGINT NOT NULL
);
CREATE INDEX kasus_identitas_akses_kasus ON kasus_identitas_akses(kasus_id, created_ms);
CREATE FUNCTION kasus_identitas_akses_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'identity openings are append-only';
END;
$$;
CREATE TRIGGER kasus_identitas_akses_no_edit BEFORE UPDATE OR DELETE ON kasus_identitas_akses
	FOR EACH ROW EXECUTE FUNCTION kasus_identitas_akses_guard();
