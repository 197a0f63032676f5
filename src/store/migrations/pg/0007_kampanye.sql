-- 0007 documents and campaigns (PostgreSQL). See the SQLite migration for
-- the rules: signed template versions and signatures are never edited or
-- deleted, a campaign keeps its template, instansi and scope kind, an
-- activation code is used or revoked once. Every refusal is a
-- check_violation (23514), as SQLite's RAISE(ABORT) is a constraint error,
-- so both backends answer APP_ECONSTRAINT.
CREATE TABLE dokumen_templat (
	id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	instansi_id BIGINT NOT NULL REFERENCES instansi(id),
	kode TEXT NOT NULL CHECK (kode ~ '^[a-z0-9-]{2,47}$'),
	versi BIGINT NOT NULL CHECK (versi >= 1),
	jenis TEXT NOT NULL CHECK (jenis IN ('pakta_integritas', 'deklarasi_netralitas', 'lainnya')),
	judul TEXT NOT NULL CHECK (octet_length(judul) BETWEEN 1 AND 159),
	teks TEXT NOT NULL CHECK (octet_length(teks) BETWEEN 1 AND 16000),
	teks_sha256 TEXT NOT NULL CHECK (teks_sha256 ~ '^[0-9a-f]{64}$'),
	created_ms BIGINT NOT NULL,
	created_by TEXT NOT NULL CHECK (octet_length(created_by) <= 63),
	UNIQUE (instansi_id, kode, versi)
);

CREATE TABLE kampanye (
	id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	instansi_id BIGINT NOT NULL REFERENCES instansi(id),
	templat_id BIGINT NOT NULL REFERENCES dokumen_templat(id),
	nama TEXT NOT NULL CHECK (octet_length(nama) BETWEEN 1 AND 159),
	periode TEXT NOT NULL CHECK (octet_length(periode) BETWEEN 1 AND 63),
	tenggat_hari BIGINT NOT NULL,
	cakupan TEXT NOT NULL CHECK (cakupan IN ('instansi', 'unit', 'nip')),
	created_ms BIGINT NOT NULL,
	created_by TEXT NOT NULL CHECK (octet_length(created_by) <= 63)
);
CREATE INDEX kampanye_instansi ON kampanye(instansi_id, id);

CREATE TABLE kampanye_unit (
	kampanye_id BIGINT NOT NULL REFERENCES kampanye(id),
	unit_id BIGINT NOT NULL REFERENCES unit_kerja(id),
	PRIMARY KEY (kampanye_id, unit_id)
);

CREATE TABLE kampanye_nip (
	kampanye_id BIGINT NOT NULL REFERENCES kampanye(id),
	nip TEXT NOT NULL CHECK (nip ~ '^[0-9]{18}$'),
	PRIMARY KEY (kampanye_id, nip)
);

CREATE TABLE tanda_tangan (
	id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	kampanye_id BIGINT NOT NULL REFERENCES kampanye(id),
	templat_id BIGINT NOT NULL REFERENCES dokumen_templat(id),
	pegawai_id BIGINT NOT NULL REFERENCES pegawai(id),
	nip TEXT NOT NULL CHECK (nip ~ '^[0-9]{18}$'),
	signed_ms BIGINT NOT NULL,
	doc_sha256 TEXT NOT NULL CHECK (doc_sha256 ~ '^[0-9a-f]{64}$'),
	kunci_id BIGINT NOT NULL REFERENCES instansi_keys(id),
	payload TEXT NOT NULL CHECK (length(payload) BETWEEN 1 AND 256),
	kode TEXT NOT NULL UNIQUE CHECK (kode ~ '^[0-9A-HJKMNP-TV-Z]{10}$'),
	UNIQUE (kampanye_id, nip)
);
CREATE INDEX tanda_tangan_pegawai ON tanda_tangan(pegawai_id);

