package io.riposte.extract.offence;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Cuts a claim's offence phrase to the noun phrase of what is alleged: "being behind what he called
 * an" becomes null, "launching a chemical attack" becomes "chemical attack", "strike regardless of
 * whether it was" becomes "strike". The word classes are data ({@code offences/phrase_words.tsv},
 * format in {@code data/offences/README.md}).
 *
 * <p>Steps, on the phrase's space-separated words: drop {@link WordClass#LEAD} phrases from the
 * start (repeatedly, longest first); if a {@link WordClass#HINGE} word follows other words, keep
 * what comes after it and drop leading phrases again; cut before the first {@link WordClass#BREAK}
 * word; drop {@link WordClass#TRAIL} words from the end. Nothing left gives null.
 */
public final class OffencePhrase implements Serializable {

  private static final long serialVersionUID = 1L;

  public static final String FILE = "offences/phrase_words.tsv";

  /** What a word of {@code phrase_words.tsv} does to the phrase. */
  public enum WordClass {
    LEAD,
    HINGE,
    BREAK,
    TRAIL
  }

  private final Map<WordClass, List<List<String>>> words;

  private OffencePhrase(Map<WordClass, List<List<String>>> words) {
    this.words = words;
  }

  /** Loads {@value #FILE} through {@code lines} (e.g. {@code ReferenceFiles::lines}). */
  public static OffencePhrase load(Function<String, List<String>> lines) {
    return parse(lines.apply(FILE));
  }

  /**
   * Parses the data lines (comments and blank lines removed, header kept); an unknown class or a
   * malformed row fails naming the file and the line.
   */
  public static OffencePhrase parse(List<String> lines) {
    Map<WordClass, List<List<String>>> words = new EnumMap<>(WordClass.class);
    for (WordClass c : WordClass.values()) {
      words.put(c, new ArrayList<>());
    }
    for (String line : lines) {
      String[] f = line.split("\t", -1);
      if (f[0].equals("class")) {
        continue;
      }
      if (f.length != 2) {
        throw new IllegalArgumentException(
            FILE + ": expected 2 tab-separated columns in line '" + line + "'");
      }
      WordClass c;
      try {
        c = WordClass.valueOf(f[0]);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            FILE
                + ": unknown class '"
                + f[0]
                + "' in line '"
                + line
                + "', expected one of "
                + Arrays.toString(WordClass.values()));
      }
      for (String alt : f[1].split("\\|", -1)) {
        if (!alt.matches("[a-z']+( [a-z']+)*")) {
          throw new IllegalArgumentException(
              FILE + ": '" + alt + "' is not lower-case words in line '" + line + "'");
        }
        words.get(c).add(List.of(alt.split(" ")));
      }
    }
    // Longest first, so "being behind" is dropped whole before "behind" is tried.
    words.get(WordClass.LEAD).sort((a, b) -> b.size() - a.size());
    return new OffencePhrase(words);
  }

  /** The noun phrase of what is alleged in {@code phrase}, or null when none is left. */
  public String trim(String phrase) {
    if (phrase == null) {
      return null;
    }
    List<String> w = new ArrayList<>(Arrays.asList(phrase.trim().split("\\s+")));
    if (w.size() == 1 && w.get(0).isEmpty()) {
      return null;
    }
    dropLeading(w);
    int hinge = indexOf(w, WordClass.HINGE);
    if (hinge > 0 && hinge < w.size() - 1) {
      w = new ArrayList<>(w.subList(hinge + 1, w.size()));
      dropLeading(w);
    }
    int cut = indexOf(w, WordClass.BREAK);
    if (cut >= 0) {
      w = new ArrayList<>(w.subList(0, cut));
    }
    while (!w.isEmpty() && isOne(w.get(w.size() - 1), WordClass.TRAIL)) {
      w.remove(w.size() - 1);
    }
    return w.isEmpty() ? null : String.join(" ", w);
  }

  private void dropLeading(List<String> w) {
    boolean dropped = true;
    while (dropped && !w.isEmpty()) {
      dropped = false;
      for (List<String> lead : words.get(WordClass.LEAD)) {
        if (startsWith(w, lead)) {
          w.subList(0, lead.size()).clear();
          dropped = true;
          break;
        }
      }
    }
  }

  private static boolean startsWith(List<String> w, List<String> prefix) {
    if (prefix.size() > w.size()) {
      return false;
    }
    for (int i = 0; i < prefix.size(); i++) {
      if (!norm(w.get(i)).equals(prefix.get(i))) {
        return false;
      }
    }
    return true;
  }

  private int indexOf(List<String> w, WordClass c) {
    for (int i = 0; i < w.size(); i++) {
      if (isOne(w.get(i), c)) {
        return i;
      }
    }
    return -1;
  }

  private boolean isOne(String word, WordClass c) {
    String n = norm(word);
    for (List<String> alt : words.get(c)) {
      if (alt.size() == 1 && alt.get(0).equals(n)) {
        return true;
      }
    }
    return false;
  }

  private static String norm(String word) {
    return word.toLowerCase(Locale.ROOT).replace('’', '\'');
  }
}
