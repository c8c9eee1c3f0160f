/*
 * test_serve.c - the pieces of dyad serve that need no server: UTF-8
 * checking of parameter values (overlong forms, surrogates, truncated
 * sequences, NUL bytes), --listen values, and the JSON error body.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "serve/api.h"
#include "serve/server.h"
#include "util/buf.h"

static int ok(const char *s)
{
	return api_utf8_ok(s, strlen(s));
}

Test(serve, utf8)
{
	cr_assert(ok(""));
	cr_assert(ok("JPN"));
	cr_assert(ok("S\xc3\xa3o Paulo"));          /* ã */
	cr_assert(ok("\xe2\x82\xac"));              /* € */
	cr_assert(ok("\xf0\x9f\x8c\x8d"));          /* U+1F30D */
	cr_assert(!ok("\xff"));
	cr_assert(!ok("\xc0\xaf"));                 /* overlong '/' */
	cr_assert(!ok("\xe0\x80\xaf"));             /* overlong '/' */
	cr_assert(!ok("\xed\xa0\x80"));             /* U+D800, a surrogate */
	cr_assert(!ok("\xf4\x90\x80\x80"));         /* above U+10FFFF */
	cr_assert(!ok("\xe2\x82"));                 /* truncated */
	cr_assert(!ok("\xc3("));                    /* bad continuation */
	cr_assert(!api_utf8_ok("JP\0N", 4));        /* a decoded %00 */
}

static void listen_ok(const char *v, const char *host, int port)
{
	char h[64];
	int p = -1;
	cr_assert_eq(server_parse_listen(v, h, sizeof h, &p), 0, "%s", v);
	cr_assert_str_eq(h, host, "%s", v);
	cr_assert_eq(p, port, "%s", v);
}

Test(serve, listen)
{
	listen_ok("127.0.0.1:8080", "127.0.0.1", 8080);
	listen_ok("0.0.0.0:0", "0.0.0.0", 0);
	listen_ok("localhost:9000", "127.0.0.1", 9000);
	listen_ok("[::1]:8080", "::1", 8080);
	listen_ok("[fe80::1]:80", "fe80::1", 80);
	listen_ok("8081", "127.0.0.1", 8081);
	char h[64];
	int p;
	const char *bad[] = {"", ":80", "127.0.0.1:", "127.0.0.1:65536", "127.0.0.1:-1",
			     "127.0.0.1:80x", "::1:8080", "[::1]8080", "[::1]", "example.com:80",
			     "999.1.1.1:80", "[127.0.0.1:80", NULL};
	for (int i = 0; bad[i]; i++)
		cr_assert_eq(server_parse_listen(bad[i], h, sizeof h, &p), -1, "%s", bad[i]);
}

Test(serve, error_json)
{
	buf b = BUF_INIT;
	api_error_json(&b, "bad \"value\"", "from");
	buf_putc(&b, '\0');
	cr_assert_str_eq(b.data, "{\"error\":\"bad \\\"value\\\"\",\"parameter\":\"from\"}");
	buf_clear(&b);
	api_error_json(&b, "not found", NULL);
	buf_putc(&b, '\0');
	cr_assert_str_eq(b.data, "{\"error\":\"not found\"}");
	buf_clear(&b);
	api_error_json(&b, "unknown parameter", "\xff\x01x");
	buf_putc(&b, '\0');
	cr_assert_str_eq(b.data, "{\"error\":\"unknown parameter\",\"parameter\":\"\\\\xFF\\\\x01x\"}");
	buf_free(&b);
}