CREATE TABLE kode_aktivasi (
	id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	pegawai_id BIGINT NOT NULL REFERENCES pegawai(id),
	nip TEXT NOT NULL CHECK (nip ~ '^[0-9]{18}$'),
	kampanye_id BIGINT REFERENCES kampanye(id),
	kode_hash TEXT NOT NULL UNIQUE CHECK (kode_hash ~ '^[0-9a-f]{64}$'),
	created_ms BIGINT NOT NULL,
	expires_ms BIGINT NOT NULL CHECK (expires_ms > created_ms),
	used_ms BIGINT,
	revoked_ms BIGINT,
	created_by TEXT NOT NULL CHECK (octet_length(created_by) <= 63)
);
CREATE INDEX kode_aktivasi_nip ON kode_aktivasi(nip, id);

CREATE FUNCTION dokumen_templat_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'DELETE' THEN
		RAISE EXCEPTION 'template versions are never deleted' USING ERRCODE = 'check_violation';
	END IF;
	IF EXISTS (SELECT 1 FROM tanda_tangan WHERE templat_id = OLD.id)
	   OR NEW.id IS DISTINCT FROM OLD.id OR NEW.instansi_id IS DISTINCT FROM OLD.instansi_id
	   OR NEW.kode IS DISTINCT FROM OLD.kode OR NEW.versi IS DISTINCT FROM OLD.versi THEN
		RAISE EXCEPTION 'a signed template version is never edited' USING ERRCODE = 'check_violation';
	END IF;
	RETURN NEW;
END;
$$;
CREATE TRIGGER dokumen_templat_guard BEFORE UPDATE OR DELETE ON dokumen_templat
	FOR EACH ROW EXECUTE FUNCTION dokumen_templat_guard();

CREATE FUNCTION kampanye_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'DELETE' THEN
		RAISE EXCEPTION 'campaigns are never deleted' USING ERRCODE = 'check_violation';
	END IF;
	IF NEW.id IS DISTINCT FROM OLD.id OR NEW.instansi_id IS DISTINCT FROM OLD.instansi_id
	   OR NEW.templat_id IS DISTINCT FROM OLD.templat_id OR NEW.cakupan IS DISTINCT FROM OLD.cakupan THEN
		RAISE EXCEPTION 'a campaign never changes its template, instansi or scope kind' USING ERRCODE = 'check_violation';
	END IF;
	RETURN NEW;
END;
$$;
CREATE TRIGGER kampanye_guard BEFORE UPDATE OR DELETE ON kampanye
	FOR EACH ROW EXECUTE FUNCTION kampanye_guard();

CREATE FUNCTION tanda_tangan_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'signatures are never edited or withdrawn' USING ERRCODE = 'check_violation';
END;
$$;
CREATE TRIGGER tanda_tangan_guard BEFORE UPDATE OR DELETE ON tanda_tangan
	FOR EACH ROW EXECUTE FUNCTION tanda_tangan_guard();

CREATE FUNCTION kode_aktivasi_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'DELETE' OR NEW.id IS DISTINCT FROM OLD.id OR NEW.pegawai_id IS DISTINCT FROM OLD.pegawai_id
	   OR NEW.nip IS DISTINCT FROM OLD.nip OR NEW.kode_hash IS DISTINCT FROM OLD.kode_hash
	   OR NEW.created_ms IS DISTINCT FROM OLD.created_ms OR NEW.expires_ms IS DISTINCT FROM OLD.expires_ms
	   OR OLD.used_ms IS NOT NULL OR OLD.revoked_ms IS NOT NULL THEN
		RAISE EXCEPTION 'an activation code is used or revoked once' USING ERRCODE = 'check_violation';
	END IF;
	RETURN NEW;
END;
$$;
CREATE TRIGGER kode_aktivasi_guard BEFORE UPDATE OR DELETE ON kode_aktivasi
	FOR EACH ROW EXECUTE FUNCTION kode_aktivasi_guard();
