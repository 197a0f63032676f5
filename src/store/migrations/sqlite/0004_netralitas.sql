-- 0004 neutrality cases (SQLite): the case record shared by the whole
-- neutrality area (issue 3) and the citizen-report tables that feed it:
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
	id INTEGER PRIMARY KEY,
	public_hex TEXT NOT NULL UNIQUE CHECK (length(public_hex) = 64 AND public_hex NOT GLOB '*[^0-9a-f]*'),
	secret_box_hex TEXT NOT NULL CHECK (length(secret_box_hex) = 96 AND secret_box_hex NOT GLOB '*[^0-9a-f]*'),
	nonce_hex TEXT NOT NULL CHECK (length(nonce_hex) = 48 AND nonce_hex NOT GLOB '*[^0-9a-f]*'),
	kdf_salt_hex TEXT NOT NULL CHECK (length(kdf_salt_hex) = 32 AND kdf_salt_hex NOT GLOB '*[^0-9a-f]*'),
	kdf_ops INTEGER NOT NULL CHECK (kdf_ops >= 1),
	kdf_mem INTEGER NOT NULL CHECK (kdf_mem >= 8192),
	created_ms INTEGER NOT NULL,
	retired_ms INTEGER CHECK (retired_ms IS NULL OR retired_ms >= created_ms)
) STRICT;
CREATE UNIQUE INDEX kunci_pengawas_current ON kunci_pengawas((1)) WHERE retired_ms IS NULL;
CREATE TRIGGER kunci_pengawas_no_edit BEFORE UPDATE ON kunci_pengawas
	WHEN NEW.id IS NOT OLD.id OR NEW.public_hex IS NOT OLD.public_hex
	  OR NEW.secret_box_hex IS NOT OLD.secret_box_hex OR NEW.nonce_hex IS NOT OLD.nonce_hex
	  OR NEW.kdf_salt_hex IS NOT OLD.kdf_salt_hex OR NEW.kdf_ops IS NOT OLD.kdf_ops
	  OR NEW.kdf_mem IS NOT OLD.kdf_mem OR NEW.created_ms IS NOT OLD.created_ms
	  OR OLD.retired_ms IS NOT NULL
BEGIN
	SELECT RAISE(ABORT, 'oversight keys are never edited; only retired once');
END;
CREATE TRIGGER kunci_pengawas_no_delete BEFORE DELETE ON kunci_pengawas
BEGIN
	SELECT RAISE(ABORT, 'oversight keys are never deleted');
END;

-- One row: the per-install salt of the receipt hash (Argon2id). The hash of
-- a receipt is then a stable lookup key (kasus.receipt_hash UNIQUE).
CREATE TABLE laporan_instalasi (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	receipt_salt_hex TEXT NOT NULL CHECK (length(receipt_salt_hex) = 32 AND receipt_salt_hex NOT GLOB '*[^0-9a-f]*'),
	created_ms INTEGER NOT NULL
) STRICT;

-- Public case numbers NTR-YYYY-NNNNNN: one counter row per year.
CREATE TABLE kasus_nomor (
	tahun INTEGER PRIMARY KEY CHECK (tahun BETWEEN 2000 AND 9999),
	terakhir INTEGER NOT NULL CHECK (terakhir BETWEEN 1 AND 999999)
) STRICT;

