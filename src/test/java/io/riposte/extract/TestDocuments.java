package io.riposte.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Test-side stand-ins for the Spark NLP stages: a sentence splitter and a tokenizer close enough to
 * SentenceDetector's and the default Tokenizer's behaviour ("U.S." becomes "U.S" and "."; "wasn't"
 * becomes "was" and "n't"; a curly "’s" stays on its word), and a phrase matcher on token
 * boundaries like TextMatcher (case-sensitive for actors, case-insensitive for cues).
 */
final class TestDocuments {

  private static final Set<String> ABBREVIATIONS =
      Set.of(
          "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "st", "jr", "sr", "u.s",
          "u.k", "u.n", "jan", "feb", "aug", "sept", "sep", "oct", "nov", "dec", "no", "inc",
          "corp", "co", "vs", "etc", "prof", "rev", "sgt", "capt", "maj", "d.c", "a.m", "p.m",
          "e.g", "i.e", "ft", "mt", "messrs", "gov't");

  private static final String OPEN = "\"“‘([{";
  private static final String CLOSE = "\"”’)]}.,;:!?";

  private final Map<String, List<String[]>> actorIndex = new HashMap<>();
  private final Map<String, List<String[]>> cueIndex = new HashMap<>();

  TestDocuments(List<String> actorPhrases, List<String> cuePhrases) {
    index(actorPhrases, actorIndex, false);
    index(cuePhrases, cueIndex, true);
  }

  private static void index(List<String> phrases, Map<String, List<String[]>> idx, boolean lower) {
    for (String p : phrases) {
      List<Token> toks = tokenize(p);
      if (toks.isEmpty()) {
        continue;
      }
      String[] words = new String[toks.size()];
      for (int i = 0; i < words.length; i++) {
        String t = toks.get(i).text();
        words[i] = lower ? t.toLowerCase(Locale.ROOT) : t;
      }
      idx.computeIfAbsent(words[0], k -> new ArrayList<>()).add(words);
    }
  }

  /** A document for {@code text} with sentences, tokens and phrase matches filled in. */
  Document document(String id, String text, LocalDate date) {
    return document(id, text, new CandidateWindows.Kept(text, new int[0], 0, 0, 0), date);
  }

  /**
   * A document for {@code text} annotated on its windows (as {@link CandidateWindows#keep} gives
   * them, or empty), offsets mapped back to the text as {@link ExtractClaims} maps Spark NLP's.
   */
  Document document(String id, String text, CandidateWindows.Kept windows, LocalDate date) {
    List<Token> tokens = new ArrayList<>();
    for (Token t : tokenize(windows.text())) {
      int begin = windows.original(t.begin());
      tokens.add(new Token(begin, begin + t.text().length(), t.text()));
    }
    List<Span> sentences = new ArrayList<>();
    for (Span s : sentences(windows.text())) {
      sentences.add(new Span(windows.original(s.begin()), windows.original(s.end() - 1) + 1));
    }
    return new Document(
        id,
        text,
        date,
        sentences,
        tokens,
        match(tokens, actorIndex, false),
        match(tokens, cueIndex, true));
  }

  private static List<Span> match(
      List<Token> tokens, Map<String, List<String[]>> idx, boolean lower) {
    List<Span> out = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      String first = lower ? tokens.get(i).text().toLowerCase(Locale.ROOT) : tokens.get(i).text();
      List<String[]> candidates = idx.get(first);
      if (candidates == null) {
        continue;
      }
      for (String[] words : candidates) {
        if (i + words.length > tokens.size()) {
          continue;
        }
        boolean ok = true;
        for (int k = 0; k < words.length && ok; k++) {
          String t = tokens.get(i + k).text();
          ok = (lower ? t.toLowerCase(Locale.ROOT) : t).equals(words[k]);
        }
        if (ok) {
          out.add(new Span(tokens.get(i).begin(), tokens.get(i + words.length - 1).end()));
        }
      }
    }
    return out;
  }

  /** Whitespace chunks, with leading/trailing punctuation and contractions split off. */
  static List<Token> tokenize(String text) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      while (i < n && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && !Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      if (start < i) {
        chunk(text, start, i, out);
      }
    }
    return out;
  }

  private static void chunk(String text, int start, int end, List<Token> out) {
    int b = start;
    while (b < end && OPEN.indexOf(text.charAt(b)) >= 0) {
      out.add(new Token(b, b + 1, text.substring(b, b + 1)));
      b++;
    }
    List<Token> tail = new ArrayList<>();
    int e = end;
    while (e > b && CLOSE.indexOf(text.charAt(e - 1)) >= 0) {
      tail.add(0, new Token(e - 1, e, text.substring(e - 1, e)));
      e--;
    }
    if (b < e) {
      String w = text.substring(b, e);
      String lw = w.toLowerCase(Locale.ROOT);
      if (lw.endsWith("n't") && w.length() > 3) {
        out.add(new Token(b, e - 3, w.substring(0, w.length() - 3)));
        out.add(new Token(e - 3, e, w.substring(w.length() - 3)));
      } else if (lw.matches(".+'(s|re|ll|ve|d|m)")) {
        int q = w.lastIndexOf('\'');
        out.add(new Token(b, b + q, w.substring(0, q)));
        out.add(new Token(b + q, e, w.substring(q)));
      } else {
        out.add(new Token(b, e, w));
      }
    }
    out.addAll(tail);
  }

  /** Sentences end at . ! ? (and closing quotes) before a capital, quote or digit. */
  static List<Span> sentences(String text) {
    List<Span> out = new ArrayList<>();
    int n = text.length();
    int start = 0;
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (c == '\n' && i + 1 < n && text.charAt(i + 1) == '\n' || c == '\n') {
        addSentence(text, start, i, out);
        start = i + 1;
        i++;
        continue;
      }
      if (c == '.' || c == '!' || c == '?') {
        int j = i + 1;
        while (j < n && "\"”’)".indexOf(text.charAt(j)) >= 0) {
          j++;
        }
        if (j < n && text.charAt(j) == ' ') {
          int k = j;
          while (k < n && text.charAt(k) == ' ') {
            k++;
          }
          boolean nextStarts =
              k < n
                  && (Character.isUpperCase(text.charAt(k))
                      || Character.isDigit(text.charAt(k))
                      || "\"“‘(".indexOf(text.charAt(k)) >= 0);
          if (nextStarts && !(c == '.' && abbreviationBefore(text, i))) {
            addSentence(text, start, j, out);
            start = k;
            i = k;
            continue;
          }
        }
      }
      i++;
    }
    addSentence(text, start, n, out);
    return out;
  }

  private static boolean abbreviationBefore(String text, int dot) {
    int b = dot;
    while (b > 0
        && !Character.isWhitespace(text.charAt(b - 1))
        && OPEN.indexOf(text.charAt(b - 1)) < 0) {
      b--;
    }
    String word = text.substring(b, dot).toLowerCase(Locale.ROOT);
    if (word.length() == 1 && Character.isLetter(word.charAt(0))) {
      return true;
    }
    return ABBREVIATIONS.contains(word);
  }

  private static void addSentence(String text, int start, int end, List<Span> out) {
    while (start < end && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    if (start < end) {
      out.add(new Span(start, end));
    }
  }
}
