-- 0005 outbox (SQLite): notifications (e-mail, webhooks) queued inside the
-- transaction of the change they announce and drained by the server
-- (app/outbox.c). A row is never deleted: sent and failed messages stay
-- visible to the admin ('wasdal outbox daftar').
-- dedup_key makes an enqueue idempotent: a reminder enqueued twice (two
-- scanners, a rerun) is one row.
-- Claiming: a sender sets lease_owner/lease_until under BEGIN IMMEDIATE;
-- a lease past its time (a crashed sender) may be taken again.
CREATE TABLE webhooks (
	id INTEGER PRIMARY KEY,
	url TEXT NOT NULL CHECK (length(CAST(url AS BLOB)) BETWEEN 8 AND 511
		AND (url GLOB 'http://*' OR url GLOB 'https://*')),
	secret TEXT NOT NULL CHECK (length(CAST(secret AS BLOB)) BETWEEN 16 AND 127),
	-- comma-separated event kinds, a kind ending in '*' is a prefix, '*' is all
	events TEXT NOT NULL CHECK (length(CAST(events AS BLOB)) BETWEEN 1 AND 255),
	active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	created_ms INTEGER NOT NULL
) STRICT;

CREATE TABLE outbox (
	id INTEGER PRIMARY KEY,
	kind TEXT NOT NULL CHECK (kind IN ('email', 'webhook')),
	event TEXT NOT NULL CHECK (length(CAST(event AS BLOB)) BETWEEN 1 AND 63),
	-- an e-mail address, or the webhook URL at enqueue time
	destination TEXT NOT NULL CHECK (length(CAST(destination AS BLOB)) BETWEEN 3 AND 511),
	webhook_id INTEGER REFERENCES webhooks(id),
	subject TEXT NOT NULL DEFAULT '' CHECK (length(CAST(subject AS BLOB)) <= 255),
	-- e-mail: the text body; webhook: the JSON payload
	body TEXT NOT NULL CHECK (length(CAST(body AS BLOB)) <= 65535),
	dedup_key TEXT NOT NULL UNIQUE CHECK (length(CAST(dedup_key AS BLOB)) BETWEEN 1 AND 255),
	created_ms INTEGER NOT NULL,
	next_attempt_ms INTEGER NOT NULL,
	attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
	last_error TEXT NOT NULL DEFAULT '' CHECK (length(CAST(last_error AS BLOB)) <= 255),
	state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed_permanent')),
	sent_ms INTEGER,
	lease_owner TEXT CHECK (lease_owner IS NULL OR length(CAST(lease_owner AS BLOB)) <= 63),
	lease_until INTEGER,
	CHECK (kind = 'email' OR webhook_id IS NOT NULL)
) STRICT;
CREATE INDEX outbox_due ON outbox(next_attempt_ms, id) WHERE state = 'pending';
CREATE INDEX outbox_state ON outbox(state, id);

-- Where reminders go: an account's e-mail address ('' = none).
ALTER TABLE users ADD COLUMN email TEXT NOT NULL DEFAULT ''
	CHECK (length(CAST(email AS BLOB)) <= 254);

-- The deadline scanner reads open cases by due day (app/pengingat.c).
CREATE INDEX kasus_tenggat ON kasus(tenggat_hari) WHERE tenggat_hari IS NOT NULL;
