package io.riposte.extract;

import io.riposte.extract.Frames.Frame;
import io.riposte.extract.Frames.Requirement;
import io.riposte.extract.Frames.Slot;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The interpreter of the frame table over one parsed sentence: finds the predicates that have a
 * frame ({@link #hits}), checks each frame's requirement, negation and traps (questions,
 * conditionals, "declined to accuse"), and reads the parse nodes of a role ({@link #nodes}, {@link
 * #speaker}). It knows the parser's labels, not any particular cue word: the words are in the table
 * and in {@link WordClasses}.
 */
final class FrameReader implements Serializable {

  private static final long serialVersionUID = 1L;

  /** A predicate of the sentence with a frame that may fire. */
  record Hit(Frame frame, int predicate, boolean negated) {}

  private static final Set<String> CLAUSE_LABELS =
      Set.of("ccomp", "xcomp", "dep", "parataxis", "advcl", "conj", "csubj");
  private static final Set<String> CLIMB_LABELS =
      Set.of("acomp", "attr", "prep", "pobj", "dobj", "oprd", "pcomp", "xcomp", "relcl", "acl");

  private final Frames frames;
  private final WordClasses words;

  /** Whether every lemma-class frame takes its accuser from a speaker alone (see {@link #hits}). */
  private final boolean classesNeedSpeaker;

  FrameReader(Frames frames, WordClasses words) {
    this.frames = frames;
    this.words = words;
    this.classesNeedSpeaker =
        speakerOnly(frames.ofClass(Frames.WRONGDOING_CLASS, 'V'))
            && speakerOnly(frames.ofClass(Frames.WRONGDOING_CLASS, 'N'))
            && speakerOnly(frames.ofClass(Frames.WRONGDOER_CLASS, 'N'));
  }

  /** The predicates of {@code p} with a frame whose requirement holds, in word order. */
  List<Hit> hits(Parse p) {
    return hits(p, true);
  }

  /**
   * As {@link #hits(Parse)}, told whether a quotation with a known speaker covers part of the
   * sentence. Checks that need only the words come first ({@link #possible}, and whether anything
   * can be the speaker that speaker-only frames take their accuser from), so that a sentence whose
   * frame words cannot fire costs the tagger only: the hits are the same, the tree and the roles
   * are computed for fewer sentences (on 1,500 AllSides articles, trees for 4,724 of 9,145 tagged
   * sentences instead of 7,625).
   */
  List<Hit> hits(Parse p, boolean quotedSpeaker) {
    List<Hit> out = new ArrayList<>();
    if (question(p)) {
      return out;
    }
    boolean speakerPossible = quotedSpeaker || speakerWord(p);
    for (int i = 0; i < p.size(); i++) {
      char pos = posClass(p.tags()[i]);
      if (pos == 0) {
        continue;
      }
      String lemma = p.lemmas()[i];
      List<Frame> candidates = new ArrayList<>(frames.of(lemma, pos));
      if (candidates.isEmpty()
          && (speakerPossible || !classesNeedSpeaker)
          && words.wrongdoing(lemma, pos)
          && (pos == 'V' || pos == 'N')) {
        Frame f =
            pos == 'V'
                ? frames.ofClass(Frames.WRONGDOING_CLASS, pos)
                : p.labels()[i].equals("attr")
                    ? frames.ofClass(Frames.WRONGDOER_CLASS, pos)
                    : frames.ofClass(Frames.WRONGDOING_CLASS, pos);
        if (f != null) {
          candidates.add(f);
        }
      }
      for (int c = 0; c < candidates.size(); c++) {
        Frame f = candidates.get(c);
        if (!speakerPossible && speakerOnly(f) && c == candidates.size() - 1) {
          // a hit without a source makes no claim; an earlier candidate would stop the search
          continue;
        }
        if (!possible(p, i, f)) {
          continue;
        }
        boolean negated = negated(p, i);
        if (negated && !f.denyWhenNegated() && f.requires() != Requirement.NEGATED) {
          continue;
        }
        if (f.requires() == Requirement.NEGATED && !negated) {
          continue;
        }
        if (conditional(p, i) || blocked(p, i) || !requirement(p, i, f)) {
          continue;
        }
        out.add(new Hit(f, i, negated));
        break;
      }
    }
    return out;
  }

  /** Adjectives that say someone unnamed alleges the noun they modify. */
  private static final Set<String> ALLEGED = Set.of("alleged", "suspected", "purported");

  /** Whether word {@code d} is such an adjective ("alleged", "suspected"). */
  static boolean alleging(Parse p, int d) {
    return ALLEGED.contains(p.forms()[d].toLowerCase(Locale.ROOT));
  }

  static char posClass(String tag) {
    if (tag.startsWith("VB")) {
      return 'V';
    }
    if (tag.startsWith("NN")) {
      return 'N';
    }
    if (tag.startsWith("JJ")) {
      return 'J';
    }
    if (tag.equals("IN") || tag.equals("RP")) {
      return 'P';
    }
    if (tag.startsWith("RB")) {
      return 'R';
    }
    return 0;
  }

  private static boolean question(Parse p) {
    for (int i = p.size() - 1; i >= 0; i--) {
      String f = p.forms()[i];
      if (f.equals("\"") || f.equals("''") || f.equals("'")) {
        continue;
      }
      return f.equals("?");
    }
    return false;
  }

  /** Negated: a neg dependent ("not", "never", "n't") or "no" on the predicate or its clause. */
  boolean negated(Parse p, int pred) {
    int k = pred;
    for (int steps = 0; k >= 0 && steps < 4; steps++) {
      for (int d : p.dependents(k)) {
        String l = p.labels()[d];
        String w = p.lemmas()[d];
        if (l.equals("neg") || (l.equals("det") && w.equals("no"))) {
          return true;
        }
      }
      if (!CLIMB_LABELS.contains(p.labels()[k]) && k != pred) {
        break;
      }
      if (!CLIMB_LABELS.contains(p.labels()[k])) {
        break;
      }
      k = p.heads()[k];
    }
    return sharesNegation(p, pred) && negated(p, p.heads()[pred]);
  }

  /**
   * "was never charged ... or accused of wrongdoing", "would not confirm or deny it": a verb joined
   * to another by "or" ("nor"), without a subject of its own, shares its negation; "did not resign
   * and accused" does not.
   */
  private static boolean sharesNegation(Parse p, int pred) {
    if (!p.labels()[pred].equals("conj")
        || p.heads()[pred] < 0
        || !p.tags()[pred].startsWith("VB")
        || !p.tags()[p.heads()[pred]].startsWith("VB")) {
      return false;
    }
    for (int d : p.dependents(pred)) {
      if (p.labels()[d].startsWith("nsubj")) {
        return false;
      }
    }
    for (int d : p.dependents(p.heads()[pred])) {
      if (p.labels()[d].equals("cc")
          && (p.lemmas()[d].equals("or") || p.lemmas()[d].equals("nor"))) {
        return true;
      }
    }
    return false;
  }

  /** Under "if", "whether" or "unless" (a clause marked so on the way to the root). */
  private static boolean conditional(Parse p, int pred) {
    for (int k = pred, steps = 0; k >= 0 && steps < p.size(); k = p.heads()[k], steps++) {
      for (int d : p.dependents(k)) {
        if (p.labels()[d].equals("mark")
            && Set.of("if", "whether", "unless").contains(p.lemmas()[d])) {
          return true;
        }
      }
    }
    return false;
  }

  /** Governed by a verb that withholds the claim: "declined to accuse", "stopped short of". */
  private boolean blocked(Parse p, int pred) {
    int k = pred;
    for (int steps = 0; steps < 3; steps++) {
      int h = p.heads()[k];
      if (h < 0) {
        return false;
      }
      if (words.blocker(p.lemmas()[h])) {
        return true;
      }
      k = h;
    }
    return false;
  }

  /**
   * Whether the sentence's lemmas and tags allow {@code f}'s {@link #requirement} at all: false
   * only when a word that the requirement looks for in the tree or the roles is nowhere in the
   * sentence ("called for calm", "held a meeting", "a claim" without a wrongdoing word).
   */
  private boolean possible(Parse p, int pred, Frame f) {
    String[] lemmas = p.lemmas();
    switch (f.requires()) {
      case WRONGDOING:
        return requirement(p, pred, f);
      case ACCUSATION_OBJECT:
        return any(lemmas, words::accusationNoun);
      case THAT_CLAUSE:
        return any(lemmas, "that"::equals);
      case CALLED_FALSE:
        return any(lemmas, words::accusationNoun) && any(lemmas, words::falsehood);
      case INSULT:
        return any(lemmas, l -> words.insult(l) || words.wrongdoing(l, 'N'));
      case RESPONSIBLE:
        return any(lemmas, RESPONSIBLE_WORDS::contains);
      case DO_WITH:
        return any(lemmas, "do"::equals);
      case WRONGDOING_OBJECT:
        return otherNoun(p, pred, l -> words.wrongdoing(l, 'N'));
      case DESCRIBED_CLAIM:
        return otherNoun(p, pred, words::accusationNoun);
      default:
        return true;
    }
  }

  /** A frame whose accuser can only be a speaker (true of no frame: nothing to take). */
  private static boolean speakerOnly(Frame f) {
    return f == null || f.source().size() == 1 && f.source().get(0).role() == Frames.Role.SPEAKER;
  }

  /**
   * A word that {@link #speaker} can start from: a reporting verb, an accusation noun (tagged as a
   * noun), "according".
   */
  private boolean speakerWord(Parse p) {
    for (int i = 0; i < p.size(); i++) {
      String l = p.lemmas()[i];
      if (words.reporting(l)
          || words.accusationNoun(l) && p.tags()[i].startsWith("NN")
          || l.equals("accord")
          || p.forms()[i].equalsIgnoreCase("according")) {
        return true;
      }
    }
    return false;
  }

  /** Whether a word other than {@code pred}, tagged as a noun, has a lemma that passes. */
  private static boolean otherNoun(Parse p, int pred, Predicate<String> lemma) {
    for (int i = 0; i < p.size(); i++) {
      if (i != pred && p.tags()[i].startsWith("NN") && lemma.test(p.lemmas()[i])) {
        return true;
      }
    }
    return false;
  }

  private static boolean any(String[] lemmas, Predicate<String> test) {
    for (String l : lemmas) {
      if (test.test(l)) {
        return true;
      }
    }
    return false;
  }

  private static final Set<String> RESPONSIBLE_WORDS =
      Set.of("responsible", "accountable", "liable");

  private boolean requirement(Parse p, int pred, Frame f) {
    switch (f.requires()) {
      case NONE:
      case NEGATED:
      case SPEAKER:
        return true;
      case CLAIM_OBJECT:
        return claimObject(p, pred);
      case THAT_CLAUSE:
        return thatClause(p, pred);
      case ACCUSATION_OBJECT:
        return accusationObject(p, pred);
      case WRONGDOING:
        for (int i = 0; i < p.size(); i++) {
          if (i != pred && words.wrongdoing(p.lemmas()[i], posClass(p.tags()[i]))) {
            return true;
          }
        }
        return false;
      case WRONGDOING_OBJECT:
        for (int o : objects(p, pred)) {
          if (p.tags()[o].startsWith("NN") && words.wrongdoing(p.lemmas()[o], 'N')) {
            return true;
          }
        }
        return false;
      case DESCRIBED_CLAIM:
        return describedClaim(p, pred);
      case INSULT:
        for (int d : p.dependents(pred)) {
          String l = p.labels()[d];
          if (OBJECT_PREDICATES.contains(l)
              && (words.insult(p.lemmas()[d]) || words.wrongdoing(p.lemmas()[d], 'N'))) {
            return true;
          }
        }
        return false;
      case CALLED_FALSE:
        return calledFalse(p, pred);
      case RESPONSIBLE:
        for (int d : p.dependents(pred)) {
          if (RESPONSIBLE_WORDS.contains(p.lemmas()[d])) {
            return true;
          }
        }
        return false;
      case DO_WITH:
        for (int d : p.dependents(pred)) {
          if (p.lemmas()[d].equals("do") && p.dependent(d, "prep") >= 0) {
            return true;
          }
        }
        return false;
      default:
        return false;
    }
  }

  /**
   * "called the allegations false", "called the report a hoax": the object is an accusation noun
   * and the predicate on it (or a word coordinated with that) a falsehood.
   */
  private boolean calledFalse(Parse p, int pred) {
    if (!accusationObject(p, pred)) {
      return false;
    }
    for (int d : p.dependents(pred)) {
      if (OBJECT_PREDICATES.contains(p.labels()[d])) {
        if (words.falsehood(p.lemmas()[d])) {
          return true;
        }
        for (int c : p.dependents(d)) {
          if (p.labels()[c].equals("conj") && words.falsehood(p.lemmas()[c])) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Labels of what a verb says of its object: "called him a liar", "called it false". */
  private static final Set<String> OBJECT_PREDICATES = Set.of("oprd", "xcomp", "attr");

  /** "dismissed the allegations", "called the report ...": an object is an accusation noun. */
  private boolean accusationObject(Parse p, int pred) {
    for (int o : objects(p, pred)) {
      if (words.accusationNoun(p.lemmas()[o])) {
        return true;
      }
    }
    return false;
  }

  /**
   * "charged that X had tapped her phone": a clause opened by "that" under the predicate, not
   * "charged customers $10, a fee the commission said it would review".
   */
  private static boolean thatClause(Parse p, int pred) {
    for (int d : p.dependents(pred)) {
      int mark = p.labels()[d].equals("ccomp") ? p.dependent(d, "mark") : -1;
      if (mark >= 0 && p.lemmas()[mark].equals("that")) {
        return true;
      }
    }
    return false;
  }

  /** "denied involvement", "denied meddling", "denied that ...", not "denied a visa". */
  private boolean claimObject(Parse p, int pred) {
    if (p.dependent(pred, "nsubjpass") >= 0 || p.dependent(pred, "auxpass") >= 0) {
      return false;
    }
    for (int d : p.dependents(pred)) {
      String l = p.labels()[d];
      if (l.equals("ccomp") || l.equals("xcomp") && p.tags()[d].startsWith("VB")) {
        return true;
      }
    }
    for (int o : objects(p, pred)) {
      String lemma = p.lemmas()[o];
      if (words.refusal(lemma)) {
        return false;
      }
      if (p.tags()[o].startsWith("VB")
          || words.accusationNoun(lemma)
          || words.wrongdoing(lemma, 'N')) {
        return true;
      }
    }
    return false;
  }

  private boolean describedClaim(Parse p, int pred) {
    int head = p.heads()[pred];
    List<Integer> near = new ArrayList<>(p.dependents(pred));
    if (head >= 0) {
      near.add(head);
      near.addAll(p.dependents(head));
    }
    near.addAll(nodes(p, pred, new Slot(Frames.Role.HEADSUBJ, null)));
    for (int n : near) {
      if (n != pred && words.accusationNoun(p.lemmas()[n]) && p.tags()[n].startsWith("NN")) {
        return true;
      }
    }
    return false;
  }

  private List<Integer> objects(Parse p, int pred) {
    List<Integer> out = new ArrayList<>();
    for (Parse.Role r : p.rolesOf(pred)) {
      if (r.label().equals("A1")) {
        out.add(r.argument());
      }
    }
    int o = p.dependent(pred, "dobj");
    if (o >= 0) {
      out.add(o);
    }
    return out;
  }

  /**
   * The nodes that hold {@code slot} of the predicate, each coordinated node on its own ("X and
   * Y"); empty when the parse has none. Not for {@link Frames.Role#SPEAKER}: see {@link #speaker}.
   */
  List<Integer> nodes(Parse p, int pred, Slot slot) {
    List<Integer> out = new ArrayList<>();
    switch (slot.role()) {
      case A0:
      case A1:
      case A2:
      case GOL:
      case PRD:
        // the labeller may give one role to several words ("accused Trump campaign manager
        // Corey Lewandowski": both "manager" and "Lewandowski" are A1): all are candidates
        for (Parse.Role r : p.rolesOf(pred)) {
          if (r.label().equals(slot.role().name())) {
            addWithConjuncts(p, antecedent(p, pred, objectOf(p, r.argument())), out);
          }
        }
        return out;
      default:
        int n = node(p, pred, slot);
        if (n >= 0) {
          addWithConjuncts(p, n, out);
        }
        return out;
    }
  }

  /** "each other", "one another": the accused are the accusers themselves. */
  static boolean reciprocal(Parse p, int n) {
    String l = p.lemmas()[n];
    if (!l.equals("other") && !l.equals("another")) {
      return false;
    }
    for (int d : p.dependents(n)) {
      if (p.lemmas()[d].equals("each") || p.lemmas()[d].equals("one")) {
        return true;
      }
    }
    return n > 0 && (p.lemmas()[n - 1].equals("each") || p.lemmas()[n - 1].equals("one"));
  }

  /** {@code n} and the nodes coordinated with it ("X and Y"). */
  static List<Integer> withConjuncts(Parse p, int n) {
    List<Integer> out = new ArrayList<>();
    addWithConjuncts(p, n, out);
    return out;
  }

  private static void addWithConjuncts(Parse p, int n, List<Integer> out) {
    if (out.contains(n) || out.size() > 6) {
      return;
    }
    out.add(n);
    for (int d : p.dependents(n)) {
      if (p.labels()[d].equals("conj")) {
        addWithConjuncts(p, d, out);
      }
    }
  }

  /** The node of a role read off the dependency tree (the labeller's roles: {@link #nodes}). */
  private int node(Parse p, int pred, Slot slot) {
    switch (slot.role()) {
      case SUBJ:
        return antecedent(p, pred, controller(p, pred));
      case OBJ:
        {
          int o = p.dependent(pred, "nsubjpass");
          return o >= 0 ? o : p.dependent(pred, "dobj");
        }
      case AGENT:
        return agentOf(p, pred);
      case POSS:
        return p.dependent(pred, "poss");
      case MOD:
        {
          int m = p.dependent(pred, "poss");
          for (int d : p.dependents(pred)) {
            // "the alleged Iranian sabotage": the modifier that names someone, not "alleged"
            if (m < 0 && p.labels()[d].equals("amod") && !alleging(p, d)) {
              m = d;
            }
          }
          return m < 0 ? p.dependent(pred, "compound") : m;
        }
      case HEADSUBJ:
        {
          int s = headSubject(p, pred);
          return s >= 0 && p.labels()[s].equals("nsubj") && isAccusationVerb(p, p.heads()[s], pred)
              ? -1
              : s;
        }
      case CLAUSESUBJ:
        for (int d : p.dependents(pred)) {
          String l = p.labels()[d];
          if (l.equals("ccomp") || l.equals("acl")) {
            int agent = agentOf(p, d);
            if (agent >= 0 && p.dependent(d, "nsubjpass") >= 0) {
              return agent;
            }
            int s = p.dependent(d, "nsubj");
            return s >= 0 ? s : p.dependent(d, "nsubjpass");
          }
        }
        return -1;
      case PREP:
        {
          List<Integer> scope = new ArrayList<>();
          scope.add(pred);
          for (int o : objects(p, pred)) {
            scope.add(o);
          }
          for (int depth = 0; depth < 3 && !scope.isEmpty(); depth++) {
            List<Integer> next = new ArrayList<>();
            for (int h : scope) {
              for (int d : p.dependents(h)) {
                String l = p.labels()[d];
                if (l.equals("prep") && p.lemmas()[d].equals(slot.preposition())) {
                  int o = objectOf(p, d);
                  if (o != d) {
                    return o;
                  }
                }
                if (l.equals("prep") || l.equals("pobj") || l.equals("pcomp")) {
                  next.add(d);
                }
              }
            }
            scope = next;
          }
          return -1;
        }
      default:
        return -1;
    }
  }

  /**
   * The subject of a verb, or of the verb that controls it: "X took the step of accusing Y", "X
   * shot back, accusing Y", "X praised ... and accused Y".
   */
  private static int controller(Parse p, int pred) {
    int k = pred;
    for (int steps = 0; k >= 0 && steps < 5; steps++) {
      int s = p.dependent(k, "nsubj");
      if (s >= 0 && s != pred) {
        return s;
      }
      String l = p.labels()[k];
      if (!(l.equals("xcomp")
          || l.equals("conj")
          || l.equals("pcomp")
          || l.equals("pobj")
          || l.equals("prep")
          || l.equals("advcl") && p.tags()[k].equals("VBG")
          || l.equals("acl") && k != pred)) {
        return -1;
      }
      k = p.heads()[k];
    }
    return -1;
  }

  /** A relative pronoun ("those who accused") stands for the noun its clause modifies. */
  private static int antecedent(Parse p, int pred, int n) {
    if (n >= 0
        && (p.tags()[n].equals("WP") || p.tags()[n].equals("WDT"))
        && p.labels()[pred].equals("relcl")) {
      return p.heads()[pred];
    }
    return n;
  }

  /** The object of a verb's "by" agent ("was filed by X": X), or -1 when it has none. */
  static int agentOf(Parse p, int verb) {
    int a = p.dependent(verb, "agent");
    return a < 0 ? -1 : objectOf(p, a);
  }

  /** A preposition's object (pobj, else pcomp); any other node is itself. */
  private static int objectOf(Parse p, int n) {
    char c = posClass(p.tags()[n]);
    if (c == 'P' || p.tags()[n].equals("TO")) {
      int o = p.dependent(n, "pobj");
      if (o < 0) {
        o = p.dependent(n, "pcomp");
      }
      return o < 0 ? n : o;
    }
    return n;
  }

  /**
   * Whether {@code verb}, the head of the subject found for {@code pred}, is an accusation verb
   * above it: "the FBI hasn't accused him of any wrongdoing" is about him, and says nothing of the
   * FBI's own wrongdoing.
   */
  private boolean isAccusationVerb(Parse p, int verb, int pred) {
    if (verb < 0 || verb == pred || posClass(p.tags()[verb]) != 'V') {
      return false;
    }
    for (Frames.Frame f : frames.of(p.lemmas()[verb], 'V')) {
      if (f.kind().equals(Claim.ACCUSATION)) {
        return true;
      }
    }
    return false;
  }

  /** "X was behind", "X was responsible", "X had nothing to do with", "X is a liar". */
  private static int headSubject(Parse p, int pred) {
    int k = pred;
    for (int steps = 0; k >= 0 && steps < 4; steps++) {
      int s = p.dependent(k, "nsubj");
      if (s < 0) {
        s = p.dependent(k, "nsubjpass");
      }
      if (s >= 0 && s != pred) {
        return antecedent(p, k, s);
      }
      if (k != pred
          && (p.labels()[k].equals("relcl") || p.labels()[k].equals("acl"))
          && p.heads()[k] >= 0
          && posClass(p.tags()[p.heads()[k]]) == 'N') {
        return p.heads()[k]; // "the woman to come forward with allegations": the woman
      }
      if (k != pred && p.labels()[k].equals("conj") && p.heads()[k] >= 0) {
        int shared = p.dependent(p.heads()[k], "nsubj");
        if (shared >= 0) {
          return shared;
        }
      }
      if (!CLIMB_LABELS.contains(p.labels()[k])) {
        return -1;
      }
      k = p.heads()[k];
    }
    return -1;
  }

  /**
   * The node that says the predicate's clause: the subject of a reporting verb above it ("X said
   * ... was behind"), else the object of "according to"; -1 when neither (a quotation's speaker is
   * then the caller's to find).
   */
  int speaker(Parse p, int pred) {
    int child = pred;
    for (int k = p.heads()[pred], steps = 0; k >= 0 && steps < p.size(); k = p.heads()[k]) {
      steps++;
      if (p.tags()[k].startsWith("NN")
          && words.accusationNoun(p.lemmas()[k])
          && (p.labels()[child].equals("acl") || p.labels()[child].equals("ccomp"))) {
        int owner = p.dependent(k, "poss");
        if (owner >= 0) {
          return owner;
        }
      }
      if (words.reporting(p.lemmas()[k]) && CLAUSE_LABELS.contains(p.labels()[child])) {
        for (Parse.Role r : p.rolesOf(k)) {
          if (r.label().equals("A0") && r.argument() != child) {
            return objectOf(p, r.argument());
          }
        }
        int s = p.dependent(k, "nsubj");
        if (s >= 0 && s != child) {
          return s;
        }
      }
      child = k;
    }
    for (int i = 0; i < p.size(); i++) {
      if (p.lemmas()[i].equals("accord") || p.forms()[i].equalsIgnoreCase("according")) {
        int to = p.dependent(i, "prep");
        if (to >= 0) {
          int o = p.dependent(to, "pobj");
          if (o >= 0) {
            return o;
          }
        }
      }
    }
    return -1;
  }

  /** The words of the subtree under {@code n}, at most {@code max}, as one phrase. */
  static String phrase(Parse p, int n, int max) {
    int lo = n;
    int hi = n;
    for (int i = 0; i < p.size(); i++) {
      if (p.under(i, n)) {
        lo = Math.min(lo, i);
        hi = Math.max(hi, i);
      }
    }
    StringBuilder sb = new StringBuilder();
    int count = 0;
    for (int i = lo; i <= hi && count < max; i++) {
      String f = p.forms()[i];
      if (posClass(p.tags()[i]) == 0
          && !p.tags()[i].startsWith("CD")
          && !p.tags()[i].equals("DT")
          && !p.tags()[i].startsWith("PRP")
          && !p.tags()[i].equals("POS")) {
        if (count > 0) {
          break;
        }
        continue;
      }
      if (count == 0 && p.tags()[i].equals("DT")) {
        continue;
      }
      if (sb.length() > 0 && !f.equals("'s")) {
        sb.append(' ');
      }
      sb.append(f.toLowerCase(Locale.ROOT));
      count++;
    }
    return sb.length() == 0 ? null : sb.toString();
  }
}
