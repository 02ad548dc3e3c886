package io.riposte.extract;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The frame table ({@code data/lexicons/frames.tsv}): for each cue predicate, its kind and the
 * roles of the parse that hold the accuser or denier, the accused and the offence. Parsed at load;
 * an unknown role, requirement or kind fails there, naming the file and line.
 */
public final class Frames implements Serializable {

  private static final long serialVersionUID = 1L;

  public static final String FILE = "lexicons/frames.tsv";

  /** Where a frame's argument is read from the parse. */
  enum Role {
    A0,
    A1,
    A2,
    GOL,
    PRD,
    SUBJ,
    OBJ,
    AGENT,
    HEADSUBJ,
    CLAUSESUBJ,
    POSS,
    MOD,
    SPEAKER,
    PREP
  }

  /** A role, with its preposition for {@link Role#PREP} ({@code prep:against}). */
  record Slot(Role role, String preposition) implements Serializable {
    @Override
    public String toString() {
      return role == Role.PREP ? "prep:" + preposition : role.name();
    }
  }

  /** What must hold for a frame to fire. */
  enum Requirement {
    NONE,
    CLAIM_OBJECT,
    THAT_CLAUSE,
    ACCUSATION_OBJECT,
    WRONGDOING,
    WRONGDOING_OBJECT,
    SPEAKER,
    DESCRIBED_CLAIM,
    INSULT,
    CALLED_FALSE,
    RESPONSIBLE,
    DO_WITH,
    NEGATED
  }

  /** One row of the table. */
  record Frame(
      String name,
      Set<String> lemmas,
      char pos,
      String kind,
      List<Slot> source,
      List<Slot> target,
      List<Slot> offence,
      Requirement requires,
      boolean denyWhenNegated,
      double weight,
      Set<String> forms)
      implements Serializable {}

  /** Lemma classes: {@code @wrongdoing} (verbs, nouns, adjectives) and {@code @wrongdoer}. */
  static final String WRONGDOING_CLASS = "@wrongdoing";

  static final String WRONGDOER_CLASS = "@wrongdoer";

  private final List<Frame> frames;
  private final Map<String, List<Frame>> byLemma = new HashMap<>();
  private final Set<String> forms = new LinkedHashSet<>();
  private final Map<String, Set<String>> formsByKind = new HashMap<>();

  private Frames(List<Frame> frames) {
    this.frames = List.copyOf(frames);
    for (Frame f : frames) {
      for (String l : f.lemmas()) {
        byLemma.computeIfAbsent(l, k -> new ArrayList<>()).add(f);
      }
      forms.addAll(f.forms());
      formsByKind.computeIfAbsent(f.kind(), k -> new LinkedHashSet<>()).addAll(f.forms());
    }
  }

  /** Parses the table from its data lines (comments and blank lines already dropped). */
  public static Frames parse(List<String> lines) {
    List<Frame> out = new ArrayList<>();
    boolean header = true;
    int lineNo = 0;
    for (String line : lines) {
      lineNo++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      if (header) {
        header = false;
        continue;
      }
      String[] f = line.split("\t", -1);
      String where = FILE + " data line " + lineNo + " (" + line.split("\t", 2)[0] + ")";
      if (f.length != 10) {
        throw new IllegalArgumentException(where + ": expected 10 columns, got " + f.length);
      }
      if (f[1].length() != 1 || "VNJPR".indexOf(f[1].charAt(0)) < 0) {
        throw new IllegalArgumentException(where + ": pos must be V, N, J, P or R: " + f[1]);
      }
      if (!f[2].equals(Claim.ACCUSATION) && !f[2].equals(Claim.DENIAL)) {
        throw new IllegalArgumentException(where + ": unknown kind " + f[2]);
      }
      Requirement req;
      try {
        req =
            f[6].equals("-")
                ? Requirement.NONE
                : Requirement.valueOf(f[6].toUpperCase(Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + ": unknown requirement " + f[6], e);
      }
      if (!f[7].equals("drop") && !f[7].equals("deny")) {
        throw new IllegalArgumentException(where + ": negated must be drop or deny: " + f[7]);
      }
      double weight;
      try {
        weight = Double.parseDouble(f[8]);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(where + ": weight is not a number: " + f[8], e);
      }
      Set<String> lemmas = new LinkedHashSet<>(List.of(f[0].split("\\|")));
      Set<String> forms =
          f[9].equals("-") ? Set.of() : new LinkedHashSet<>(List.of(f[9].split("\\|")));
      out.add(
          new Frame(
              f[0].split("\\|")[0] + "." + f[1],
              lemmas,
              f[1].charAt(0),
              f[2],
              slots(f[3], where),
              slots(f[4], where),
              slots(f[5], where),
              req,
              f[7].equals("deny"),
              weight,
              forms));
    }
    return new Frames(out);
  }

  /** Loads the table through {@code linesOf} (a reference-file reader). */
  public static Frames load(Function<String, List<String>> linesOf) {
    return parse(linesOf.apply(FILE));
  }

  private static List<Slot> slots(String spec, String where) {
    if (spec.equals("-")) {
      return List.of();
    }
    List<Slot> out = new ArrayList<>();
    for (String s : spec.split("\\|")) {
      if (s.startsWith("prep:") && s.length() > 5) {
        out.add(new Slot(Role.PREP, s.substring(5)));
        continue;
      }
      try {
        Role r = Role.valueOf(s);
        if (r == Role.PREP) {
          throw new IllegalArgumentException(where + ": write prep:WORD, not PREP");
        }
        out.add(new Slot(r, null));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + ": unknown role " + s, e);
      }
    }
    return List.copyOf(out);
  }

  /** The frames of a lemma with a POS class (V, N, J, P, R), possibly none. */
  List<Frame> of(String lemma, char pos) {
    List<Frame> all = byLemma.get(lemma);
    if (all == null) {
      return List.of();
    }
    List<Frame> out = new ArrayList<>(1);
    for (Frame f : all) {
      if (f.pos() == pos) {
        out.add(f);
      }
    }
    return out;
  }

  /** The frame of a lemma class ({@link #WRONGDOING_CLASS}, ...) with a POS class, or null. */
  Frame ofClass(String lemmaClass, char pos) {
    for (Frame f : of(lemmaClass, pos)) {
      return f;
    }
    return null;
  }

  /** Every surface form of every frame, lower case: what the sentence gate looks for. */
  public Set<String> forms() {
    return forms;
  }

  /** The surface forms of the frames of one kind (ACCUSATION or DENIAL); empty for none. */
  Set<String> formsOf(String kind) {
    return formsByKind.getOrDefault(kind, Set.of());
  }

  List<Frame> all() {
    return frames;
  }
}
