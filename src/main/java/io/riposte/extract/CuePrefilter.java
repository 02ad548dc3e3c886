package io.riposte.extract;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Tells cheaply whether a text contains any cue phrase (lower-case, matched on word boundaries), so
 * that the expensive NLP pipeline runs only over articles that can hold a claim. One pass over the
 * text; at each word start, only the phrases that begin with that word are compared.
 */
public final class CuePrefilter implements Serializable {

  private static final long serialVersionUID = 1L;

  private final Map<String, List<String>> phrasesByFirstWord;

  public CuePrefilter(List<String> phrases) {
    Map<String, List<String>> byFirst = new HashMap<>();
    for (String p : phrases) {
      String phrase = p.strip().toLowerCase(Locale.ROOT);
      if (phrase.isEmpty()) {
        continue;
      }
      int space = phrase.indexOf(' ');
      String first = space < 0 ? phrase : phrase.substring(0, space);
      byFirst.computeIfAbsent(first, k -> new ArrayList<>()).add(phrase);
    }
    byFirst.replaceAll((k, v) -> List.copyOf(v));
    this.phrasesByFirstWord = Map.copyOf(byFirst);
  }

  /** True when {@code text} contains one of the phrases as whole words, ignoring case. */
  public boolean matches(String text) {
    if (text == null) {
      return false;
    }
    String lower = text.toLowerCase(Locale.ROOT);
    int n = lower.length();
    int i = 0;
    while (i < n) {
      while (i < n && !isWordChar(lower.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && isWordChar(lower.charAt(i))) {
        i++;
      }
      if (i > start) {
        List<String> candidates = phrasesByFirstWord.get(lower.substring(start, i));
        if (candidates != null) {
          for (String phrase : candidates) {
            int end = start + phrase.length();
            if (lower.startsWith(phrase, start) && (end >= n || !isWordChar(lower.charAt(end)))) {
              return true;
            }
          }
        }
      }
    }
    return false;
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '\'' || c == '’' || c == '-';
  }
}
