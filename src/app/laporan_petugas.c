/* The officer's side of a citizen report that this area owns: messages to
 * the reporter, evidence downloads, the custodian opening a sealed
 * identity, and the oversight key itself (see laporan.h). The case
 * workflow (stages, queues) is the kasus area's. */
#include "core/compat.h"
#include "app/audit.h"
#include "app/bukti.h"
#include "app/laporan_int.h"
#include "core/err.h"
#include "core/jsonw.h"
#include "crypto/seal.h"
#include <sodium.h>
#include <unistd.h>

/* National scope: the root of the instansi tree ("/<id>/") or the CLI's
 * "/". A case not yet linked to an instansi is seen only from there. */
static int national(const struct principal *p)
{
	const char *s = p->scope_path;
	if (!strcmp(s, "/"))
		return 1;
	int slashes = 0;
	for (; *s; s++)
		slashes += *s == '/';
	return slashes == 2 && p->scope_path[0] == '/';
}

int laporan_petugas_boleh(const struct principal *p, const struct kasus *k)
{
	switch (p->role) {
	case ROLE_ADMIN:
	case ROLE_BKN:
	case ROLE_BAWASLU:
	case ROLE_CUSTODIAN:
	case ROLE_AUDITOR:
		break;
	default:
		return 0;
	}
	if (!k->instansi_path[0])
		return national(p);
	return principal_sees_path(p, k->instansi_path);
}

int laporan_get_petugas(struct store *s, const struct principal *p, const char *nomor,
			struct kasus *out)
{
	int rc = store_kasus_get_by_nomor(s, nomor ? nomor : "", out);
	if (rc)
		return rc;
	if (!laporan_petugas_boleh(p, out))
		return APP_ENOTFOUND;
	return 0;
}

int laporan_pesan_petugas(struct store *s, const struct principal *p, const char *nomor,
			  const char *isi, struct kasus_pesan *out)
{
	if (p->role != ROLE_ADMIN && p->role != ROLE_BKN && p->role != ROLE_BAWASLU)
		return APP_EPERM;
	if (!isi || laporan_blank(isi) || strlen(isi) >= KASUS_PESAN_MAX || !laporan_clean_text(isi, 1))
		return APP_EINVAL;
	struct kasus *k = calloc(1, sizeof(*k));
	if (!k)
		return APP_ENOMEM;
	int rc = store_tx_begin(s, STORE_TX_WRITE);
	if (!rc) {
		rc = laporan_get_petugas(s, p, nomor, k);
		memset(out, 0, sizeof(*out));
		out->kasus_id = k->id;
		snprintf(out->dari, sizeof(out->dari), "petugas");
		out->user_id = p->user_id;
		snprintf(out->petugas_nama, sizeof(out->petugas_nama), "%s", p->nama[0] ? p->nama : p->username);
		snprintf(out->isi, sizeof(out->isi), "%s", isi);
		if (!rc)
			rc = store_kasus_pesan_insert(s, out);
		if (!rc) {
			char diff[64];
			snprintf(diff, sizeof(diff), "{\"pesan\":%lld}", (long long)out->id);
			rc = audit_append(s, p, "laporan.pesan_petugas", "kasus", k->nomor, diff);
		}
		if (!rc)
			rc = store_tx_commit(s);
		else
			store_tx_rollback(s);
	}
	free(k);
	return rc;
}

int laporan_bukti_petugas(struct store *s, const struct principal *p, const char *nomor,
			  int64_t bukti_id, struct kasus_bukti *out, int *fd)
{
	*fd = -1;
	struct kasus *k = calloc(1, sizeof(*k));
	if (!k)
		return APP_ENOMEM;
	int rc = store_tx_begin(s, STORE_TX_READ);
	if (!rc) {
		rc = laporan_get_petugas(s, p, nomor, k);
		if (!rc)
			rc = store_kasus_bukti_get(s, k->id, bukti_id, out);
		store_tx_rollback(s);
	}
	free(k);
	if (rc)
		return rc;
	int f = bukti_open(out->sha256);
	if (f < 0)
		return f;
	*fd = f;
	return 0;
}

static void key_from_row(const struct kunci_pengawas *row, struct sealed_keypair *k)
{
	memset(k, 0, sizeof(*k));
	snprintf(k->public_hex, sizeof(k->public_hex), "%s", row->public_hex);
	snprintf(k->secret_box_hex, sizeof(k->secret_box_hex), "%s", row->secret_box_hex);
	snprintf(k->nonce_hex, sizeof(k->nonce_hex), "%s", row->nonce_hex);
	snprintf(k->kdf_salt_hex, sizeof(k->kdf_salt_hex), "%s", row->kdf_salt_hex);
	k->kdf_ops = row->kdf_ops;
	k->kdf_mem = row->kdf_mem;
}

