/*
 * mklexicon.c - build-time tool: compiles the part-of-speech lexicon.
 * (Placeholder format until the tagger's lexicon lands: an empty blob.)
 */
#include <stdio.h>

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: mklexicon WORDNET_DIR LEXICON_DIR OUT.c\n");
		return 2;
	}
	FILE *out = fopen(argv[3], "w");
	if (!out) {
		perror(argv[3]);
		return 1;
	}
	fprintf(out, "#include <stddef.h>\nconst char dyad_lexicon_blob[] = {0};\n"
		     "const size_t dyad_lexicon_size = 0;\n");
	return fclose(out) != 0;
}
