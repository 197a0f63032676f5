-- 0001 core (SQLite): the instansi tree, unit kerja, the ASN registry,
-- accounts, sessions, API tokens, rate limits and the audit chain.
-- Runs inside one write transaction (store_migrate); never edit a released
-- migration, add NNNN+1 instead. Text limits are bytes and match the field
-- sizes in src/store/store.h (field size - 1).

CREATE TABLE schema_version (
	version INTEGER PRIMARY KEY,
	applied_ms INTEGER NOT NULL
) STRICT;

-- path is the materialised path of ancestor ids, "/1/4/9/", set by the store;
-- scope filters are range scans on it.
CREATE TABLE instansi (
	id INTEGER PRIMARY KEY,
	kode TEXT NOT NULL UNIQUE CHECK (length(CAST(kode AS BLOB)) BETWEEN 1 AND 31),
	nama TEXT NOT NULL CHECK (length(CAST(nama AS BLOB)) BETWEEN 1 AND 159),
	jenis INTEGER NOT NULL CHECK (jenis BETWEEN 1 AND 4),
	parent_id INTEGER REFERENCES instansi(id),
	path TEXT NOT NULL CHECK (length(CAST(path AS BLOB)) <= 255)
) STRICT;
CREATE INDEX instansi_path ON instansi(path);
CREATE INDEX instansi_parent ON instansi(parent_id);

CREATE TABLE unit_kerja (
	id INTEGER PRIMARY KEY,
	instansi_id INTEGER NOT NULL REFERENCES instansi(id),
	kode TEXT NOT NULL CHECK (length(CAST(kode AS BLOB)) BETWEEN 1 AND 31),
	nama TEXT NOT NULL CHECK (length(CAST(nama AS BLOB)) BETWEEN 1 AND 159),
	UNIQUE (instansi_id, kode),
	UNIQUE (instansi_id, id)
) STRICT;

CREATE TABLE pegawai (
	id INTEGER PRIMARY KEY,
	nip TEXT NOT NULL UNIQUE CHECK (length(nip) = 18 AND nip NOT GLOB '*[^0-9]*'),
	nama TEXT NOT NULL CHECK (length(CAST(nama AS BLOB)) BETWEEN 1 AND 127),
	-- ASCII lower-case copy of nama for case-insensitive search
	nama_lower TEXT NOT NULL CHECK (length(CAST(nama_lower AS BLOB)) <= 127),
	jenis_asn TEXT NOT NULL CHECK (jenis_asn IN ('PNS', 'PPPK')),
	golongan TEXT NOT NULL CHECK (length(CAST(golongan AS BLOB)) <= 7),
	jenis_jabatan TEXT NOT NULL CHECK (jenis_jabatan IN ('', 'jpt_utama', 'jpt_madya',
		'jpt_pratama', 'administrator', 'pengawas', 'fungsional', 'pelaksana')),
	jenjang TEXT NOT NULL CHECK (length(CAST(jenjang AS BLOB)) <= 23),
	jabatan TEXT NOT NULL CHECK (length(CAST(jabatan AS BLOB)) <= 159),
	instansi_id INTEGER NOT NULL REFERENCES instansi(id),
	unit_id INTEGER,
	status TEXT NOT NULL CHECK (status IN ('aktif', 'pensiun', 'diberhentikan')),
	blokir INTEGER NOT NULL DEFAULT 0 CHECK (blokir IN (0, 1)),
	blokir_alasan TEXT NOT NULL DEFAULT '' CHECK (length(CAST(blokir_alasan AS BLOB)) <= 255),
	updated_ms INTEGER NOT NULL,
	-- a unit must belong to the employee's own instansi
	FOREIGN KEY (instansi_id, unit_id) REFERENCES unit_kerja(instansi_id, id)
) STRICT;
CREATE INDEX pegawai_instansi ON pegawai(instansi_id, nip);
CREATE INDEX pegawai_unit ON pegawai(unit_id, nip);
CREATE INDEX pegawai_golongan ON pegawai(golongan, nip);
CREATE INDEX pegawai_jenis_jabatan ON pegawai(jenis_jabatan, nip);
CREATE INDEX pegawai_nama ON pegawai(nama_lower);

CREATE TABLE users (
	id INTEGER PRIMARY KEY,
	username TEXT NOT NULL UNIQUE CHECK (length(CAST(username AS BLOB)) BETWEEN 1 AND 63),
	nama TEXT NOT NULL CHECK (length(CAST(nama AS BLOB)) <= 127),
	role TEXT NOT NULL CHECK (length(CAST(role AS BLOB)) BETWEEN 1 AND 15),
	instansi_id INTEGER NOT NULL REFERENCES instansi(id),
	nip TEXT NOT NULL DEFAULT '' CHECK (nip = '' OR (length(nip) = 18 AND nip NOT GLOB '*[^0-9]*')),
	password_hash TEXT NOT NULL CHECK (length(CAST(password_hash AS BLOB)) <= 159),
	disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
	failed_logins INTEGER NOT NULL DEFAULT 0 CHECK (failed_logins >= 0),
	locked_until_ms INTEGER NOT NULL DEFAULT 0,
	created_ms INTEGER NOT NULL
) STRICT;
CREATE INDEX users_instansi ON users(instansi_id);

CREATE TABLE sessions (
	token_hash TEXT PRIMARY KEY CHECK (length(token_hash) = 64),
	user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	csrf TEXT NOT NULL CHECK (length(CAST(csrf AS BLOB)) <= 64),
	lang TEXT NOT NULL CHECK (lang IN ('id', 'en')),
	created_ms INTEGER NOT NULL,
	expires_ms INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX sessions_user ON sessions(user_id);
CREATE INDEX sessions_expires ON sessions(expires_ms);

CREATE TABLE api_tokens (
	id INTEGER PRIMARY KEY,
	user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	name TEXT NOT NULL CHECK (length(CAST(name AS BLOB)) BETWEEN 1 AND 63),
	token_hash TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
	created_ms INTEGER NOT NULL,
	revoked INTEGER NOT NULL DEFAULT 0 CHECK (revoked IN (0, 1))
) STRICT;
CREATE INDEX api_tokens_user ON api_tokens(user_id);

-- One fixed window per key: a hit in a newer window restarts the count.
CREATE TABLE rate_limits (
	key TEXT PRIMARY KEY CHECK (length(CAST(key AS BLOB)) BETWEEN 1 AND 255),
	window_start_ms INTEGER NOT NULL,
	hits INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

-- Append-only: each record's hash covers its fields and the previous hash
-- (src/crypto/hash_chain.c). The triggers stop accidental edits through
-- the application; 'wasdal audit verify' catches deliberate ones.
CREATE TABLE audit_log (
	seq INTEGER PRIMARY KEY CHECK (seq > 0),
	ts_ms INTEGER NOT NULL,
	actor_id INTEGER NOT NULL,
	actor TEXT NOT NULL CHECK (length(CAST(actor AS BLOB)) <= 63),
	action TEXT NOT NULL CHECK (length(CAST(action AS BLOB)) BETWEEN 1 AND 31),
	object_type TEXT NOT NULL CHECK (length(CAST(object_type AS BLOB)) <= 31),
	object_id TEXT NOT NULL CHECK (length(CAST(object_id AS BLOB)) <= 63),
	diff TEXT NOT NULL DEFAULT '',
	prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
	hash TEXT NOT NULL CHECK (length(hash) = 64)
) STRICT;
CREATE INDEX audit_log_object ON audit_log(object_type, object_id, seq);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
	SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
	SELECT RAISE(ABORT, 'audit_log is append-only');
END;
