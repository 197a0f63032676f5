#include "core/compat.h"
#include "app/cpns_publish.h"
#include "app/audit.h"
#include "core/buf.h"
#include "core/err.h"
#include "core/jsonw.h"
#include "core/xalloc.h"
#include "crypto/token.h"
#include "store/store.h"

#define BATCH 10000

void cpns_nik_hash(const char salt_hex[65], const char nik[17], char out[SHA256_HEX])
{
	struct sha256 h;
	uint8_t d[SHA256_BYTES];
	sha256_init(&h, 0);
	sha256_update(&h, salt_hex, 64);
	sha256_update(&h, nik, 16);
	sha256_final(&h, d);
	sha256_hex(d, out);
}

int cpns_publish_allowed(const struct principal *p)
{
	return p && (p->role == ROLE_ADMIN || p->role == ROLE_PANSEL);
}

static int hex64(const char *h)
{
	return h && token_is_well_formed(h);
}

static void copy(char *dst, size_t cap, const char *src)
{
	snprintf(dst, cap, "%s", src ? src : "");
}

/* Per formation: P/L count and the lowest P/L total. */
static struct cpns_formation_cut *cutoffs(const struct cpns_formasi *f, const struct cpns_peserta *p)
{
	struct cpns_formation_cut *c = xcalloc(f->n ? f->n : 1, sizeof(*c));
	for (uint32_t i = 0; i < f->n; i++) {
		c[i].formation_id = f->v[i].id;
		c[i].quota = f->v[i].quota;
		c[i].cutoff_total = -1;
	}
	for (uint32_t r = 0; r < p->n; r++) {
		const struct cpns_applicant *a = &p->v[r];
		if (a->status != CPNS_PL)
			continue;
		struct cpns_formation_cut *x = &c[a->form];
		int t = (int)cpns_total(a);
		x->pl_count++;
		if (x->cutoff_total < 0 || t < x->cutoff_total)
			x->cutoff_total = t;
	}
	return c;
}

static int audit_record(struct store *s, const struct principal *actor,
			const struct cpns_publication *pub, int64_t formations)
{
	struct buf b;
	struct jsonw w;
	char id[24];
	buf_init(&b, 4096);
	jsonw_init(&w, &b);
	jsonw_obj_begin(&w);
	jsonw_kv_str(&w, "label", pub->label);
	jsonw_kv_str(&w, "sha256_formasi", pub->sha_formasi);
	jsonw_kv_str(&w, "sha256_peserta", pub->sha_peserta);
	jsonw_kv_str(&w, "sha256_results", pub->sha_results);
	jsonw_kv_int(&w, "rows", pub->row_count);
	jsonw_kv_int(&w, "formations", formations);
	jsonw_obj_end(&w);
	snprintf(id, sizeof(id), "%" PRId64, pub->id);
	int rc = w.err ? APP_EINTERNAL :
		 audit_append(s, actor, "publish", "cpns_publication", id, b.ptr);
	buf_release(&b);
	return rc;
}

int cpns_publish(struct store *s, const struct principal *actor, const struct cpns_publish_in *in,
		 struct cpns_publish_out *out)
{
	memset(out, 0, sizeof(*out));
	if (!cpns_publish_allowed(actor))
		return APP_EPERM;
	const char *label = in->label ? in->label : "";
	struct cpns_publication pub;
	memset(&pub, 0, sizeof(pub));
	if (strlen(label) >= sizeof(pub.label) || !hex64(in->sha_formasi) ||
	    !hex64(in->sha_peserta) || !hex64(in->sha_results))
		return APP_EINVAL;
	copy(pub.label, sizeof(pub.label), label);
	copy(pub.sha_formasi, sizeof(pub.sha_formasi), in->sha_formasi);
	copy(pub.sha_peserta, sizeof(pub.sha_peserta), in->sha_peserta);
	copy(pub.sha_results, sizeof(pub.sha_results), in->sha_results);
	copy(pub.actor, sizeof(pub.actor), actor->username);
	if (token_random_hex(pub.nik_salt))
		return APP_EINTERNAL;
	const struct cpns_peserta *p = in->p;
	const struct cpns_formasi *f = in->f;
	uint32_t total = p->order ? p->norder : p->n;
	int64_t valid = 0;
	for (uint32_t k = 0; k < total; k++) {
		uint32_t r = p->order ? p->order[k] : k;
		valid += p->v[r].status != CPNS_INVALID;
	}
	pub.row_count = valid;

	struct cpns_formation_cut *cuts = cutoffs(f, p);
	struct cpns_result_row *rows = xcalloc(BATCH, sizeof(*rows));
	int rc = store_tx_begin(s, STORE_TX_WRITE);
	if (rc)
		goto out;
	rc = store_cpns_publication_insert(s, &pub);
	size_t nb = 0, done = 0;
	for (uint32_t k = 0; k < total && !rc; k++) {
		uint32_t r = p->order ? p->order[k] : k;
		const struct cpns_applicant *a = &p->v[r];
		if (a->status == CPNS_INVALID)
			continue;
		struct cpns_result_row *x = &rows[nb++];
		char nik[17];
		snprintf(nik, sizeof(nik), "%016" PRIu64, p->nik[r]);
		cpns_nik_hash(pub.nik_salt, nik, x->nik_hash);
		x->applicant_id = a->id;
		x->formation_id = f->v[a->form].id;
		x->total = a->status == CPNS_TH || a->status == CPNS_DIS ? -1 : (int)cpns_total(a);
		x->rank = (int)a->rank;
		copy(x->status, sizeof(x->status), cpns_status_code((enum cpns_status)a->status));
		if (nb == BATCH || k + 1 == total) {
			rc = store_cpns_results_insert(s, pub.id, rows, nb);
			done += nb;
			nb = 0;
			if (in->progress)
				in->progress(in->progress_ctx, done, (size_t)valid);
		}
	}
	if (!rc && nb) {
		rc = store_cpns_results_insert(s, pub.id, rows, nb);
		done += nb;
	}
	if (!rc)
		rc = store_cpns_formations_insert(s, pub.id, cuts, f->n);
	if (!rc)
		rc = audit_record(s, actor, &pub, f->n);
	if (rc) {
		store_tx_rollback(s);
		goto out;
	}
	rc = store_tx_commit(s);
	if (!rc) {
		out->id = pub.id;
		out->rows = valid;
		out->formations = f->n;
		if (in->progress)
			in->progress(in->progress_ctx, (size_t)valid, (size_t)valid);
	}
out:
	/* the salt and the hashes are no business of anyone after this */
	sodium_memzero(pub.nik_salt, sizeof(pub.nik_salt));
	free(rows);
	free(cuts);
	return rc;
}
