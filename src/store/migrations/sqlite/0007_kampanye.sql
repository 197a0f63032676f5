-- 0007 documents and campaigns (SQLite): versioned document templates
-- (pakta integritas, deklarasi netralitas), campaigns that ask a scope of
-- employees to sign one template version, the signatures themselves
-- (Ed25519 by the instansi key, app/declaration.c), and the one-time
-- activation codes with which an ASN sets a first password.
--
-- Rules kept by the database as well as by app/kampanye.c:
--  * a template version is never edited once a signature refers to it,
--    and never deleted;
--  * a signature is never edited or deleted (no withdrawal);
--  * a campaign never changes its template, instansi or scope kind.
CREATE TABLE dokumen_templat (
	id INTEGER PRIMARY KEY,
	instansi_id INTEGER NOT NULL REFERENCES instansi(id),
	kode TEXT NOT NULL CHECK (length(kode) BETWEEN 2 AND 47 AND kode NOT GLOB '*[^a-z0-9-]*'),
	versi INTEGER NOT NULL CHECK (versi >= 1),
	jenis TEXT NOT NULL CHECK (jenis IN ('pakta_integritas', 'deklarasi_netralitas', 'lainnya')),
	judul TEXT NOT NULL CHECK (length(CAST(judul AS BLOB)) BETWEEN 1 AND 159),
	teks TEXT NOT NULL CHECK (length(CAST(teks AS BLOB)) BETWEEN 1 AND 16000),
	teks_sha256 TEXT NOT NULL CHECK (length(teks_sha256) = 64 AND teks_sha256 NOT GLOB '*[^0-9a-f]*'),
	created_ms INTEGER NOT NULL,
	created_by TEXT NOT NULL CHECK (length(CAST(created_by AS BLOB)) <= 63),
	UNIQUE (instansi_id, kode, versi)
) STRICT;

CREATE TABLE kampanye (
	id INTEGER PRIMARY KEY,
	instansi_id INTEGER NOT NULL REFERENCES instansi(id),
	templat_id INTEGER NOT NULL REFERENCES dokumen_templat(id),
	nama TEXT NOT NULL CHECK (length(CAST(nama AS BLOB)) BETWEEN 1 AND 159),
	periode TEXT NOT NULL CHECK (length(CAST(periode AS BLOB)) BETWEEN 1 AND 63),
	tenggat_hari INTEGER NOT NULL,  -- day number (core/date.h), last day to sign
	cakupan TEXT NOT NULL CHECK (cakupan IN ('instansi', 'unit', 'nip')),
	created_ms INTEGER NOT NULL,
	created_by TEXT NOT NULL CHECK (length(CAST(created_by AS BLOB)) <= 63)
) STRICT;
CREATE INDEX kampanye_instansi ON kampanye(instansi_id, id);

