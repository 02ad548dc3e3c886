package io.riposte.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * One sentence as the trained parser read it, in plain Java values: per word its form, lemma, POS
 * tag (Penn Treebank), head (word index, -1 for the root) and dependency label (ClearNLP's, close
 * to Stanford dependencies: nsubj, dobj, prep, pobj, poss, compound as nn, ...), and the semantic
 * role arcs (PropBank labels A0, A1, A2, AM-*, and ClearNLP's function tags such as GOL or PRD).
 *
 * <p>Indexes are 0-based positions in the word list that was parsed.
 *
 * <p>A {@link #staged} parse computes its tree on the first call that reads it ({@link #heads},
 * {@link #labels}, {@link #dependents}, ...) and its roles on the first call that reads them: most
 * candidate sentences are dropped on their lemmas and tags alone, or on their tree, and the parser
 * and the role labeller are most of the extractor's time. Not thread-safe: one thread reads a
 * parse.
 */
public final class Parse {

  /** Word {@code argument} holds role {@code label} of the predicate word {@code predicate}. */
  public record Role(int predicate, int argument, String label) {}

  /** The dependency tree: per word its head (-1 for the root) and label. */
  public record Tree(int[] heads, String[] labels) {}

  private final String[] forms;
  private final String[] lemmas;
  private final String[] tags;
  private Supplier<Tree> treeLater;
  private Supplier<List<Role>> rolesLater;
  private Tree tree;
  private List<Role> roles;

  private Parse(
      String[] forms,
      String[] lemmas,
      String[] tags,
      Supplier<Tree> treeLater,
      Supplier<List<Role>> rolesLater) {
    this.forms = forms;
    this.lemmas = lemmas;
    this.tags = tags;
    this.treeLater = treeLater;
    this.rolesLater = rolesLater;
  }

  /** A parse with every layer given. */
  public Parse(
      String[] forms,
      String[] lemmas,
      String[] tags,
      int[] heads,
      String[] labels,
      List<Role> roles) {
    this(forms, lemmas, tags, null, null);
    this.tree = new Tree(heads, labels);
    this.roles = List.copyOf(roles);
  }

  /**
   * A parse whose tree and roles are computed when first read, the tree before the roles (the
   * labeller reads the tree).
   */
  public static Parse staged(
      String[] forms,
      String[] lemmas,
      String[] tags,
      Supplier<Tree> tree,
      Supplier<List<Role>> roles) {
    return new Parse(forms, lemmas, tags, tree, roles);
  }

  public String[] forms() {
    return forms;
  }

  public String[] lemmas() {
    return lemmas;
  }

  public String[] tags() {
    return tags;
  }

  public int[] heads() {
    return tree().heads();
  }

  public String[] labels() {
    return tree().labels();
  }

  /** The role arcs of every predicate. */
  public List<Role> roles() {
    if (roles == null) {
      tree();
      roles = List.copyOf(rolesLater.get());
      rolesLater = null;
    }
    return roles;
  }

  /** Whether the tree has been computed (for tests of the staging). */
  boolean treeRead() {
    return tree != null;
  }

  /** Whether the roles have been computed (for tests of the staging). */
  boolean rolesRead() {
    return roles != null;
  }

  private Tree tree() {
    if (tree == null) {
      tree = treeLater.get();
      treeLater = null;
    }
    return tree;
  }

  public int size() {
    return forms.length;
  }

  /** The words whose head is {@code i}, in order. */
  public List<Integer> dependents(int i) {
    int[] heads = heads();
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
    int[] heads = heads();
    String[] labels = labels();
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
    for (Role r : roles()) {
      if (r.predicate() == p) {
        out.add(r);
      }
    }
    return out;
  }

  /** Whether {@code i} is {@code ancestor} or lies under it. */
  public boolean under(int i, int ancestor) {
    int[] heads = heads();
    for (int k = i, steps = 0; k >= 0 && steps <= heads.length; k = heads[k], steps++) {
      if (k == ancestor) {
        return true;
      }
    }
    return false;
  }
}
