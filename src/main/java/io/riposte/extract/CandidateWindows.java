package io.riposte.extract;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The parts of an article that the NLP pipeline needs: each candidate sentence (one that can hold a
 * claim), the sentences just before it (mentions that pronouns and "the ministry" resolve to, the
 * speaker of a quote), the sentence after it ("..., he said."), the article's lead, and the first
 * sentence naming each capitalised word of those (the full name a surname stands for). Everything
 * else is cut: each left-out sentence becomes one space, line breaks kept, so that Spark NLP
 * segments, tokenises and matches only the windows (its sentence detector's cost grows with the
 * length of the text it reads, blanks included). {@link Kept#original} maps an offset into the
 * windowed text back to the article.
 *
 * <p>A sentence is a candidate when it holds one of {@code cues} (the rules' cue phrases and the
 * frames' cue forms: every rule claim contains a cue phrase), or a {@code wrongdoing} word together
 * with a {@code context} word or a quotation mark (the parser's reported-wrongdoing gate, {@link
 * ClaimExtractor#candidate}). Sentences are found by a cheap split at line breaks and at {@code . !
 * ?} before white space: a coarser split than Spark NLP's keeps more, never less. One pass over the
 * text per word list; work is linear in the text's length.
 */
public final class CandidateWindows implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Sentences kept before each candidate sentence. */
  public static final int BEFORE = 3;

  /** Sentences kept after each candidate sentence. */
  public static final int AFTER = 1;

  /** Sentences at the start of the article kept whatever they hold. */
  public static final int LEAD = 2;

  private final CuePrefilter cues;
  private final CuePrefilter wrongdoing;
  private final CuePrefilter context;

  /**
   * @param cues phrases that make a sentence a candidate on their own
   * @param wrongdoing words that make a sentence a candidate with a context word or a quote
   * @param context reporting words (quotation marks among them are ignored: quotes are found in the
   *     text)
   */
  public CandidateWindows(List<String> cues, List<String> wrongdoing, List<String> context) {
    this.cues = new CuePrefilter(cues);
    this.wrongdoing = new CuePrefilter(wrongdoing);
    this.context = new CuePrefilter(context);
  }

  /**
   * What {@link #keep} kept of one text: the windowed text, where its offsets lie in the article,
   * and its sentence counts.
   *
   * @param jumps pairs (offset in {@code text}, offset in the article) at each place where the
   *     windowed text skips part of the article: from there on, offsets shift by their difference.
   *     Empty when nothing was cut.
   */
  public record Kept(String text, int[] jumps, int sentences, int candidates, int keptSentences) {

    /** The article offset of offset {@code offset} in {@link #text}. */
    public int original(int offset) {
      return CandidateWindows.original(jumps, offset);
    }
  }

  private static final int[] NO_JUMPS = new int[0];

  /** The article offset of a windowed text's {@code offset}, given {@link Kept#jumps}. */
  public static int original(int[] jumps, int offset) {
    int lo = 0;
    int hi = jumps.length / 2 - 1;
    int at = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (jumps[2 * mid] <= offset) {
        at = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return at < 0 ? offset : jumps[2 * at + 1] + offset - jumps[2 * at];
  }

  /** {@code text} cut to its windows (see above). */
  public Kept keep(String text) {
    if (text == null || text.isEmpty()) {
      return new Kept(text, NO_JUMPS, 0, 0, 0);
    }
    List<int[]> sentences = split(text);
    int n = sentences.size();
    boolean[] keep = new boolean[n];
    int candidates = 0;
    boolean openQuote = false;
    for (int s = 0; s < n; s++) {
      int from = sentences.get(s)[0];
      int to = sentences.get(s)[1];
      boolean quoted = openQuote;
      for (int i = from; i < to; i++) {
        char c = text.charAt(i);
        if (c == '"' || c == '“' || c == '”') {
          quoted = true;
          openQuote = c == '"' ? !openQuote : c == '“';
        }
      }
      if (to < text.length() && text.charAt(to) == '\n') {
        openQuote = false;
      }
      String sentence = text.substring(from, to);
      if (cues.matches(sentence)
          || wrongdoing.matches(sentence) && (quoted || context.matches(sentence))) {
        candidates++;
        for (int k = Math.max(0, s - BEFORE); k <= Math.min(n - 1, s + AFTER); k++) {
          keep[k] = true;
        }
      }
    }
    if (candidates == 0) {
      return new Kept("", NO_JUMPS, n, 0, 0);
    }
    for (int k = 0; k < Math.min(n, LEAD); k++) {
      keep[k] = true;
    }
    keepFirstMentions(text, sentences, keep);
    int kept = 0;
    for (boolean k : keep) {
      kept += k ? 1 : 0;
    }
    if (kept == n) {
      return new Kept(text, NO_JUMPS, n, candidates, kept);
    }
    return cut(text, sentences, keep, candidates, kept);
  }

  /**
   * The text with each left-out sentence replaced by one space (none for an empty one), and the
   * jumps back to the article. Characters between sentences (line breaks) are copied.
   */
  private static Kept cut(
      String text, List<int[]> sentences, boolean[] keep, int candidates, int kept) {
    StringBuilder out = new StringBuilder(text.length());
    IntPairs jumps = new IntPairs();
    int shift = 0; // article offset minus windowed offset
    int at = 0; // next article offset to copy
    for (int s = 0; s < sentences.size(); s++) {
      int from = sentences.get(s)[0];
      int to = sentences.get(s)[1];
      out.append(text, at, from);
      if (keep[s]) {
        out.append(text, from, to);
      } else if (to > from) {
        // The space stands at the left-out sentence's first offset; what follows resumes at `to`.
        out.append(' ');
        shift = jumps.addIfShifted(out.length(), to, shift);
      }
      at = to;
    }
    out.append(text, at, text.length());
    return new Kept(out.toString(), jumps.toArray(), sentences.size(), candidates, kept);
  }

  /** A growable list of (windowed offset, article offset) pairs. */
  private static final class IntPairs {
    private int[] values = new int[16];
    private int size;

    /** Adds the pair when the shift it sets differs from {@code shift}; returns the new shift. */
    int addIfShifted(int windowed, int article, int shift) {
      if (article - windowed == shift) {
        return shift;
      }
      if (size + 2 > values.length) {
        values = Arrays.copyOf(values, values.length * 2);
      }
      values[size++] = windowed;
      values[size++] = article;
      return article - windowed;
    }

    int[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }

  /**
   * Keeps, for each capitalised word of a kept sentence, the first sentence that holds the word:
   * "Fairfax denied it" needs "Lt. Gov. Justin Fairfax" from the third paragraph to name the
   * denier, "Hua said" needs "Chinese foreign ministry spokeswoman Hua Chunying". One pass to index
   * first occurrences, one over the kept sentences.
   */
  private static void keepFirstMentions(String text, List<int[]> sentences, boolean[] keep) {
    Map<String, Integer> first = new HashMap<>();
    List<List<String>> names = new ArrayList<>(sentences.size());
    for (int s = 0; s < sentences.size(); s++) {
      List<String> words = capitalised(text, sentences.get(s)[0], sentences.get(s)[1]);
      names.add(words);
      for (String w : words) {
        first.putIfAbsent(w, s);
      }
    }
    boolean[] also = new boolean[keep.length];
    for (int s = 0; s < sentences.size(); s++) {
      if (keep[s]) {
        for (String w : names.get(s)) {
          also[first.get(w)] = true;
        }
      }
    }
    for (int s = 0; s < keep.length; s++) {
      keep[s] |= also[s];
    }
  }

  /** Words of text[from, to) that start with a capital letter. */
  private static List<String> capitalised(String text, int from, int to) {
    List<String> out = new ArrayList<>();
    int i = from;
    while (i < to) {
      while (i < to && !Character.isLetter(text.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < to && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '-')) {
        i++;
      }
      if (i > start + 1 && Character.isUpperCase(text.charAt(start))) {
        out.add(text.substring(start, i));
      }
    }
    return out;
  }

  /** Titles and the like whose full stop ends no sentence ("Lt. Gov. Justin Fairfax"). */
  private static final Set<String> ABBREVIATIONS =
      Set.of(
          "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "st", "jr", "sr", "no",
          "inc", "corp", "co", "vs", "prof", "rev", "sgt", "capt", "maj", "ft", "mt", "jan", "feb",
          "aug", "sept", "oct", "nov", "dec");

  /** Whether the word before the full stop at {@code dot} is one letter or an abbreviation. */
  private static boolean abbreviationBefore(String text, int dot) {
    int b = dot;
    while (b > 0 && dot - b <= 5 && Character.isLetter(text.charAt(b - 1))) {
      b--;
    }
    if (b == dot || b > 0 && Character.isLetter(text.charAt(b - 1))) {
      return false;
    }
    return dot - b == 1 || ABBREVIATIONS.contains(text.substring(b, dot).toLowerCase(Locale.ROOT));
  }

  /**
   * Sentence spans [from, to): a sentence ends at a line break, or after {@code . ! ?} and any
   * closing quotes or brackets when white space follows (not after the full stop of one letter or a
   * title: "U.S. officials", "Sen. Warren"). Every character but the line breaks is in one span.
   */
  static List<int[]> split(String text) {
    List<int[]> out = new ArrayList<>();
    int n = text.length();
    int start = 0;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        out.add(new int[] {start, i});
        start = i + 1;
      } else if (c == '!' || c == '?' || c == '.' && !abbreviationBefore(text, i)) {
        int j = i + 1;
        while (j < n && "\"”’')]".indexOf(text.charAt(j)) >= 0) {
          j++;
        }
        if (j < n && text.charAt(j) == ' ') {
          out.add(new int[] {start, j});
          start = j;
          i = j - 1;
        }
      }
    }
    if (start < n) {
      out.add(new int[] {start, n});
    }
    return out;
  }
}
