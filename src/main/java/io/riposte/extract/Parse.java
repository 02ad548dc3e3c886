package io.riposte.extract;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * One sentence as the trained parser read it, in plain Java values: per word its form, lemma, POS
 * tag (Penn Treebank), head (word index, -1 for the root) and dependency label (ClearNLP's, close
 * to Stanford dependencies: nsubj, dobj, prep, pobj, poss, compound as nn, ...), and the semantic
 * role arcs (PropBank labels A0, A1, A2, AM-*, and ClearNLP's function tags such as GOL or PRD).
 *
 * <p>Indexes are 0-based positions in the word list that was parsed.
 */
public record Parse(
    String[] forms, String[] lemmas, String[] tags, int[] heads, String[] labels, List<Role> roles)
    implements Serializable {

  /** Word {@code argument} holds role {@code label} of the predicate word {@code predicate}. */
  public record Role(int predicate, int argument, String label) implements Serializable {}

  public int size() {
    return forms.length;
  }

  /** The words whose head is {@code i}, in order. */
  public List<Integer> dependents(int i) {
    List<Integer> out = new ArrayList<>();
    for (int k = 0; k < heads.length; k++) {
      if (heads[k] == i) {
        out.add(k);
      }
    }
    return out;
  }

  /** The first dependent of {@code i} with label {@code label}, or -1. */
  public int dependent(int i, String label) {
    for (int k = 0; k < heads.length; k++) {
      if (heads[k] == i && labels[k].equals(label)) {
        return k;
      }
    }
    return -1;
  }

  /** The role arcs of predicate {@code p}. */
  public List<Role> rolesOf(int p) {
    List<Role> out = new ArrayList<>();
    for (Role r : roles) {
      if (r.predicate() == p) {
        out.add(r);
      }
    }
    return out;
  }

  /** Whether {@code i} is {@code ancestor} or lies under it. */
  public boolean under(int i, int ancestor) {
    for (int k = i, steps = 0; k >= 0 && steps <= heads.length; k = heads[k], steps++) {
      if (k == ancestor) {
        return true;
      }
    }
    return false;
  }
}
