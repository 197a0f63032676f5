-- 0003 instansi signing keys (PostgreSQL). Numbered 0003: 0002 is reserved
-- by the cpnsweb branch. See the SQLite migration for the rules: keys are
-- never edited, rotation retires the current key once and inserts a new
-- one, retired public keys stay for verification. secret_hex stays in the
-- database, readable by the server's role only (docs/integritas.md).
CREATE TABLE instansi_keys (
	id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	instansi_id BIGINT NOT NULL REFERENCES instansi(id),
	public_hex TEXT NOT NULL UNIQUE CHECK (public_hex ~ '^[0-9a-f]{64}$'),
	secret_hex TEXT NOT NULL CHECK (secret_hex ~ '^[0-9a-f]{128}$'),
	created_ms BIGINT NOT NULL,
	retired_ms BIGINT CHECK (retired_ms IS NULL OR retired_ms >= created_ms)
);
CREATE INDEX instansi_keys_instansi ON instansi_keys(instansi_id, created_ms);
CREATE UNIQUE INDEX instansi_keys_current ON instansi_keys(instansi_id) WHERE retired_ms IS NULL;
CREATE FUNCTION instansi_keys_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'DELETE' THEN
		RAISE EXCEPTION 'instansi keys are never deleted';
	END IF;
	IF NEW.id IS DISTINCT FROM OLD.id OR NEW.instansi_id IS DISTINCT FROM OLD.instansi_id
	   OR NEW.public_hex IS DISTINCT FROM OLD.public_hex OR NEW.secret_hex IS DISTINCT FROM OLD.secret_hex
	   OR NEW.created_ms IS DISTINCT FROM OLD.created_ms OR OLD.retired_ms IS NOT NULL THEN
		RAISE EXCEPTION 'instansi keys are never edited; only retired once';
	END IF;
	RETURN NEW;
END;
$$;
CREATE TRIGGER instansi_keys_no_edit BEFORE UPDATE OR DELETE ON instansi_keys
	FOR EACH ROW EXECUTE FUNCTION instansi_keys_guard();
