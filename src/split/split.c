/*
 * split.c - a streaming sentence splitter for cleaned news text.
 *
 * One pass, no allocation: each call scans from the end of the previous
 * sentence to the next boundary. The decisions, in order:
 *  - a blank line always ends a sentence (so a headline without final
 *    punctuation followed by a blank line is a sentence of its own);
 *  - a dateline at the start of a line ("TOKYO, March 4 (Reuters) -",
 *    "WASHINGTON (AP) --") is a segment of its own, dash included;
 *  - "." "!" "?" (and runs like "..." "?!"), with any closing quotes and
 *    brackets after them, end a sentence when white space and then a
 *    plausible sentence start follow (an upper-case letter, a digit, an
 *    opening quote or bracket; never a lower-case letter or , ; :);
 *  - a single "." after an abbreviation is not a boundary: titles (Mr.
 *    Gen. Sen.) and "vs." "e.g." never end a sentence; months and "No."
 *    do not before a number; company and place abbreviations (Inc. Corp.
 *    St.), letter-period abbreviations (U.S. U.N. a.m.) and initials
 *    (J. R. R.) end one only when the next word is a typical sentence
 *    opener ("The", "He", "But", ...): "in the U.S. The talks" splits,
 *    "the U.S. Embassy" does not;
 *  - a sentence longer than SPLIT_MAX_BYTES is cut at its last white space.
 */
#include "split.h"

#include <string.h>

/* ---------------------------------------------------------------- chars */

