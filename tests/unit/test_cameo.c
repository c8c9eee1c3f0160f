/*
 * test_cameo.c - the CAMEO table: names, Goldstein weights, quad classes
 * and PLOVER types checked by hand against the codebook and plover.md.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "attrs/cameo.h"
#include "attrs/cameo_int.h"

static void check(const char *code, double g, int quad, const char *plover)
{
	const cameo_info *c = cameo_lookup(code);
	cr_assert_not_null(c, "%s not found", code);
	cr_expect_str_eq(c->code, code);
	cr_expect_eq(c->goldstein, g, "%s goldstein %g", code, c->goldstein);
	cr_expect_eq(c->quad, quad, "%s quad %d", code, c->quad);
	if (plover)
		cr_expect(c->plover && strcmp(c->plover, plover) == 0,
		          "%s plover %s, want %s", code,
		          c->plover ? c->plover : "NULL", plover);
	else
		cr_expect_null(c->plover, "%s plover %s", code, c->plover);
}

Test(cameo, hand_checked_codes)
{
	check("044", 2.5, 1, "CONSULT");
	check("193", -10, 4, "ASSAULT");
	check("163", -8, 4, "COERCE");
	check("084", 7, 2, "RETREAT");
	check("0841", 7, 2, "RETREAT");
	check("083", 5, 2, "CONCEDE");
	check("175", -9, 4, "ASSAULT");
	check("191", -9.5, 4, "COERCE");
	check("172", -5, 4, "COERCE");
	check("161", -4, 4, "SANCTION");
	check("010", 0, 1, NULL);
	check("0233", 3.4, 1, NULL);
	check("030", 4, 1, "AGREE");
	check("057", 8, 1, "SUPPORT");
	check("061", 6.4, 2, "COOPERATE");
	check("071", 7.4, 2, "AID");
	check("090", -2, 3, "ACCUSE");
	check("112", -2, 3, "ACCUSE");
	check("1056", -5, 3, "REQUEST");
	check("120", -4, 3, "REJECT");
	check("138", -7, 3, "THREATEN");
	check("141", -6.5, 4, "PROTEST");
	check("150", -7.2, 4, "MOBILIZE");
	check("181", -9, 4, "ASSAULT");
	check("2042", -10, 4, "ASSAULT");
}

Test(cameo, names)
{
	cr_expect_str_eq(cameo_lookup("044")->name, "Meet at a 'third' location");
	cr_expect_str_eq(cameo_lookup("084")->name, "Return, release");
	cr_expect_str_eq(cameo_lookup("19")->name, "FIGHT");
}

Test(cameo, not_cameo)
{
	const char *bad[] = {"901", "174K", "", "04 ", "0440", "21",
	                     "1", "2043", "abc", "00", "000"};
	cr_expect_null(cameo_lookup(NULL));
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		cr_expect_null(cameo_lookup(bad[i]), "%s", bad[i]);
	/* A root alone is in the codebook. */
	cr_expect_not_null(cameo_lookup("04"));
}

Test(cameo, quad_of_root)
{
	int want[22] = {0, 1, 1, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3,
	                4, 4, 4, 4, 4, 4, 4, 0};
	for (int r = 0; r < 22; r++)
		cr_expect_eq(cameo_quad_of_root(r), want[r], "root %d", r);
	cr_expect_eq(cameo_quad_of_root(-1), 0);
}

Test(cameo, table_is_consistent)
{
	/* 312 codes in the codebook (wc -l codes.tsv minus the header). */
	cr_expect_eq(cameo_table_len, 312);
	for (size_t i = 0; i < cameo_table_len; i++) {
		const cameo_info *c = &cameo_table[i];
		if (i)
			cr_expect_lt(strcmp(cameo_table[i - 1].code, c->code), 0,
			             "order at %s", c->code);
		char root[3] = {c->code[0], c->code[1], 0};
		cr_expect_eq(c->quad, cameo_quad_of_root(atoi(root)), "%s", c->code);
		cr_expect(c->goldstein >= -10 && c->goldstein <= 10);
		int r = atoi(root);
		cr_expect_eq(c->plover == NULL, r <= 2, "%s plover", c->code);
		cr_expect_eq(cameo_lookup(c->code), c);
	}
}
