/*
 * test_web.c - web_find: the dashboard's embedded files by URL path, their
 * content types, and the paths that name nothing.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "serve/web.h"

Test(web, root_is_index_html)
{
	const web_file *f = web_find("/");
	cr_assert_not_null(f);
	cr_expect_str_eq(f->path, "/index.html");
	cr_expect_str_eq(f->type, "text/html; charset=utf-8");
	cr_expect(f->len > 100, "index.html has %zu bytes", f->len);
	cr_expect(strncmp(f->data, "<!doctype html>", 15) == 0);
	cr_expect_eq(strlen(f->data), f->len);
	cr_expect_eq(web_find("/index.html"), f);
	cr_expect_eq(web_find("/?source=USA"), f);
	cr_expect_eq(web_find("/index.html?x=1"), f);
}

Test(web, types_by_extension)
{
	const web_file *js = web_find("/app.js");
	cr_assert_not_null(js);
	cr_expect_str_eq(js->type, "text/javascript; charset=utf-8");
	cr_expect(strstr(js->data, "/api/series") != NULL);
	const web_file *css = web_find("/style.css");
	cr_assert_not_null(css);
	cr_expect_str_eq(css->type, "text/css; charset=utf-8");
}

Test(web, absent_paths)
{
	cr_expect_null(web_find(NULL));
	cr_expect_null(web_find(""));
	cr_expect_null(web_find("index.html"));
	cr_expect_null(web_find("/index.htm"));
	cr_expect_null(web_find("/index.html/"));
	cr_expect_null(web_find("/Index.html"));
	cr_expect_null(web_find("//index.html"));
	cr_expect_null(web_find("/../web/index.html"));
	cr_expect_null(web_find("/web/app.js"));
	cr_expect_null(web_find("/api/health"));
}

Test(web, uplot_and_its_license)
{
	if (!web_has_charts())
		cr_skip_test("built without npm uplot: the dashboard has no charts");
	const web_file *js = web_find("/uPlot.iife.min.js");
	cr_assert_not_null(js);
	cr_expect_str_eq(js->type, "text/javascript; charset=utf-8");
	cr_expect(strstr(js->data, "uPlot") != NULL);
	const web_file *css = web_find("/uPlot.min.css");
	cr_assert_not_null(css);
	cr_expect_str_eq(css->type, "text/css; charset=utf-8");
	const web_file *lic = web_find("/uplot.LICENSE");
	cr_assert_not_null(lic);
	cr_expect_str_eq(lic->type, "text/plain; charset=utf-8");
	cr_expect(strstr(lic->data, "The MIT License") != NULL);
	cr_expect(strstr(lic->data, "Leon Sorokin") != NULL);
}
