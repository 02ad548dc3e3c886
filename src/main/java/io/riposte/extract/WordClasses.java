package io.riposte.extract;

import java.io.Serializable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Closed word lists the frame interpreter and the sentence gate consult: {@code
 * lexicons/word_classes.tsv} (reporting verbs, blockers, accusation nouns, refusals, insults, gate
 * context words) and {@code lexicons/wrongdoing.tsv} (wrongdoing words generated from WordNet, with
 * every inflected form). An unknown class fails at load, naming the file and line.
 */
public final class WordClasses implements Serializable {

  private static final long serialVersionUID = 1L;

  public static final String CLASSES_FILE = "lexicons/word_classes.tsv";
  public static final String WRONGDOING_FILE = "lexicons/wrongdoing.tsv";

  enum WordClass {
    REPORTING,
    BLOCKER,
    ACCUSATION_NOUN,
    REFUSAL,
    INSULT,
    FALSEHOOD,
    DOCUMENT,
    DOCUMENT_MAKING,
    GATE_CONTEXT
  }

  private final Map<WordClass, Set<String>> classes = new HashMap<>();

  /** Wrongdoing lemmas per POS class (V, N, J). */
  private final Map<Character, Set<String>> wrongLemmas = new HashMap<>();

  /** Every inflected wrongdoing form, lower case. */
  private final Set<String> wrongForms = new HashSet<>();

  private WordClasses() {}

  /** Parses both files from their data lines (comments dropped, header first). */
  public static WordClasses parse(List<String> classLines, List<String> wrongdoingLines) {
    WordClasses w = new WordClasses();
    for (WordClass c : WordClass.values()) {
      w.classes.put(c, new HashSet<>());
    }
    int n = 0;
    for (String line : classLines) {
      n++;
      if (n == 1 || line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      WordClass c;
      try {
        c = WordClass.valueOf(f[0]);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            CLASSES_FILE + " data line " + n + ": unknown class " + f[0], e);
      }
      if (f.length != 2) {
        throw new IllegalArgumentException(
            CLASSES_FILE + " data line " + n + ": expected 2 columns, got " + f.length);
      }
      w.classes.get(c).addAll(List.of(f[1].split("\\|")));
    }
    n = 0;
    for (String line : wrongdoingLines) {
      n++;
      if (n == 1 || line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length < 3) {
        throw new IllegalArgumentException(
            WRONGDOING_FILE + " data line " + n + ": expected form, lemma, pos, synset");
      }
      char pos =
          switch (f[2]) {
            case "verb" -> 'V';
            case "noun" -> 'N';
            case "adj" -> 'J';
            default ->
                throw new IllegalArgumentException(
                    WRONGDOING_FILE + " data line " + n + ": unknown pos " + f[2]);
          };
      w.wrongForms.add(f[0]);
      w.wrongLemmas.computeIfAbsent(pos, k -> new HashSet<>()).add(f[1]);
    }
    return w;
  }

  /**
   * Adds single-word nouns of wrongdoing from another list (the rule lexicon's WRONGDOING words:
   * "airstrikes", "cyberattack", which WordNet lacks or the stop list keeps out as verbs).
   */
  WordClasses withWrongdoingNouns(java.util.Collection<String> nouns) {
    for (String n : nouns) {
      if (!n.contains(" ")) {
        wrongLemmas.computeIfAbsent('N', k -> new HashSet<>()).add(n);
      }
    }
    return this;
  }

  /** Loads both files through {@code linesOf} (a reference-file reader). */
  public static WordClasses load(Function<String, List<String>> linesOf) {
    return parse(linesOf.apply(CLASSES_FILE), linesOf.apply(WRONGDOING_FILE));
  }

  boolean reporting(String lemma) {
    return classes.get(WordClass.REPORTING).contains(lemma);
  }

  boolean blocker(String lemma) {
    return classes.get(WordClass.BLOCKER).contains(lemma);
  }

  boolean accusationNoun(String lemma) {
    return classes.get(WordClass.ACCUSATION_NOUN).contains(lemma);
  }

  boolean refusal(String lemma) {
    return classes.get(WordClass.REFUSAL).contains(lemma);
  }

  boolean insult(String lemma) {
    return classes.get(WordClass.INSULT).contains(lemma);
  }

  /** "letter", "complaint", "indictment": a document whose maker says what it alleges. */
  boolean document(String lemma) {
    return classes.get(WordClass.DOCUMENT).contains(lemma);
  }

  /** "file", "send", "unseal": verbs whose subject (or agent) made the document they take. */
  boolean documentMaking(String lemma) {
    return classes.get(WordClass.DOCUMENT_MAKING).contains(lemma);
  }

  /** "false", "a hoax": what "called the allegations ..." says of a claim to deny it. */
  boolean falsehood(String lemma) {
    return classes.get(WordClass.FALSEHOOD).contains(lemma);
  }

  /** Whether a form (lower case) is a gate context word: a reporting form or a quote mark. */
  public boolean gateContext(String form) {
    return classes.get(WordClass.GATE_CONTEXT).contains(form);
  }

  /** The gate context words and quote marks (see {@link #gateContext}). */
  public Set<String> gateContextForms() {
    return Set.copyOf(classes.get(WordClass.GATE_CONTEXT));
  }

  /** Whether a lemma with a POS class (V, N, J) is a wrongdoing word. */
  boolean wrongdoing(String lemma, char pos) {
    Set<String> s = wrongLemmas.get(pos);
    return s != null && s.contains(lemma);
  }

  /** Whether a surface form (lower case) is a wrongdoing word. */
  public boolean wrongdoingForm(String form) {
    return wrongForms.contains(form);
  }

  /** Every wrongdoing form and gate context word: phrases for the article prefilter. */
  public Set<String> wrongdoingForms() {
    return wrongForms;
  }
}
