-- 0011 one counter that moves whenever a stored fact behind an API token's
-- principal changes: a token revoked or deleted, a user's name, role,
-- instansi, NIP or disabled flag changed or the user deleted, an instansi
-- path changed (a scope is an instansi path) or the instansi deleted. The
-- server keeps validated Bearer tokens in memory (app/auth_cache.c) and
-- trusts an entry only while this counter, read in the request's own
-- snapshot, still has the value it had when the token was checked: every
-- serve process sharing the database sees a revocation on its next request.
-- Triggers, not code, bump it, so no write path can forget to.
CREATE TABLE auth_epoch (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	n INTEGER NOT NULL
) STRICT;
INSERT INTO auth_epoch (id, n) VALUES (1, 0);

CREATE TRIGGER auth_epoch_token_update AFTER UPDATE ON api_tokens
BEGIN
	UPDATE auth_epoch SET n = n + 1 WHERE id = 1;
END;
CREATE TRIGGER auth_epoch_token_delete AFTER DELETE ON api_tokens
BEGIN
	UPDATE auth_epoch SET n = n + 1 WHERE id = 1;
END;
-- Login bookkeeping (failed_logins, locked_until_ms, password_hash) is not
-- part of a principal and does not move the counter.
CREATE TRIGGER auth_epoch_user_update AFTER UPDATE ON users
WHEN OLD.id IS NOT NEW.id OR OLD.username IS NOT NEW.username
	OR OLD.nama IS NOT NEW.nama OR OLD.role IS NOT NEW.role
	OR OLD.instansi_id IS NOT NEW.instansi_id OR OLD.nip IS NOT NEW.nip
	OR OLD.disabled IS NOT NEW.disabled
BEGIN
	UPDATE auth_epoch SET n = n + 1 WHERE id = 1;
END;
CREATE TRIGGER auth_epoch_user_delete AFTER DELETE ON users
BEGIN
	UPDATE auth_epoch SET n = n + 1 WHERE id = 1;
END;
CREATE TRIGGER auth_epoch_instansi_update AFTER UPDATE ON instansi
WHEN OLD.id IS NOT NEW.id OR OLD.path IS NOT NEW.path
BEGIN
	UPDATE auth_epoch SET n = n + 1 WHERE id = 1;
END;
CREATE TRIGGER auth_epoch_instansi_delete AFTER DELETE ON instansi
BEGIN
	UPDATE auth_epoch SET n = n + 1 WHERE id = 1;
END;
