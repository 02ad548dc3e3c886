package io.riposte.extract.offence;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The offence categories with their words and codes, read from {@code offences/categories.tsv} and
 * {@code offences/terms.tsv} (format in {@code data/offences/README.md}), and the classifier that
 * reads a text with them.
 *
 * <p>Classifying a text: every term is matched on its lower-cased word tokens; overlapping matches
 * are resolved in favour of the category listed first, then the longer match ("election fraud" is
 * election interference, not fraud; "chemical attack on civilians" is chemical weapons); the
 * category with the most remaining matches wins, ties to the category listed first.
 */
public final class OffenceTaxonomy implements Serializable {

  private static final long serialVersionUID = 1L;

  public static final String CATEGORIES_FILE = "offences/categories.tsv";
  public static final String TERMS_FILE = "offences/terms.tsv";

  /** Longest gap a lone {@code *} in a term stands for, in tokens. */
  static final int MAX_GAP = 3;

  private static final Pattern TOKEN_SPLIT = Pattern.compile("[^a-z0-9']+");

  /** One category's label and codes, as in {@code categories.tsv}. */
  public record Entry(OffenceCategory category, String cameo, String plover, String description)
      implements Serializable {}

  /**
   * One term: its category and its token slots; a slot is a word, a prefix ending in {@code *}, or
   * a lone {@code *} (a gap).
   */
  record Term(OffenceCategory category, String text, String[] slots) implements Serializable {}

  /** A term matched on tokens {@code [start, end)}. */
  public record Match(OffenceCategory category, String term, int start, int end) {
    int length() {
      return end - start;
    }
  }

  private final Map<OffenceCategory, Entry> entries;
  private final List<Term> terms;

  private OffenceTaxonomy(Map<OffenceCategory, Entry> entries, List<Term> terms) {
    this.entries = entries;
    this.terms = List.copyOf(terms);
  }

  /** Loads both files through {@code lines} (e.g. {@code ReferenceFiles::lines}). */
  public static OffenceTaxonomy load(Function<String, List<String>> lines) {
    return parse(lines.apply(CATEGORIES_FILE), lines.apply(TERMS_FILE));
  }

  /**
   * Parses the data lines of the two files (comments and blank lines removed, header kept). An
   * unknown or repeated category, a category out of the enum's order, a missing category, a
   * malformed row or a term listed twice fails naming the file and the line.
   */
  public static OffenceTaxonomy parse(List<String> categoryLines, List<String> termLines) {
    Map<OffenceCategory, Entry> entries = new EnumMap<>(OffenceCategory.class);
    int row = 0;
    for (String line : categoryLines) {
      String[] f = line.split("\t", -1);
      if (f[0].equals("category")) {
        continue;
      }
      check(f.length == 4, CATEGORIES_FILE, line, "expected 4 tab-separated columns");
      OffenceCategory c = category(f[0], CATEGORIES_FILE, line);
      check(!entries.containsKey(c), CATEGORIES_FILE, line, "category listed twice");
      check(
          c.ordinal() == row,
          CATEGORIES_FILE,
          line,
          "categories must be listed in the order of OffenceCategory, expected "
              + (row < OffenceCategory.values().length
                  ? OffenceCategory.values()[row].name()
                  : "no more rows"));
      check(f[1].matches("-|\\d{2,4}"), CATEGORIES_FILE, line, "CAMEO code must be digits or -");
      check(f[2].matches("-|[A-Z]+"), CATEGORIES_FILE, line, "PLOVER type must be upper case or -");
      check(!f[3].isBlank(), CATEGORIES_FILE, line, "empty description");
      entries.put(c, new Entry(c, dash(f[1]), dash(f[2]), f[3]));
      row++;
    }
    check(
        entries.size() == OffenceCategory.values().length,
        CATEGORIES_FILE,
        "(end of file)",
        "every category needs a row; missing "
            + java.util.EnumSet.complementOf(
                entries.isEmpty()
                    ? java.util.EnumSet.noneOf(OffenceCategory.class)
                    : java.util.EnumSet.copyOf(entries.keySet())));

    List<Term> terms = new ArrayList<>();
    Map<String, OffenceCategory> seen = new HashMap<>();
    Set<OffenceCategory> withTerms = new HashSet<>();
    for (String line : termLines) {
      String[] f = line.split("\t", -1);
      if (f[0].equals("category")) {
        continue;
      }
      check(f.length == 2, TERMS_FILE, line, "expected 2 tab-separated columns");
      OffenceCategory c = category(f[0], TERMS_FILE, line);
      for (String alt : f[1].split("\\|", -1)) {
        check(
            alt.matches("[a-z0-9' *]+") && !alt.isBlank() && alt.equals(alt.trim()),
            TERMS_FILE,
            line,
            "term '" + alt + "' must be lower-case words separated by single spaces");
        String[] slots = alt.split(" ");
        for (String s : slots) {
          check(!s.isEmpty(), TERMS_FILE, line, "term '" + alt + "' has a double space");
        }
        check(
            !slots[0].equals("*") && !slots[slots.length - 1].equals("*"),
            TERMS_FILE,
            line,
            "term '" + alt + "' starts or ends with a gap");
        OffenceCategory before = seen.putIfAbsent(alt, c);
        check(
            before == null,
            TERMS_FILE,
            line,
            "term '" + alt + "' is already listed" + (before == null ? "" : " under " + before));
        terms.add(new Term(c, alt, slots));
        withTerms.add(c);
      }
    }
    for (OffenceCategory c : OffenceCategory.values()) {
      check(withTerms.contains(c), TERMS_FILE, "(end of file)", "no terms for " + c);
    }
    return new OffenceTaxonomy(entries, terms);
  }

