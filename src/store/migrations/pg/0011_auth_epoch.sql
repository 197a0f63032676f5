-- 0011 one counter that moves whenever a stored fact behind an API token's
-- principal changes: a token revoked or deleted, a user's name, role,
-- instansi, NIP or disabled flag changed or the user deleted, an instansi
-- path changed (a scope is an instansi path) or the instansi deleted. The
-- server keeps validated Bearer tokens in memory (app/auth_cache.c) and
-- trusts an entry only while this counter, read before the request's other
-- statements, still has the value it had when the token was checked: every
-- serve process sharing the database sees a revocation on its next request.
-- Triggers, not code, bump it, so no write path can forget to. The row is
-- locked by a bumping transaction until it commits; only these rare
-- administrative changes take that lock (logins do not).
CREATE TABLE auth_epoch (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	n BIGINT NOT NULL
);
INSERT INTO auth_epoch (id, n) VALUES (1, 0);

CREATE FUNCTION auth_epoch_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE auth_epoch SET n = n + 1 WHERE id = 1;
	RETURN NULL;
END;
$$;
CREATE TRIGGER auth_epoch_token_change AFTER UPDATE OR DELETE ON api_tokens
	FOR EACH STATEMENT EXECUTE FUNCTION auth_epoch_bump();
-- Login bookkeeping (failed_logins, locked_until_ms, password_hash) is not
-- part of a principal and does not move the counter.
CREATE TRIGGER auth_epoch_user_update AFTER UPDATE ON users
	FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id
		OR OLD.username IS DISTINCT FROM NEW.username
		OR OLD.nama IS DISTINCT FROM NEW.nama OR OLD.role IS DISTINCT FROM NEW.role
		OR OLD.instansi_id IS DISTINCT FROM NEW.instansi_id
		OR OLD.nip IS DISTINCT FROM NEW.nip OR OLD.disabled IS DISTINCT FROM NEW.disabled)
	EXECUTE FUNCTION auth_epoch_bump();
CREATE TRIGGER auth_epoch_user_delete AFTER DELETE ON users
	FOR EACH STATEMENT EXECUTE FUNCTION auth_epoch_bump();
CREATE TRIGGER auth_epoch_instansi_update AFTER UPDATE ON instansi
	FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id OR OLD.path IS DISTINCT FROM NEW.path)
	EXECUTE FUNCTION auth_epoch_bump();
CREATE TRIGGER auth_epoch_instansi_delete AFTER DELETE ON instansi
	FOR EACH STATEMENT EXECUTE FUNCTION auth_epoch_bump();
CREATE TRIGGER auth_epoch_token_truncate AFTER TRUNCATE ON api_tokens
	FOR EACH STATEMENT EXECUTE FUNCTION auth_epoch_bump();
CREATE TRIGGER auth_epoch_user_truncate AFTER TRUNCATE ON users
	FOR EACH STATEMENT EXECUTE FUNCTION auth_epoch_bump();
CREATE TRIGGER auth_epoch_instansi_truncate AFTER TRUNCATE ON instansi
	FOR EACH STATEMENT EXECUTE FUNCTION auth_epoch_bump();