CREATE TABLE kampanye_unit (
	kampanye_id INTEGER NOT NULL REFERENCES kampanye(id),
	unit_id INTEGER NOT NULL REFERENCES unit_kerja(id),
	PRIMARY KEY (kampanye_id, unit_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE kampanye_nip (
	kampanye_id INTEGER NOT NULL REFERENCES kampanye(id),
	nip TEXT NOT NULL CHECK (length(nip) = 18 AND nip NOT GLOB '*[^0-9]*'),
	PRIMARY KEY (kampanye_id, nip)
) STRICT, WITHOUT ROWID;

CREATE TABLE tanda_tangan (
	id INTEGER PRIMARY KEY,
	kampanye_id INTEGER NOT NULL REFERENCES kampanye(id),
	templat_id INTEGER NOT NULL REFERENCES dokumen_templat(id),
	pegawai_id INTEGER NOT NULL REFERENCES pegawai(id),
	nip TEXT NOT NULL CHECK (length(nip) = 18 AND nip NOT GLOB '*[^0-9]*'),
	signed_ms INTEGER NOT NULL,
	doc_sha256 TEXT NOT NULL CHECK (length(doc_sha256) = 64 AND doc_sha256 NOT GLOB '*[^0-9a-f]*'),
	kunci_id INTEGER NOT NULL REFERENCES instansi_keys(id),
	payload TEXT NOT NULL CHECK (length(payload) BETWEEN 1 AND 256),
	-- short verification code, Crockford base32 (app/kampanye_code.c)
	kode TEXT NOT NULL UNIQUE CHECK (length(kode) = 10 AND kode NOT GLOB '*[^0-9A-HJKMNP-TV-Z]*'),
	UNIQUE (kampanye_id, nip)
) STRICT;
CREATE INDEX tanda_tangan_pegawai ON tanda_tangan(pegawai_id);

CREATE TABLE kode_aktivasi (
	id INTEGER PRIMARY KEY,
	pegawai_id INTEGER NOT NULL REFERENCES pegawai(id),
	nip TEXT NOT NULL CHECK (length(nip) = 18 AND nip NOT GLOB '*[^0-9]*'),
	kampanye_id INTEGER REFERENCES kampanye(id),
	-- SHA-256 of a domain string, the NIP and the code: never the code
	kode_hash TEXT NOT NULL UNIQUE CHECK (length(kode_hash) = 64 AND kode_hash NOT GLOB '*[^0-9a-f]*'),
	created_ms INTEGER NOT NULL,
	expires_ms INTEGER NOT NULL CHECK (expires_ms > created_ms),
	used_ms INTEGER,
	revoked_ms INTEGER,
	created_by TEXT NOT NULL CHECK (length(CAST(created_by AS BLOB)) <= 63)
) STRICT;
CREATE INDEX kode_aktivasi_nip ON kode_aktivasi(nip, id);

CREATE TRIGGER dokumen_templat_signed BEFORE UPDATE ON dokumen_templat
	WHEN EXISTS (SELECT 1 FROM tanda_tangan WHERE templat_id = OLD.id)
	  OR NEW.id IS NOT OLD.id OR NEW.instansi_id IS NOT OLD.instansi_id
	  OR NEW.kode IS NOT OLD.kode OR NEW.versi IS NOT OLD.versi
BEGIN
	SELECT RAISE(ABORT, 'a signed template version is never edited');
END;
CREATE TRIGGER dokumen_templat_no_delete BEFORE DELETE ON dokumen_templat
BEGIN
	SELECT RAISE(ABORT, 'template versions are never deleted');
END;
CREATE TRIGGER kampanye_fixed BEFORE UPDATE ON kampanye
	WHEN NEW.id IS NOT OLD.id OR NEW.instansi_id IS NOT OLD.instansi_id
	  OR NEW.templat_id IS NOT OLD.templat_id OR NEW.cakupan IS NOT OLD.cakupan
BEGIN
	SELECT RAISE(ABORT, 'a campaign never changes its template, instansi or scope kind');
END;
CREATE TRIGGER kampanye_no_delete BEFORE DELETE ON kampanye
BEGIN
	SELECT RAISE(ABORT, 'campaigns are never deleted');
END;
CREATE TRIGGER tanda_tangan_no_edit BEFORE UPDATE ON tanda_tangan
BEGIN
	SELECT RAISE(ABORT, 'signatures are never edited or withdrawn');
END;
CREATE TRIGGER tanda_tangan_no_delete BEFORE DELETE ON tanda_tangan
BEGIN
	SELECT RAISE(ABORT, 'signatures are never edited or withdrawn');
END;
-- An activation code is used or revoked once; nothing else changes.
CREATE TRIGGER kode_aktivasi_once BEFORE UPDATE ON kode_aktivasi
	WHEN NEW.id IS NOT OLD.id OR NEW.pegawai_id IS NOT OLD.pegawai_id OR NEW.nip IS NOT OLD.nip
	  OR NEW.kode_hash IS NOT OLD.kode_hash OR NEW.created_ms IS NOT OLD.created_ms
	  OR NEW.expires_ms IS NOT OLD.expires_ms OR OLD.used_ms IS NOT NULL OR OLD.revoked_ms IS NOT NULL
BEGIN
	SELECT RAISE(ABORT, 'an activation code is used or revoked once');
END;