int laporan_buka_identitas(struct store *s, const struct principal *p, const char *nomor,
			   const char *alasan, const char *passphrase,
			   struct laporan_identitas *out)
{
	memset(out, 0, sizeof(*out));
	if (p->role != ROLE_CUSTODIAN)
		return APP_EPERM;
	if (!alasan || laporan_blank(alasan) || strlen(alasan) >= KASUS_ALASAN_MAX ||
	    !laporan_clean_text(alasan, 0))
		return APP_EINVAL;
	struct kasus *k = calloc(1, sizeof(*k));
	if (!k)
		return APP_ENOMEM;
	struct kunci_pengawas row;
	int rc = store_tx_begin(s, STORE_TX_READ);
	if (!rc) {
		rc = laporan_get_petugas(s, p, nomor, k);
		if (!rc && !k->identitas_sealed[0])
			rc = APP_EINVAL; /* anonim: nothing was ever stored */
		if (!rc)
			rc = store_kunci_pengawas_get(s, k->identitas_kunci_id, &row);
		store_tx_rollback(s);
	}
	if (rc) {
		free(k);
		return rc;
	}
	/* Unlocking costs an Argon2id derivation: done outside any
	 * transaction. */
	struct sealed_keypair key;
	unsigned char sk[32];
	char plain[1024];
	size_t plen = 0;
	key_from_row(&row, &key);
	rc = seal_keypair_unlock(&key, passphrase, passphrase ? strlen(passphrase) : 0, sk);
	if (!rc) {
		rc = seal_open(key.public_hex, sk, k->identitas_sealed, plain, sizeof(plain), &plen);
		sodium_memzero(sk, sizeof(sk));
		if (!rc)
			rc = laporan_parse_identity(plain, out);
		sodium_memzero(plain, sizeof(plain));
	}
	if (rc == APP_EPERM) {
		/* A wrong passphrase is recorded too: someone tried. */
		if (!store_tx_begin(s, STORE_TX_WRITE)) {
			if (audit_append(s, p, "laporan.identitas_gagal", "kasus", k->nomor, NULL) ||
			    store_tx_commit(s))
				store_tx_rollback(s);
		}
		free(k);
		return APP_EPERM;
	}
	if (!rc) {
		struct kasus_identitas_akses a = { 0 };
		a.kasus_id = k->id;
		a.user_id = p->user_id;
		snprintf(a.petugas_nama, sizeof(a.petugas_nama), "%s", p->nama[0] ? p->nama : p->username);
		snprintf(a.alasan, sizeof(a.alasan), "%s", alasan);
		rc = store_tx_begin(s, STORE_TX_WRITE);
		if (!rc) {
			rc = store_kasus_akses_insert(s, &a);
			if (!rc) {
				struct buf b;
				struct jsonw w;
				buf_init(&b, 2048);
				jsonw_init(&w, &b);
				jsonw_obj_begin(&w);
				jsonw_kv_str(&w, "alasan", alasan);
				jsonw_kv_int(&w, "akses", a.id);
				jsonw_obj_end(&w);
				rc = audit_append(s, p, "laporan.identitas_dibuka", "kasus", k->nomor, b.ptr);
				buf_release(&b);
			}
			if (!rc)
				rc = store_tx_commit(s);
			else
				store_tx_rollback(s);
		}
	}
	if (rc)
		sodium_memzero(out, sizeof(*out));
	free(k);
	return rc;
}

int laporan_kunci_buat(struct store *s, const struct principal *actor, const char *passphrase,
		       struct kunci_pengawas *out)
{
	struct sealed_keypair k;
	memset(out, 0, sizeof(*out));
	int rc = seal_keypair_create(passphrase, passphrase ? strlen(passphrase) : 0, &k);
	if (rc)
		return rc;
	snprintf(out->public_hex, sizeof(out->public_hex), "%s", k.public_hex);
	snprintf(out->secret_box_hex, sizeof(out->secret_box_hex), "%s", k.secret_box_hex);
	snprintf(out->nonce_hex, sizeof(out->nonce_hex), "%s", k.nonce_hex);
	snprintf(out->kdf_salt_hex, sizeof(out->kdf_salt_hex), "%s", k.kdf_salt_hex);
	out->kdf_ops = k.kdf_ops;
	out->kdf_mem = k.kdf_mem;
	if ((rc = store_tx_begin(s, STORE_TX_WRITE)))
		return rc;
	rc = store_kunci_pengawas_insert(s, out);
	if (!rc) {
		char diff[128];
		snprintf(diff, sizeof(diff), "{\"public_hex\":\"%s\"}", out->public_hex);
		char id[24];
		snprintf(id, sizeof(id), "%lld", (long long)out->id);
		rc = audit_append(s, actor, "kunci_pengawas.buat", "kunci_pengawas", id, diff);
	}
	if (!rc)
		return store_tx_commit(s);
	store_tx_rollback(s);
	return rc;
}
