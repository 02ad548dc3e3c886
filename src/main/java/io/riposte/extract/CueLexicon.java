package io.riposte.extract;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The cue words of accusations and denials and the context words that shape them, read from {@code
 * lexicons/accusation_cues.tsv}, {@code lexicons/denial_cues.tsv} and {@code
 * lexicons/context_words.tsv} (format in {@code data/lexicons/README.md} and in each file's header
 * comment).
 *
 * <p>Pattern syntax: segments separated by {@code " * "} (a gap of 0 to {@value #MAX_GAP} tokens);
 * a segment lists alternatives separated by {@code |}; an alternative is one or more lower-case
 * tokens separated by spaces. Matching is on lower-cased tokens with straight apostrophes.
 */
public final class CueLexicon implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The lexicon files, relative to the reference data folder, in {@link #parse} order. */
  public static final List<String> FILES =
      List.of(
          "lexicons/accusation_cues.tsv", "lexicons/denial_cues.tsv", "lexicons/context_words.tsv");

  static final int MAX_GAP = 4;

  /** One cue pattern: its kind (ACCUSATION or DENIAL), frame and weight. */
  record Pattern(String kind, String frame, List<List<String[]>> segments, double weight)
      implements Serializable {}

  /** A cue pattern matched on tokens {@code [start, end)}. */
  record Match(Pattern pattern, int start, int end) {}

  private final List<Pattern> patterns;
  private final Map<String, List<Pattern>> byFirstToken;
  private final Map<String, Map<String, String>> context;
  private final Map<String, Integer> contextMaxLen;
  private final List<String> phrases;

  private CueLexicon(List<Pattern> patterns, Map<String, Map<String, String>> context) {
    this.patterns = List.copyOf(patterns);
    this.byFirstToken = new HashMap<>();
    Set<String> out = new LinkedHashSet<>();
    for (Pattern p : patterns) {
      for (String[] alt : p.segments().get(0)) {
        List<Pattern> list = byFirstToken.computeIfAbsent(alt[0], k -> new ArrayList<>());
        if (!list.contains(p)) {
          list.add(p);
        }
      }
      for (String[] alt : p.segments().get(anchor(p))) {
        out.add(String.join(" ", alt));
      }
    }
    this.context = context;
    this.contextMaxLen = new HashMap<>();
    for (Map.Entry<String, Map<String, String>> e : context.entrySet()) {
      int max = 1;
      for (String phrase : e.getValue().keySet()) {
        max = Math.max(max, phrase.split(" ").length);
      }
      contextMaxLen.put(e.getKey(), max);
    }
    this.phrases = List.copyOf(out);
  }

  /**
   * Parses the data lines of the three lexicon files (comments and blank lines removed; a header
   * line, recognised by its first column {@code frame} or {@code category}, is skipped). Malformed
   * rows fail fast with the offending line.
   */
  public static CueLexicon parse(
      List<String> accusationLines, List<String> denialLines, List<String> contextLines) {
    List<Pattern> patterns = new ArrayList<>();
    addPatterns(patterns, Claim.ACCUSATION, accusationLines, "accusation_cues.tsv");
    addPatterns(patterns, Claim.DENIAL, denialLines, "denial_cues.tsv");
    Map<String, Map<String, String>> context = new HashMap<>();
    for (String line : nonNull(contextLines)) {
      String[] f = line.split("\t", -1);
      if (f[0].trim().equalsIgnoreCase("category")) {
        continue;
      }
      if (f.length < 2 || f[1].isBlank()) {
        throw new IllegalArgumentException(
            "context_words.tsv: expected 'category<TAB>pattern[<TAB>value]', got: " + line);
      }
      String category = f[0].trim().toUpperCase(Locale.ROOT);
      String value = f.length > 2 ? f[2].trim() : "";
      Map<String, String> words = context.computeIfAbsent(category, k -> new HashMap<>());
      for (String alt : f[1].split("\\|")) {
        String phrase = norm(alt);
        if (!phrase.isEmpty()) {
          words.putIfAbsent(phrase, value);
        }
      }
    }
    return new CueLexicon(patterns, context);
  }

  /** Reads {@link #FILES} with {@code linesOf} (e.g. {@code ReferenceFiles::lines}) and parses. */
  public static CueLexicon load(Function<String, List<String>> linesOf) {
    return parse(
        linesOf.apply(FILES.get(0)), linesOf.apply(FILES.get(1)), linesOf.apply(FILES.get(2)));
  }

  /**
   * Lower-case cue words and phrases whose presence marks a candidate sentence: every alternative
   * of every cue pattern's anchor segment (the segment whose shortest alternative is longest).
   * Every claim the extractor makes contains one of them.
   */
  public List<String> phrases() {
    return phrases;
  }

  List<Pattern> patterns() {
    return patterns;
  }

  /** Cue patterns matching on {@code low[from..to)}, longest first at each start position. */
  List<Match> match(String[] low, int from, int to) {
    List<Match> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      List<Pattern> candidates = byFirstToken.get(low[i]);
      if (candidates == null) {
        continue;
      }
      for (Pattern p : candidates) {
        int end = matchSegments(p.segments(), 0, low, i, to);
        if (end > i) {
          out.add(new Match(p, i, end));
        }
      }
    }
    return out;
  }

  /** Length in tokens of the longest phrase of {@code category} starting at {@code i}, or 0. */
  int context(String category, String[] low, int i, int to) {
    Map<String, String> words = context.get(category);
    if (words == null || i < 0 || i >= to) {
      return 0;
    }
    int max = Math.min(contextMaxLen.getOrDefault(category, 1), to - i);
    StringBuilder sb = new StringBuilder();
    int best = 0;
    for (int n = 1; n <= max; n++) {
      if (n > 1) {
        sb.append(' ');
      }
      sb.append(low[i + n - 1]);
      if (words.containsKey(sb.toString())) {
        best = n;
      }
    }
    return best;
  }

  /** Whether a cue pattern starts with this lower-case token. */
  boolean startsCue(String token) {
    return byFirstToken.containsKey(token);
  }

  /** Whether a denial cue pattern starts with this lower-case token ("denied", "rejects"). */
  boolean startsDenial(String token) {
    List<Pattern> list = byFirstToken.get(token);
    if (list != null) {
      for (Pattern p : list) {
        if (p.kind().equals(Claim.DENIAL)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether the single lower-case word or phrase is in {@code category}. */
  boolean is(String category, String phrase) {
    Map<String, String> words = context.get(category);
    return words != null && phrase != null && words.containsKey(phrase);
  }

  /** The phrases of a context category (empty for an unknown one). */
  java.util.Set<String> words(String category) {
    Map<String, String> words = context.get(category);
    return words == null ? java.util.Set.of() : java.util.Set.copyOf(words.keySet());
  }

  /** The value column of a context phrase, or null. */
  String value(String category, String phrase) {
    Map<String, String> words = context.get(category);
    return words == null ? null : words.get(phrase);
  }

  private int matchSegments(List<List<String[]>> segments, int s, String[] low, int i, int to) {
    int best = -1;
    for (String[] alt : segments.get(s)) {
      if (i + alt.length > to) {
        continue;
      }
      boolean ok = true;
      for (int k = 0; k < alt.length && ok; k++) {
        ok = alt[k].equals(low[i + k]);
      }
      if (!ok) {
        continue;
      }
      int end = i + alt.length;
      if (s + 1 < segments.size()) {
        int found = -1;
        for (int gap = 0; gap <= MAX_GAP && end + gap < to && found < 0; gap++) {
          if (gap > 0 && isBarrier(low[end + gap - 1])) {
            break;
          }
          found = matchSegments(segments, s + 1, low, end + gap, to);
        }
        end = found;
      }
      best = Math.max(best, end);
    }
    return best;
  }

  private static boolean isBarrier(String token) {
    return token.equals(".") || token.equals(";") || token.equals(":") || token.equals("?");
  }

  private static int anchor(Pattern p) {
    int best = 0;
    int bestLen = -1;
    for (int s = 0; s < p.segments().size(); s++) {
      int min = Integer.MAX_VALUE;
      for (String[] alt : p.segments().get(s)) {
        min = Math.min(min, String.join(" ", alt).length());
      }
      if (min > bestLen) {
        best = s;
        bestLen = min;
      }
    }
    return best;
  }

  private static void addPatterns(List<Pattern> out, String kind, List<String> lines, String file) {
    for (String line : nonNull(lines)) {
      String[] f = line.split("\t", -1);
      if (f[0].trim().equalsIgnoreCase("frame")) {
        continue;
      }
      if (f.length < 3) {
        throw new IllegalArgumentException(
            file + ": expected 'frame<TAB>pattern<TAB>weight', got: " + line);
      }
      double weight;
      try {
        weight = Double.parseDouble(f[2].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(file + ": weight is not a number in: " + line, e);
      }
      List<List<String[]>> segments = new ArrayList<>();
      for (String segment : f[1].split(" \\* ")) {
        List<String[]> alts = new ArrayList<>();
        for (String alt : segment.split("\\|")) {
          String phrase = norm(alt);
          if (!phrase.isEmpty()) {
            alts.add(phrase.split(" "));
          }
        }
        if (alts.isEmpty()) {
          throw new IllegalArgumentException(file + ": empty pattern segment in: " + line);
        }
        segments.add(alts);
      }
      out.add(
          new Pattern(kind, f[0].trim().toUpperCase(Locale.ROOT), List.copyOf(segments), weight));
    }
  }

  private static String norm(String phrase) {
    return phrase.trim().toLowerCase(Locale.ROOT).replace('\u2019', '\'').replaceAll("\\s+", " ");
  }

  private static List<String> nonNull(List<String> lines) {
    return lines == null ? Collections.emptyList() : lines;
  }
}
