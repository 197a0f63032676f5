-- 0003 instansi signing keys (SQLite). Numbered 0003: 0002 is reserved by
-- the cpnsweb branch. Each instansi signs the integrity pacts and neutrality
-- declarations of its employees with an Ed25519 key (app/declaration.c).
-- A key is never edited: 'wasdal instansi key KODE --rotate' retires the
-- current key (retired_ms set once) and inserts a new one; retired public
-- keys stay so that old signatures still verify.
-- secret_hex is the 64-byte libsodium secret key in hex. It stays in the
-- database, readable by the server's database account only, and never
-- leaves the server (see docs/integritas.md for the trade-off).
CREATE TABLE instansi_keys (
	id INTEGER PRIMARY KEY,
	instansi_id INTEGER NOT NULL REFERENCES instansi(id),
	public_hex TEXT NOT NULL UNIQUE CHECK (length(public_hex) = 64 AND public_hex NOT GLOB '*[^0-9a-f]*'),
	secret_hex TEXT NOT NULL CHECK (length(secret_hex) = 128 AND secret_hex NOT GLOB '*[^0-9a-f]*'),
	created_ms INTEGER NOT NULL,
	retired_ms INTEGER CHECK (retired_ms IS NULL OR retired_ms >= created_ms)
) STRICT;
CREATE INDEX instansi_keys_instansi ON instansi_keys(instansi_id, created_ms);
-- At most one current key per instansi.
CREATE UNIQUE INDEX instansi_keys_current ON instansi_keys(instansi_id) WHERE retired_ms IS NULL;
CREATE TRIGGER instansi_keys_no_edit BEFORE UPDATE ON instansi_keys
	WHEN NEW.id IS NOT OLD.id OR NEW.instansi_id IS NOT OLD.instansi_id
	  OR NEW.public_hex IS NOT OLD.public_hex OR NEW.secret_hex IS NOT OLD.secret_hex
	  OR NEW.created_ms IS NOT OLD.created_ms OR OLD.retired_ms IS NOT NULL
BEGIN
	SELECT RAISE(ABORT, 'instansi keys are never edited; only retired once');
END;
CREATE TRIGGER instansi_keys_no_delete BEFORE DELETE ON instansi_keys
BEGIN
	SELECT RAISE(ABORT, 'instansi keys are never deleted');
END;