  /** The label and codes of a category. */
  public Entry entry(OffenceCategory category) {
    return entries.get(category);
  }

  /** Lower-cased word tokens: letters, digits and apostrophes; anything else separates. */
  static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    for (String t :
        TOKEN_SPLIT.split(text.toLowerCase(Locale.ROOT).replace('’', '\'').replace("'s ", " "))) {
      String s = t.replaceAll("^'+|'+$", "");
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }

  /** Every match of every term in {@code text}, before overlaps are resolved. */
  public List<Match> matches(String text) {
    List<Match> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    List<String> tokens = tokens(text);
    for (Term t : terms) {
      for (int i = 0; i < tokens.size(); i++) {
        int end = matchAt(t.slots(), 0, tokens, i);
        if (end > 0) {
          out.add(new Match(t.category(), t.text(), i, end));
        }
      }
    }
    return out;
  }

  /**
   * The matches that remain when overlaps are resolved: by category order, then longer first, then
   * earlier.
   */
  public List<Match> resolved(String text) {
    List<Match> all = matches(text);
    all.sort(
        Comparator.comparing(Match::category)
            .thenComparing(Comparator.comparingInt(Match::length).reversed())
            .thenComparingInt(Match::start));
    List<Match> kept = new ArrayList<>();
    for (Match m : all) {
      boolean free = true;
      for (Match k : kept) {
        if (m.start() < k.end() && k.start() < m.end()) {
          free = false;
          break;
        }
      }
      if (free) {
        kept.add(m);
      }
    }
    return kept;
  }

  /** The category of {@code text}, or null when no term matches it. */
  public OffenceCategory classify(String text) {
    int[] votes = new int[OffenceCategory.values().length];
    OffenceCategory best = null;
    for (Match m : resolved(text)) {
      votes[m.category().ordinal()]++;
    }
    for (OffenceCategory c : OffenceCategory.values()) {
      if (votes[c.ordinal()] > 0 && (best == null || votes[c.ordinal()] > votes[best.ordinal()])) {
        best = c;
      }
    }
    return best;
  }

  /** End of the match of {@code slots[s..]} at token {@code i}, or -1. */
  private static int matchAt(String[] slots, int s, List<String> tokens, int i) {
    if (s == slots.length) {
      return i;
    }
    String slot = slots[s];
    if (slot.equals("*")) {
      for (int gap = 0; gap <= MAX_GAP && i + gap <= tokens.size(); gap++) {
        int end = matchAt(slots, s + 1, tokens, i + gap);
        if (end > 0) {
          return end;
        }
      }
      return -1;
    }
    if (i >= tokens.size()) {
      return -1;
    }
    String token = tokens.get(i);
    boolean ok =
        slot.endsWith("*")
            ? token.startsWith(slot.substring(0, slot.length() - 1))
            : token.equals(slot);
    return ok ? matchAt(slots, s + 1, tokens, i + 1) : -1;
  }

  private static OffenceCategory category(String name, String file, String line) {
    try {
      return OffenceCategory.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          file
              + ": unknown category '"
              + name
              + "' in line '"
              + line
              + "', expected one of "
              + java.util.Arrays.toString(OffenceCategory.values()));
    }
  }

  private static String dash(String s) {
    return s.equals("-") ? null : s;
  }

  private static void check(boolean ok, String file, String line, String message) {
    if (!ok) {
      throw new IllegalArgumentException(file + ": " + message + " in line '" + line + "'");
    }
  }
}
