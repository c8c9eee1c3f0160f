/*
 * mkcorpus.c - writes a deterministic benchmark corpus of news-like
 * documents as JSON Lines, from templates and vocabulary written here.
 *
 *   mkcorpus SENTENCES [SEED] > corpus.jsonl
 *
 * Each document has 8 to 24 sentences of 12 to 45 words in wire style:
 * actors from many countries, diplomatic, economic and violent events,
 * attributions, dates and places, so the tokenizer, tagger, parser and
 * coder all do real work. Nothing is repeated verbatim on purpose, but the
 * coder caches nothing anyway.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const char *const actors[] = {
	"Japan", "North Korea", "South Korea", "China", "Russia", "the United States",
	"France", "Germany", "Britain", "India", "Pakistan", "Iran", "Iraq", "Syria",
	"Israel", "Turkey", "Egypt", "Saudi Arabia", "Ukraine", "Poland", "Brazil",
	"Mexico", "Colombia", "Venezuela", "Nigeria", "Kenya", "Ethiopia", "Sudan",
	"South Africa", "Indonesia", "the Philippines", "Vietnam", "Thailand",
	"Afghanistan", "Lebanon", "Jordan", "Libya", "Somalia", "Mali", "Canada",
	"Australia", "Italy", "Spain", "Greece", "Serbia", "Georgia", "Armenia",
	"Azerbaijan", "Kazakhstan", "Myanmar",
};
static const char *const adjectives[] = {
	"Japanese", "North Korean", "South Korean", "Chinese", "Russian", "American",
	"French", "German", "British", "Indian", "Pakistani", "Iranian", "Iraqi",
	"Syrian", "Israeli", "Turkish", "Egyptian", "Saudi", "Ukrainian", "Polish",
	"Brazilian", "Mexican", "Colombian", "Venezuelan", "Nigerian", "Kenyan",
	"Ethiopian", "Sudanese", "Indonesian", "Philippine", "Vietnamese", "Thai",
	"Afghan", "Lebanese", "Jordanian", "Libyan", "Somali", "Malian", "Canadian",
	"Australian", "Italian", "Spanish", "Greek", "Serbian", "Georgian",
};
static const char *const roles[] = {
	"officials", "foreign minister", "defence minister", "president", "prime minister",
	"troops", "police", "rebels", "protesters", "lawmakers", "diplomats",
	"government", "military", "opposition leaders", "envoy", "ambassador",
	"security forces", "militants", "students", "farmers", "business leaders",
};
static const char *const places[] = {
	"Geneva", "Vienna", "New York", "Brussels", "Beijing", "Moscow", "Tokyo",
	"Seoul", "Cairo", "Istanbul", "Nairobi", "Jakarta", "Hanoi", "Kabul",
	"Baghdad", "Damascus", "Tehran", "Doha", "Riyadh", "Addis Ababa", "Bogota",
	"Caracas", "Kiev", "Warsaw", "Paris", "Berlin", "London", "New Delhi",
	"Islamabad", "Manila", "Bangkok", "the border region", "the capital",
};
static const char *const times[] = {
	"on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday",
	"on Saturday", "on Sunday", "last week", "earlier this month", "in March",
	"late on Tuesday", "this year", "in 2012", "a month ago", "overnight",
};
static const char *const verbs_dyadic[] = {
	"met", "held talks with", "accused", "criticised", "praised", "condemned",
	"threatened", "warned", "urged", "thanked", "welcomed", "rejected",
	"signed an agreement with", "imposed sanctions on", "sent aid to",
	"attacked", "shelled", "expelled diplomats from", "called on",
	"agreed to cooperate with", "invited", "visited", "hosted",
	"demanded an apology from", "denied reports of talks with", "mediated between",
	"pledged support for", "cut ties with", "restored relations with",
	"deployed troops near", "arrested citizens of", "released prisoners to",
};
static const char *const objects[] = {
	"over its nuclear programme", "on trade and investment",
	"for violating the ceasefire", "about the disputed islands",
	"on the release of detained fishermen", "over a missile test",
	"after a deadly border clash", "to resolve the crisis peacefully",
	"over human rights abuses", "on energy cooperation",
	"in an effort to ease tensions", "amid growing concern about refugees",
	"despite strong objections from neighbouring states",
	"for the first time in three years", "during a two-day summit",
};
static const char *const sayers[] = {
	"a senior official said", "the foreign ministry said in a statement",
	"state media reported", "according to a government spokesman",
	"diplomats said", "the agency quoted a military source as saying",
	"officials told reporters", "analysts said",
};

static uint64_t rng_state;

static uint32_t rnd(uint32_t n)
{
	rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (uint32_t)(rng_state >> 33) % n;
}

#define PICK(a) ((a)[rnd((uint32_t)N(a))])

static void actor_phrase(char *out, size_t n)
{
	switch (rnd(4)) {
	case 0:
		snprintf(out, n, "%s", PICK(actors));
		break;
	case 1:
		snprintf(out, n, "%s %s", PICK(adjectives), PICK(roles));
		break;
	case 2:
		snprintf(out, n, "the %s %s", PICK(adjectives), PICK(roles));
		break;
	default:
		snprintf(out, n, "%s and %s", PICK(actors), PICK(actors));
		break;
	}
}

static void sentence(char *out, size_t n)
{
	char a[128], b[128];
	actor_phrase(a, sizeof a);
	actor_phrase(b, sizeof b);
	a[0] = (char)(a[0] >= 'a' && a[0] <= 'z' ? a[0] - 32 : a[0]);
	switch (rnd(6)) {
	case 0:
		snprintf(out, n, "%s %s %s in %s %s %s.", a, PICK(verbs_dyadic), b,
			 PICK(places), PICK(times), PICK(objects));
		break;
	case 1:
		snprintf(out, n, "%s %s %s %s, %s.", a, PICK(verbs_dyadic), b,
			 PICK(objects), PICK(sayers));
		break;
	case 2:
		snprintf(out, n, "%s said %s %s %s %s.", a, b, PICK(verbs_dyadic),
			 PICK(actors), PICK(times));
		break;
	case 3:
		snprintf(out, n, "In %s, %s %s %s %s, the latest sign of strain between the two "
			 "sides since talks collapsed.", PICK(places), b, PICK(verbs_dyadic),
			 PICK(actors), PICK(objects));
		break;
	case 4:
		snprintf(out, n, "\\\"We will not accept this,\\\" %s told reporters %s, "
			 "after %s %s %s.", PICK(sayers) + 0, PICK(times), a,
			 PICK(verbs_dyadic), b);
		break;
	default:
		snprintf(out, n, "%s, which %s %s %s, %s %s %s.", a, PICK(verbs_dyadic),
			 PICK(actors), PICK(times), PICK(verbs_dyadic), b, PICK(objects));
		break;
	}
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: mkcorpus SENTENCES [SEED]\n");
		return 2;
	}
	long want = strtol(argv[1], NULL, 10);
	rng_state = argc > 2 ? strtoull(argv[2], NULL, 10) : 20141129;
	long done = 0, doc = 0;
	char s[1024];
	while (done < want) {
		int ns = 8 + (int)rnd(17);
		printf("{\"id\":\"bench-%06ld\",\"date\":\"2014-%02u-%02u\",\"text\":\"",
		       doc++, 1 + rnd(12), 1 + rnd(28));
		for (int i = 0; i < ns && done < want; i++, done++) {
			sentence(s, sizeof s);
			fputs(s, stdout);
			fputs(i % 4 == 3 ? "\\n\\n" : " ", stdout);
		}
		fputs("\"}\n", stdout);
	}
	return ferror(stdout) ? 1 : 0;
}
