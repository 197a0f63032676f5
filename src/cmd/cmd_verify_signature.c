#include "core/compat.h"
#include "cmd/cmd.h"
#include "app/declaration.h"
#include "crypto/token.h"
#include "core/buf.h"
#include "core/err.h"
#include <time.h>

static int read_file(const char *path, struct buf *out)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		cmd_error(M_CANNOT_OPEN, path, strerror(errno));
		return -1;
	}
	char chunk[65536];
	size_t n;
	int rc = 0;
	while (!rc && (n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		rc = buf_add(out, chunk, n);
	if (ferror(f))
		rc = -1;
	fclose(f);
	return rc;
}

static void print_fields(const struct declaration *d)
{
	char when[32];
	time_t t = (time_t)(d->signed_at_ms / 1000);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(when, sizeof(when), "%Y-%m-%d %H:%M:%S UTC", &tm);
	printf("  %-18s %s\n", msgc(M_DECL_FIELD_INSTANSI), d->instansi_kode);
	printf("  %-18s %" PRId64 "\n", msgc(M_DECL_FIELD_CAMPAIGN), d->campaign_id);
	printf("  %-18s %s\n", "NIP", d->nip);
	printf("  %-18s %s\n", msgc(M_DECL_FIELD_SIGNED_AT), when);
	printf("  %-18s %s\n", msgc(M_DECL_FIELD_DOC), d->doc_sha256);
}

int cmd_verify_signature(int argc, char **argv)
{
	const char *pubkey = NULL, *document = NULL, *payload = NULL;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--pubkey") || !strcmp(argv[i], "--document")) {
			if (i + 1 >= argc) {
				cmd_error(M_MISSING_ARG, argv[i]);
				return cmd_usage("verify-signature");
			}
			if (argv[i][2] == 'p')
				pubkey = argv[++i];
			else
				document = argv[++i];
		} else if (argv[i][0] == '-') {
			cmd_error(M_UNKNOWN_OPTION, argv[i]);
			return cmd_usage("verify-signature");
		} else if (!payload) {
			payload = argv[i];
		} else {
			return cmd_usage("verify-signature");
		}
	}
	if (!pubkey || !payload)
		return cmd_usage("verify-signature");

	uint8_t pk[SIGN_PUBLIC_BYTES];
	if (hex_decode(pk, sizeof(pk), pubkey, strlen(pubkey))) {
		cmd_error(M_DECL_BAD_PUBKEY);
		return EXIT_USAGE;
	}
	struct declaration d;
	int rc = declaration_parse(payload, strlen(payload), &d);
	if (rc) {
		printf("%s\n", msgc(rc));
		return EXIT_CHECK_FAILED;
	}
	if (declaration_verify(&d, pk)) {
		printf("%s\n", msgc(M_DECL_FORGED));
		return EXIT_CHECK_FAILED;
	}
	if (document) {
		struct buf text;
		buf_init(&text, 16u << 20);
		if (read_file(document, &text)) {
			buf_release(&text);
			return EXIT_USAGE;
		}
		char h[65];
		token_sha256_hex(text.ptr, text.len, h);
		buf_release(&text);
		if (strcmp(h, d.doc_sha256)) {
			printf("%s\n", msgc(M_DECL_DOC_CHANGED));
			print_fields(&d);
			return EXIT_CHECK_FAILED;
		}
	}
	printf("%s\n", msgc(M_DECL_GENUINE));
	print_fields(&d);
	return EXIT_OK;
}
