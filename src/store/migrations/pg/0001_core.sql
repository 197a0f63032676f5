-- 0001 core (PostgreSQL): the same tables as migrations/sqlite/0001_core.sql
-- in PostgreSQL's dialect. Runs inside one transaction (store_migrate)
-- under an advisory lock, so two servers starting at once cannot both
-- migrate. Never edit a released migration, add NNNN+1 instead.
-- Keys that are ordered or range-scanned (path, nip, kode, username) use
-- COLLATE "C": byte order, the same as SQLite, whatever the cluster locale.

CREATE TABLE schema_version (
	version INTEGER PRIMARY KEY,
	applied_ms BIGINT NOT NULL
);

CREATE TABLE instansi (
	id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	kode TEXT COLLATE "C" NOT NULL UNIQUE CHECK (octet_length(kode) BETWEEN 1 AND 31),
	nama TEXT NOT NULL CHECK (octet_length(nama) BETWEEN 1 AND 159),
	jenis INTEGER NOT NULL CHECK (jenis BETWEEN 1 AND 4),
	parent_id BIGINT REFERENCES instansi(id),
	path TEXT COLLATE "C" NOT NULL CHECK (octet_length(path) <= 255)
);
CREATE INDEX instansi_path ON instansi(path);
CREATE INDEX instansi_parent ON instansi(parent_id);

CREATE TABLE unit_kerja (
	id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	instansi_id BIGINT NOT NULL REFERENCES instansi(id),
	kode TEXT COLLATE "C" NOT NULL CHECK (octet_length(kode) BETWEEN 1 AND 31),
	nama TEXT NOT NULL CHECK (octet_length(nama) BETWEEN 1 AND 159),
	UNIQUE (instansi_id, kode),
	UNIQUE (instansi_id, id)
);

CREATE TABLE pegawai (
	id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	nip TEXT COLLATE "C" NOT NULL UNIQUE CHECK (nip ~ '^[0-9]{18}$'),
	nama TEXT NOT NULL CHECK (octet_length(nama) BETWEEN 1 AND 127),
	nama_lower TEXT NOT NULL CHECK (octet_length(nama_lower) <= 127),
	jenis_asn TEXT NOT NULL CHECK (jenis_asn IN ('PNS', 'PPPK')),
	golongan TEXT NOT NULL CHECK (octet_length(golongan) <= 7),
	jenis_jabatan TEXT NOT NULL CHECK (jenis_jabatan IN ('', 'jpt_utama', 'jpt_madya',
		'jpt_pratama', 'administrator', 'pengawas', 'fungsional', 'pelaksana')),
	jenjang TEXT NOT NULL CHECK (octet_length(jenjang) <= 23),
	jabatan TEXT NOT NULL CHECK (octet_length(jabatan) <= 159),
	instansi_id BIGINT NOT NULL REFERENCES instansi(id),
	unit_id BIGINT,
	status TEXT NOT NULL CHECK (status IN ('aktif', 'pensiun', 'diberhentikan')),
	blokir SMALLINT NOT NULL DEFAULT 0 CHECK (blokir IN (0, 1)),
	blokir_alasan TEXT NOT NULL DEFAULT '' CHECK (octet_length(blokir_alasan) <= 255),
	updated_ms BIGINT NOT NULL,
	FOREIGN KEY (instansi_id, unit_id) REFERENCES unit_kerja(instansi_id, id)
);
CREATE INDEX pegawai_instansi ON pegawai(instansi_id, nip);
CREATE INDEX pegawai_unit ON pegawai(unit_id, nip);
CREATE INDEX pegawai_golongan ON pegawai(golongan, nip);
CREATE INDEX pegawai_jenis_jabatan ON pegawai(jenis_jabatan, nip);
CREATE INDEX pegawai_nama ON pegawai(nama_lower text_pattern_ops);

CREATE TABLE users (
	id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	username TEXT COLLATE "C" NOT NULL UNIQUE CHECK (octet_length(username) BETWEEN 1 AND 63),
	nama TEXT NOT NULL CHECK (octet_length(nama) <= 127),
	role TEXT NOT NULL CHECK (octet_length(role) BETWEEN 1 AND 15),
	instansi_id BIGINT NOT NULL REFERENCES instansi(id),
	nip TEXT NOT NULL DEFAULT '' CHECK (nip = '' OR nip ~ '^[0-9]{18}$'),
	password_hash TEXT NOT NULL CHECK (octet_length(password_hash) <= 159),
	disabled SMALLINT NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
	failed_logins INTEGER NOT NULL DEFAULT 0 CHECK (failed_logins >= 0),
	locked_until_ms BIGINT NOT NULL DEFAULT 0,
	created_ms BIGINT NOT NULL
);
CREATE INDEX users_instansi ON users(instansi_id);

CREATE TABLE sessions (
	token_hash TEXT PRIMARY KEY CHECK (length(token_hash) = 64),
	user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	csrf TEXT NOT NULL CHECK (octet_length(csrf) <= 64),
	lang TEXT NOT NULL CHECK (lang IN ('id', 'en')),
	created_ms BIGINT NOT NULL,
	expires_ms BIGINT NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);
CREATE INDEX sessions_expires ON sessions(expires_ms);

CREATE TABLE api_tokens (
	id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	name TEXT NOT NULL CHECK (octet_length(name) BETWEEN 1 AND 63),
	token_hash TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
	created_ms BIGINT NOT NULL,
	revoked SMALLINT NOT NULL DEFAULT 0 CHECK (revoked IN (0, 1))
);
CREATE INDEX api_tokens_user ON api_tokens(user_id);

CREATE TABLE rate_limits (
	key TEXT PRIMARY KEY CHECK (octet_length(key) BETWEEN 1 AND 255),
	window_start_ms BIGINT NOT NULL,
	hits BIGINT NOT NULL
);

CREATE TABLE audit_log (
	seq BIGINT PRIMARY KEY CHECK (seq > 0),
	ts_ms BIGINT NOT NULL,
	actor_id BIGINT NOT NULL,
	actor TEXT NOT NULL CHECK (octet_length(actor) <= 63),
	action TEXT NOT NULL CHECK (octet_length(action) BETWEEN 1 AND 31),
	object_type TEXT NOT NULL CHECK (octet_length(object_type) <= 31),
	object_id TEXT NOT NULL CHECK (octet_length(object_id) <= 63),
	diff TEXT NOT NULL DEFAULT '',
	prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
	hash TEXT NOT NULL CHECK (length(hash) = 64)
);
CREATE INDEX audit_log_object ON audit_log(object_type, object_id, seq);

-- Append-only through the application role; 'wasdal audit verify' catches
-- edits made by anyone who can drop these.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
	FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
	FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