static int is_space(unsigned char c)
{
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

static int is_upper(unsigned char c)
{
	return c >= 'A' && c <= 'Z';
}

static int is_lower(unsigned char c)
{
	return c >= 'a' && c <= 'z';
}

static int is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static int is_alpha(unsigned char c)
{
	return is_upper(c) || is_lower(c);
}

static int is_closer(unsigned char c)
{
	return c == '"' || c == '\'' || c == ')' || c == ']' || c == '}';
}

/* ---------------------------------------------------------------- word lists */

/* Abbreviations that are never the end of a sentence (a name follows). */
static const char *const abbr_title[] = {
	"Mr", "Mrs", "Ms", "Messrs", "Mmes", "Mme", "Mlle", "Dr", "Drs", "Prof",
	"Gen", "Gens", "Lt", "Col", "Maj", "Capt", "Cpt", "Sgt", "Adm", "Cmdr",
	"Cdr", "Brig", "Cpl", "Pvt", "Sen", "Sens", "Rep", "Reps", "Gov", "Govs",
	"Pres", "Amb", "Rev", "Hon", "Fr", "Msgr", "Supt", "Insp", "Det", "Mt",
	"Ft", "Sr", "Sra", "Srta", "Lieut", "Cmdt", "Atty", "Gov", "Rt", "Vs",
	"vs", "v", "viz", "cf", "approx", "ca", "e.g", "i.e", "Ph.D",
	NULL
};

/* Abbreviations that do not end a sentence before a number. */
static const char *const abbr_number[] = {
	"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct",
	"Nov", "Dec", "No", "Nos", "no", "Vol", "vol", "Art", "art", "Fig",
	"fig", "pp", "p", "Ch", "ch", "Sec", "sec", "Para", "para", "Nr", "Op",
	NULL
};

/* Abbreviations that may end a sentence (decided by the next word). */
static const char *const abbr_ambiguous[] = {
	"Inc", "Corp", "Co", "Ltd", "Bros", "Plc", "PLC", "LLC", "Jr", "St",
	"Ave", "Blvd", "Rd", "Dept", "Univ", "Assn", "Intl", "Govt", "etc",
	"Calif", "Conn", "Fla", "Ill", "Mass", "Mich", "Minn", "Tenn", "Tex",
	"Va", "Wash", "Wis", "Ariz", "Colo", "Ga", "Ky", "La", "Md", "Mo",
	"Nev", "Okla", "Ore", "Pa", "Penn", "Del", "Ala", "Ark", "Kan", "Neb",
	"est", "Est", "min", "Ref",
	NULL
};

/* Capitalised words that usually open a sentence rather than continue a
 * name; an ambiguous abbreviation followed by one of these ends its
 * sentence. */
static const char *const openers[] = {
	"The", "A", "An", "This", "That", "These", "Those", "He", "She", "It",
	"They", "We", "I", "You", "His", "Her", "Its", "Their", "Our", "My",
	"Your", "But", "And", "Or", "So", "Yet", "In", "On", "At", "For",
	"With", "By", "From", "To", "As", "If", "When", "While", "After",
	"Before", "Although", "Though", "Because", "Since", "Meanwhile",
	"However", "Still", "Also", "There", "Here", "What", "Who", "Why",
	"How", "Where", "Which", "Some", "Many", "Most", "Several", "Both",
	"All", "Not", "Nor", "Neither", "Each", "Every", "Such", "Other",
	"Others", "Then", "Now", "Later", "Earlier", "Last", "Next", "During",
	"Under", "Over", "Despite", "According", "Officials", "Police",
	NULL
};

static int in_list(const char *const *list, const char *w, size_t n)
{
	for (; *list; list++) {
		if (strlen(*list) == n && memcmp(*list, w, n) == 0)
			return 1;
	}
	return 0;
}

/* w[0..n) is a letter-period abbreviation without its last period:
 * "U.S", "U.N", "a.m", "D.C". */
static int letters_with_periods(const char *w, size_t n)
{
	if (n < 3)
		return 0;
	for (size_t i = 0; i < n; i++) {
		if (i % 2 == 0 ? !is_alpha((unsigned char)w[i]) : w[i] != '.')
			return 0;
	}
	return n % 2 == 1;
}

int split_abbrev_kind(const char *w, size_t n)
{
	if (n == 1 && is_upper((unsigned char)w[0]))
		return SPLIT_ABBR_INITIAL;
	if (in_list(abbr_title, w, n))
		return SPLIT_ABBR_TITLE;
	if (in_list(abbr_number, w, n))
		return SPLIT_ABBR_NUMBER;
	if (in_list(abbr_ambiguous, w, n) || letters_with_periods(w, n))
		return SPLIT_ABBR_AMBIGUOUS;
	return SPLIT_ABBR_NONE;
}

/* ---------------------------------------------------------------- decisions */

/* Would the word starting at text[n] open a sentence? */
static int opener_at(const split_iter *it, size_t n)
{
	size_t e = n;
	while (e < it->len && is_alpha((unsigned char)it->text[e]))
		e++;
	return e > n && in_list(openers, it->text + n, e - n);
}

/* Is there a sentence boundary after the terminal run text[p..q), the
 * closers text[q..e) and white space up to the next word at text[n]?
 * s is where the sentence started. */
static int is_boundary(const split_iter *it, size_t s, size_t p, size_t q, size_t e,
		       size_t n)
{
	const char *t = it->text;
	if (n >= it->len)
		return 1;
	unsigned char N = (unsigned char)t[n];
	if (is_lower(N) || N == ',' || N == ';' || N == ':' || N == ')' || N == ']' ||
	    N == '}' || N == '%')
		return 0;
	/* The first real character of the next word. */
	size_t nw = n;
	while (nw < it->len && (t[nw] == '"' || t[nw] == '\'' || t[nw] == '(' || t[nw] == '['))
		nw++;
	if (nw < it->len && is_lower((unsigned char)t[nw]) && nw > n && t[n] == '(')
		return 0; /* "... (in Tokyo)" style continuation */
	if (q - p > 1 || t[p] != '.')
		return 1; /* "?", "!", "...": any plausible start ends it */
	for (size_t k = q; k < e; k++) {
		if (t[k] == '"' || t[k] == '\'')
			return 1; /* the period is inside a closing quote */
	}
	/* The word before the period, without leading quotes or brackets. */
	size_t ws = p;
	while (ws > s && !is_space((unsigned char)t[ws - 1]))
		ws--;
	while (ws < p && (t[ws] == '"' || t[ws] == '\'' || t[ws] == '(' || t[ws] == '['))
		ws++;
	size_t wn = p - ws;
	const char *w = t + ws;
	if (wn == 0)
		return 1;
	switch (split_abbrev_kind(w, wn)) {
	case SPLIT_ABBR_TITLE:
		return 0;
	case SPLIT_ABBR_NUMBER:
	case SPLIT_ABBR_AMBIGUOUS:
	case SPLIT_ABBR_INITIAL:
		return is_digit(N) ? 0 : opener_at(it, nw);
	default:
		return 1;
	}
}

/* If a dateline starts at text[s], the offset just after its dash; else 0.
 * A dateline is at most ~100 bytes of capitalised words, numbers, commas,
 * abbreviation periods and one "(Agency)" group, ended by " -" or " --"
 * (or ")-") and white space; it must start with an all-capitals word or
 * end with the "(Agency)" group. */
static size_t dateline_end(const split_iter *it, size_t s)
{
	const char *t = it->text;
	size_t lim = s + 100 < it->len ? s + 100 : it->len;
	if (s >= lim || !is_upper((unsigned char)t[s]))
		return 0;
	/* First word all capitals (letters and periods, two letters or more). */
	size_t k = s;
	int caps = 0, lower = 0;
	while (k < lim && (is_alpha((unsigned char)t[k]) || t[k] == '.')) {
		if (is_lower((unsigned char)t[k]))
			lower = 1;
		else if (is_upper((unsigned char)t[k]))
			caps++;
		k++;
	}
	int first_caps = !lower && caps >= 2;
	int words = 0, in_paren = 0, agency_last = 0, long_lower = 0;
	k = s;
	while (k < lim) {
		unsigned char c = (unsigned char)t[k];
		if (c == '\n' || c == '"' || c == ';' || c == '!' || c == '?' || c == ':')
			return 0;
		if (c == '-' && k > s && (is_space((unsigned char)t[k - 1]) || t[k - 1] == ')')) {
			size_t d = k;
			while (d < lim && t[d] == '-')
				d++;
			if (d - k > 2 || d >= it->len || !is_space((unsigned char)t[d]))
				return 0;
			if (in_paren || long_lower || words > 10)
				return 0;
			return (first_caps || agency_last) ? d : 0;
		}
		if (c == '(') {
			if (in_paren || k + 1 >= lim || !is_upper((unsigned char)t[k + 1]))
				return 0;
			in_paren = 1;
			k++;
			continue;
		}
		if (c == ')') {
			if (!in_paren)
				return 0;
			in_paren = 0;
			agency_last = 1;
			k++;
			continue;
		}
		if (is_space(c) || c == ',') {
			k++;
			continue;
		}
		/* A word. */
		size_t w0 = k;
		while (k < lim && !is_space((unsigned char)t[k]) && t[k] != ',' && t[k] != '(' &&
		       t[k] != ')')
			k++;
		if (agency_last)
			return 0; /* words after the (Agency) group */
		if (t[k - 1] == '.' && k - w0 > 5 && !first_caps)
			return 0; /* a real sentence end, not "Jan." or "U.S." */
		if (is_lower((unsigned char)t[w0]) && k - w0 > 3 && !in_paren)
			long_lower = 1;
		words++;
	}
	return 0;
}

/* Is s at the start of a line (only white space since the last newline)? */
static int at_line_start(const split_iter *it, size_t s)
{
	while (s > 0) {
		unsigned char c = (unsigned char)it->text[s - 1];
		if (c == '\n')
			return 1;
		if (!is_space(c))
			return 0;
		s--;
	}
	return 1;
}

/* ---------------------------------------------------------------- public */

void split_init(split_iter *it, const char *text, size_t len)
{
	it->text = text;
	it->len = text ? len : 0;
	it->pos = 0;
}

/* Sets *end to e less trailing white space, pos to next; returns 1. */
static int finish(split_iter *it, size_t s, size_t e, size_t next, size_t *start,
		  size_t *end)
{
	while (e > s && is_space((unsigned char)it->text[e - 1]))
		e--;
	*start = s;
	*end = e;
	it->pos = next;
	return 1;
}

int split_next(split_iter *it, size_t *start, size_t *end)
{
	const char *t = it->text;
	size_t len = it->len;
	size_t s = it->pos;
	while (s < len && is_space((unsigned char)t[s]))
		s++;
	if (s >= len) {
		it->pos = len;
		return 0;
	}
	if (at_line_start(it, s)) {
		size_t d = dateline_end(it, s);
		if (d)
			return finish(it, s, d, d, start, end);
	}
	size_t limit = s + SPLIT_MAX_BYTES < len ? s + SPLIT_MAX_BYTES : len;
	size_t i = s;
	while (i < limit) {
		unsigned char c = (unsigned char)t[i];
		if (c == '\n') {
			size_t j = i + 1;
			while (j < len && (t[j] == ' ' || t[j] == '\t' || t[j] == '\r'))
				j++;
			if (j < len && t[j] == '\n')
				return finish(it, s, i, j, start, end);
			if (j < len && dateline_end(it, j))
				return finish(it, s, i, j, start, end);
			i = j;
			continue;
		}
		if (c != '.' && c != '!' && c != '?') {
			i++;
			continue;
		}
		size_t q = i + 1;
		while (q < len && (t[q] == '.' || t[q] == '!' || t[q] == '?'))
			q++;
		size_t e = q;
		while (e < len && is_closer((unsigned char)t[e]))
			e++;
		if (e >= len)
			return finish(it, s, e, e, start, end);
		if (!is_space((unsigned char)t[e])) {
			i = q; /* "3.5", "U.S.-led", "reuters.com" */
			continue;
		}
		size_t n = e;
		while (n < len && is_space((unsigned char)t[n]))
			n++;
		if (e <= limit && is_boundary(it, s, i, q, e, n))
			return finish(it, s, e, e, start, end);
		i = q;
	}
	if (limit >= len)
		return finish(it, s, len, len, start, end);
	/* Too long: cut at the last white space, or at a character start. */
	size_t cut = limit;
	while (cut > s + SPLIT_MAX_BYTES / 2 && !is_space((unsigned char)t[cut - 1]))
		cut--;
	if (cut <= s + SPLIT_MAX_BYTES / 2) {
		cut = limit;
		while (cut > s + 1 && ((unsigned char)t[cut] & 0xC0) == 0x80)
			cut--;
	}
	return finish(it, s, cut, cut, start, end);
}
