-- 0005 outbox (PostgreSQL): see the SQLite migration for the rules.
-- Claiming: SELECT ... FOR UPDATE SKIP LOCKED then a lease, so several
-- 'wasdal serve' processes on one database never take the same message
-- while its lease holds; a lease past its time is taken again.
CREATE TABLE webhooks (
	id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	url TEXT NOT NULL CHECK (octet_length(url) BETWEEN 8 AND 511 AND url ~ '^https?://'),
	secret TEXT NOT NULL CHECK (octet_length(secret) BETWEEN 16 AND 127),
	events TEXT NOT NULL CHECK (octet_length(events) BETWEEN 1 AND 255),
	active SMALLINT NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	created_ms BIGINT NOT NULL
);

CREATE TABLE outbox (
	id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	kind TEXT NOT NULL CHECK (kind IN ('email', 'webhook')),
	event TEXT NOT NULL CHECK (octet_length(event) BETWEEN 1 AND 63),
	destination TEXT NOT NULL CHECK (octet_length(destination) BETWEEN 3 AND 511),
	webhook_id BIGINT REFERENCES webhooks(id),
	subject TEXT NOT NULL DEFAULT '' CHECK (octet_length(subject) <= 255),
	body TEXT NOT NULL CHECK (octet_length(body) <= 65535),
	dedup_key TEXT COLLATE "C" NOT NULL UNIQUE CHECK (octet_length(dedup_key) BETWEEN 1 AND 255),
	created_ms BIGINT NOT NULL,
	next_attempt_ms BIGINT NOT NULL,
	attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
	last_error TEXT NOT NULL DEFAULT '' CHECK (octet_length(last_error) <= 255),
	state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed_permanent')),
	sent_ms BIGINT,
	lease_owner TEXT CHECK (lease_owner IS NULL OR octet_length(lease_owner) <= 63),
	lease_until BIGINT,
	CHECK (kind = 'email' OR webhook_id IS NOT NULL)
);
CREATE INDEX outbox_due ON outbox(next_attempt_ms, id) WHERE state = 'pending';
CREATE INDEX outbox_state ON outbox(state, id);

ALTER TABLE users ADD COLUMN email TEXT NOT NULL DEFAULT '' CHECK (octet_length(email) <= 254);

-- The deadline scanner reads open cases by due day (app/pengingat.c).
CREATE INDEX kasus_tenggat ON kasus(tenggat_hari) WHERE tenggat_hari IS NOT NULL;
