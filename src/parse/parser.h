/*
 * parser.h - dyad's own fast shallow parser: tagged tokens to a tree.
 *
 * Chunks noun phrases (determiners, adjectives, nouns, possessives, "of"
 * attachments, appositives, coordination), verb groups (auxiliaries, modals,
 * negation, passive voice, particles), prepositional phrases, and clauses
 * (subordinate clauses introduced by that/which/who/when/after..., and
 * comma-delimited parenthetical clauses), producing the same Treebank-shaped
 * tree the coder reads from a supplied parse. Linear time in the sentence
 * length; no allocation outside the arena.
 */
#ifndef DYAD_PARSER_H
#define DYAD_PARSER_H

#include "tree.h"

/* Parses toks[0..n) (tagged; borrowed) into *t, allocating from a. The
 * parser may correct a few tags in place so that tokens and tree agree (a
 * noun after a modal becomes a verb, ...); see parser.c. NPs that only
 * name a time are flagged TREE_F_TEMPORAL, as the Treebank's NP-TMP. */
void parse_sentence(arena *a, tok_token *toks, int32_t n, tree *t);

#endif
