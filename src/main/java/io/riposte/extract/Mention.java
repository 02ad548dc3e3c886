package io.riposte.extract;

/**
 * An actor mention on tokens {@code [from, to)}.
 *
 * @param actor the actor it names, or null when unresolved
 * @param kind NAME (gazetteer name, alias or metonym), STATE (demonym or possessive with a state
 *     noun), GROUP ("Syrian rebels"), UNLISTED (a capitalised name not in the gazetteer), ANAPHOR
 *     ("the ministry"), PRONOUN, VAGUE ("critics")
 * @param via how it was resolved ("gazetteer", "coref-nearest", "coref-chain", ...)
 */
record Mention(int from, int to, Actor actor, String kind, String via) {

  boolean vague() {
    return actor == null || "VAGUE".equals(kind);
  }

  boolean isPerson() {
    return actor != null && "person".equals(actor.type());
  }
}
