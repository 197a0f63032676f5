/* Loads data/ref/<name>.csv (embedded) into small static tables, once. The files
 * are part of the binary, so a malformed one is a build bug: the unit test
 * test_registry_validate checks they load, and here we abort loudly. */
#include "core/compat.h"
#include "app/reference.h"
#include "core/csv.h"
#include "core/embedded.h"
#include "core/log.h"
#include <pthread.h>
#include <strings.h>

#define REF_MAX 64

static struct ref_golongan golongan[REF_MAX];
static size_t n_golongan;
static struct ref_item jabatan[REF_MAX], jenjang[REF_MAX], status[REF_MAX];
static size_t n_jabatan, n_jenjang, n_status;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void copy_field(char *dst, size_t cap, const struct csv_reader *r, size_t i,
		       const char *file)
{
	size_t n;
	const char *v = csv_field(r, i, &n);
	if (n >= cap) {
		log_error("%s: field too long", file);
		abort();
	}
	memcpy(dst, v, n);
	dst[n] = '\0';
}

static int field_int(const struct csv_reader *r, size_t i)
{
	const char *v = csv_field(r, i, NULL);
	char *end;
	long x = strtol(v, &end, 10);
	return (*v && !*end && x >= 0 && x < 1000) ? (int)x : -1;
}

/* Calls row(r) for each data row of an embedded CSV with ncols columns. */
static void load(const char *path, size_t ncols, void (*row)(const struct csv_reader *r))
{
	const struct embedded_file *f = embedded_find(path);
	if (!f) {
		log_error("%s: not embedded", path);
		abort();
	}
	struct csv_reader r;
	csv_reader_init_mem(&r, f->data, f->len);
	int header = 1, rc;
	while ((rc = csv_read_row(&r)) == CSV_ROW) {
		if (csv_nfields(&r) != ncols) {
			log_error("%s:%lld: %zu fields, want %zu", path, (long long)r.row_line,
				  csv_nfields(&r), ncols);
			abort();
		}
		if (header) {
			header = 0;
			continue;
		}
		row(&r);
	}
	if (rc != CSV_EOF) {
		log_error("%s:%lld: malformed", path, (long long)r.err_line);
		abort();
	}
	csv_reader_release(&r);
}

static void check_room(size_t n, const char *what)
{
	if (n >= REF_MAX) {
		log_error("%s: more than %d rows", what, REF_MAX);
		abort();
	}
}

static void golongan_row(const struct csv_reader *r)
{
	check_room(n_golongan, "golongan.csv");
	struct ref_golongan *g = &golongan[n_golongan++];
	copy_field(g->jenis_asn, sizeof(g->jenis_asn), r, 0, "golongan.csv");
	copy_field(g->golongan, sizeof(g->golongan), r, 1, "golongan.csv");
	copy_field(g->pangkat, sizeof(g->pangkat), r, 2, "golongan.csv");
	copy_field(g->kode, sizeof(g->kode), r, 3, "golongan.csv");
	g->tingkat = field_int(r, 4);
}

static void item_row(struct ref_item *tab, size_t *n, const struct csv_reader *r,
		     const char *file, int with_kelompok)
{
	check_room(*n, file);
	struct ref_item *it = &tab[(*n)++];
	copy_field(it->kode, sizeof(it->kode), r, 0, file);
	copy_field(it->nama, sizeof(it->nama), r, 1, file);
	if (with_kelompok) {
		copy_field(it->kelompok, sizeof(it->kelompok), r, 2, file);
		it->flag = field_int(r, 3);
	}
}

static void jabatan_row(const struct csv_reader *r) { item_row(jabatan, &n_jabatan, r, "jabatan.csv", 1); }
static void jenjang_row(const struct csv_reader *r) { item_row(jenjang, &n_jenjang, r, "jenjang.csv", 1); }
static void status_row(const struct csv_reader *r) { item_row(status, &n_status, r, "status_pegawai.csv", 0); }

static void load_all(void)
{
	load("data/ref/golongan.csv", 5, golongan_row);
	load("data/ref/jabatan.csv", 4, jabatan_row);
	load("data/ref/jenjang.csv", 4, jenjang_row);
	load("data/ref/status_pegawai.csv", 2, status_row);
}

static void ensure(void)
{
	pthread_once(&once, load_all);
}

const struct ref_golongan *ref_golongan_find(const char *jenis_asn, const char *gol)
{
	ensure();
	if (!jenis_asn || !gol)
		return NULL;
	/* the golongan first: it tells the rows apart, the jenis only
	 * halves them (an import asks once per row) */
	for (size_t i = 0; i < n_golongan; i++)
		if (!strcasecmp(golongan[i].golongan, gol) &&
		    !strcasecmp(golongan[i].jenis_asn, jenis_asn))
			return &golongan[i];
	return NULL;
}

size_t ref_golongan_list(const struct ref_golongan **out)
{
	ensure();
	*out = golongan;
	return n_golongan;
}

static const struct ref_item *find_item(const struct ref_item *tab, size_t n, const char *kode)
{
	if (!kode)
		return NULL;
	for (size_t i = 0; i < n; i++)
		if (!strcasecmp(tab[i].kode, kode))
			return &tab[i];
	return NULL;
}

const struct ref_item *ref_jabatan_find(const char *kode) { ensure(); return find_item(jabatan, n_jabatan, kode); }
const struct ref_item *ref_jenjang_find(const char *kode) { ensure(); return find_item(jenjang, n_jenjang, kode); }
const struct ref_item *ref_status_find(const char *kode) { ensure(); return find_item(status, n_status, kode); }
size_t ref_jabatan_list(const struct ref_item **out) { ensure(); *out = jabatan; return n_jabatan; }
size_t ref_jenjang_list(const struct ref_item **out) { ensure(); *out = jenjang; return n_jenjang; }
size_t ref_status_list(const struct ref_item **out) { ensure(); *out = status; return n_status; }