CREATE TABLE kasus (
	id INTEGER PRIMARY KEY,
	nomor TEXT NOT NULL UNIQUE CHECK (length(CAST(nomor AS BLOB)) BETWEEN 1 AND 23),
	receipt_hash TEXT NOT NULL UNIQUE CHECK (length(receipt_hash) = 64 AND receipt_hash NOT GLOB '*[^0-9a-f]*'),
	created_ms INTEGER NOT NULL,
	updated_ms INTEGER NOT NULL,
	konteks TEXT NOT NULL CHECK (konteks IN ('pemilu', 'pilkada')),
	tahap TEXT NOT NULL CHECK (length(CAST(tahap AS BLOB)) BETWEEN 1 AND 39),
	tahap_sejak_ms INTEGER NOT NULL,
	tenggat_hari INTEGER,
	workflow_versi INTEGER NOT NULL CHECK (workflow_versi >= 1),
	instansi_id INTEGER REFERENCES instansi(id),
	pegawai_id INTEGER REFERENCES pegawai(id),
	terlapor_nama TEXT NOT NULL DEFAULT '' CHECK (length(CAST(terlapor_nama AS BLOB)) <= 127),
	terlapor_nip TEXT NOT NULL DEFAULT '' CHECK (terlapor_nip = '' OR (length(terlapor_nip) = 18 AND terlapor_nip NOT GLOB '*[^0-9]*')),
	terlapor_jabatan TEXT NOT NULL DEFAULT '' CHECK (length(CAST(terlapor_jabatan AS BLOB)) <= 159),
	terlapor_instansi TEXT NOT NULL DEFAULT '' CHECK (length(CAST(terlapor_instansi AS BLOB)) <= 159),
	pelanggaran_kode TEXT NOT NULL CHECK (length(CAST(pelanggaran_kode AS BLOB)) BETWEEN 1 AND 15),
	-- the reporter's words when pelanggaran_kode = 'lainnya'
	pelanggaran_lain TEXT NOT NULL DEFAULT '' CHECK (length(CAST(pelanggaran_lain AS BLOB)) <= 255),
	kejadian_hari INTEGER NOT NULL,
	kejadian_tempat TEXT NOT NULL DEFAULT '' CHECK (length(CAST(kejadian_tempat AS BLOB)) <= 255),
	wilayah TEXT NOT NULL DEFAULT '' CHECK (length(CAST(wilayah AS BLOB)) <= 127),
	penetapan_calon TEXT NOT NULL CHECK (penetapan_calon IN ('sebelum', 'sesudah', 'tidak_tahu')),
	kronologi TEXT NOT NULL CHECK (length(CAST(kronologi AS BLOB)) BETWEEN 1 AND 8191),
	saksi TEXT NOT NULL DEFAULT '' CHECK (length(CAST(saksi AS BLOB)) <= 1023),
	tautan TEXT NOT NULL DEFAULT '' CHECK (length(CAST(tautan AS BLOB)) <= 2047),
	pelapor_mode TEXT NOT NULL CHECK (pelapor_mode IN ('anonim', 'rahasia', 'terbuka')),
	-- base64 crypto_box_seal of the reporter's identity (JSON) to kunci_pengawas
	identitas_sealed TEXT CHECK (identitas_sealed IS NULL OR length(identitas_sealed) BETWEEN 1 AND 2047),
	identitas_kunci_id INTEGER REFERENCES kunci_pengawas(id),
	-- a 'terbuka' reporter's name, shown to officers; empty otherwise
	pelapor_nama TEXT NOT NULL DEFAULT '' CHECK (length(CAST(pelapor_nama AS BLOB)) <= 127),
	diketahui_hari INTEGER NOT NULL,
	terlambat INTEGER NOT NULL DEFAULT 0 CHECK (terlambat IN (0, 1)),
	-- ';'-separated codes of what the reporter still has to supply ('bukti', 'terlapor')
	kekurangan TEXT NOT NULL DEFAULT '' CHECK (length(CAST(kekurangan AS BLOB)) <= 511),
	petugas_id INTEGER REFERENCES users(id),
	sumber TEXT NOT NULL DEFAULT 'web' CHECK (sumber IN ('web', 'api', 'seed')),
	CHECK (pelapor_mode <> 'anonim' OR (identitas_sealed IS NULL AND pelapor_nama = '')),
	CHECK (pelapor_mode = 'anonim' OR (identitas_sealed IS NOT NULL AND identitas_kunci_id IS NOT NULL)),
	CHECK (pelapor_mode = 'terbuka' OR pelapor_nama = '')
) STRICT;
CREATE INDEX kasus_tahap ON kasus(tahap, tenggat_hari);
CREATE INDEX kasus_instansi ON kasus(instansi_id, created_ms);
CREATE INDEX kasus_pegawai ON kasus(pegawai_id);
CREATE INDEX kasus_created ON kasus(created_ms);

-- Evidence files, stored on disk by SHA-256 (files directory, outside any
-- web root); this row is the only link between a case and a file.
CREATE TABLE kasus_bukti (
	id INTEGER PRIMARY KEY,
	kasus_id INTEGER NOT NULL REFERENCES kasus(id),
	sha256 TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
	mime TEXT NOT NULL CHECK (length(CAST(mime AS BLOB)) BETWEEN 1 AND 63),
	ukuran INTEGER NOT NULL CHECK (ukuran > 0),
	nama_berkas TEXT NOT NULL DEFAULT '' CHECK (length(CAST(nama_berkas AS BLOB)) <= 127),
	-- 1 when EXIF/XMP metadata was removed before storage
	metadata_dihapus INTEGER NOT NULL DEFAULT 0 CHECK (metadata_dihapus IN (0, 1)),
	oleh TEXT NOT NULL CHECK (oleh IN ('pelapor', 'petugas')),
	user_id INTEGER REFERENCES users(id),
	created_ms INTEGER NOT NULL,
	UNIQUE (kasus_id, sha256)
) STRICT;

-- Messages between the handling officer and the reporter (the reporter
-- reads and answers them with the receipt). Internal notes are not here.
CREATE TABLE kasus_pesan (
	id INTEGER PRIMARY KEY,
	kasus_id INTEGER NOT NULL REFERENCES kasus(id),
	created_ms INTEGER NOT NULL,
	dari TEXT NOT NULL CHECK (dari IN ('petugas', 'pelapor')),
	user_id INTEGER REFERENCES users(id),
	petugas_nama TEXT NOT NULL DEFAULT '' CHECK (length(CAST(petugas_nama AS BLOB)) <= 127),
	isi TEXT NOT NULL CHECK (length(CAST(isi AS BLOB)) BETWEEN 1 AND 4095),
	CHECK (dari = 'petugas' OR (user_id IS NULL AND petugas_nama = ''))
) STRICT;
CREATE INDEX kasus_pesan_kasus ON kasus_pesan(kasus_id, created_ms);

-- Each opening of a sealed identity by a custodian: who, when, why. The
-- reporter sees these rows on the follow-up page. Append-only.
CREATE TABLE kasus_identitas_akses (
	id INTEGER PRIMARY KEY,
	kasus_id INTEGER NOT NULL REFERENCES kasus(id),
	user_id INTEGER NOT NULL REFERENCES users(id),
	petugas_nama TEXT NOT NULL CHECK (length(CAST(petugas_nama AS BLOB)) BETWEEN 1 AND 127),
	alasan TEXT NOT NULL CHECK (length(CAST(alasan AS BLOB)) BETWEEN 1 AND 511),
	created_ms INTEGER NOT NULL
) STRICT;
CREATE INDEX kasus_identitas_akses_kasus ON kasus_identitas_akses(kasus_id, created_ms);
CREATE TRIGGER kasus_identitas_akses_no_update BEFORE UPDATE ON kasus_identitas_akses
BEGIN
	SELECT RAISE(ABORT, 'identity openings are append-only');
END;
CREATE TRIGGER kasus_identitas_akses_no_delete BEFORE DELETE ON kasus_identitas_akses
BEGIN
	SELECT RAISE(ABORT, 'identity openings are append-only');
END;
