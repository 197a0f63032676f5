/* One delivery attempt (libcurl), private to app/outbox*.c. */
#ifndef WASDAL_APP_OUTBOX_SEND_H
#define WASDAL_APP_OUTBOX_SEND_H

#include <stdint.h>
#include "store/store_outbox.h"

struct send_options {
	const char *smtp_url, *smtp_from, *from_name;
	int starttls_required;
	int64_t timeout_ms;
	int64_t now_ms;          /* Date: header, webhook timestamp */
};

struct send_result {
	int ok;
	int permanent;           /* retrying cannot help */
	long status;             /* SMTP or HTTP code, 0 when none */
	char error[256];
};

/* curl_global_init once per process. */
void outbox_send_init(void);
/* Always 0; the outcome is in *r. */
int outbox_send_mail(const struct send_options *o, const struct outbox_msg *m,
		     struct send_result *r);
int outbox_send_webhook(const struct send_options *o, const struct outbox_msg *m,
			const char *secret, struct send_result *r);

#endif
