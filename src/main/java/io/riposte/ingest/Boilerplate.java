package io.riposte.ingest;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Line rules for site boilerplate ("Advertisement", "Story Continued Below", copyright and
 * comment-policy blocks), read from {@code data/boilerplate.tsv}. Matching is by plain string
 * comparison on short lines: no regular expression ever runs over article text here.
 */
public final class Boilerplate implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Longest line a line rule may remove. */
  static final int MAX_LINE_RULE_CHARS = 200;

  enum Scope {
    LINE,
    TAIL
  }

  enum Match {
    EQUALS,
    PREFIX,
    CONTAINS
  }

  record Rule(Scope scope, Match match, String text) implements Serializable {
    boolean matches(String key) {
      return switch (match) {
        case EQUALS -> key.equals(text);
        case PREFIX -> key.startsWith(text);
        case CONTAINS -> key.contains(text);
      };
    }
  }

  private final List<Rule> rules;

  private Boilerplate(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** Parses the rule file's lines (header first, comments already dropped). */
  public static Boilerplate parse(List<String> lines) {
    List<Rule> rules = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t", -1);
      if (f.length != 3) {
        throw new IllegalArgumentException(
            "boilerplate.tsv: expected 3 tab-separated fields, got " + f.length + ": " + line);
      }
      rules.add(
          new Rule(
              Scope.valueOf(f[0].strip().toUpperCase(Locale.ROOT)),
              Match.valueOf(f[1].strip().toUpperCase(Locale.ROOT)),
              key(f[2])));
    }
    return new Boilerplate(rules);
  }

  /**
   * Removes boilerplate lines from {@code text} (lines separated by '\n'). Returns the text with
   * the removed lines gone and, after a tail rule fires, nothing more.
   */
  public String strip(String text) {
    String[] lines = text.split("\n", -1);
    StringBuilder out = new StringBuilder(text.length());
    int offset = 0;
    for (String line : lines) {
      int start = offset;
      offset += line.length() + 1;
      String key = key(line);
      if (key.isEmpty()) {
        out.append(line).append('\n');
        continue;
      }
      Scope hit = match(key, line.length());
      if (hit == Scope.TAIL && start >= text.length() / 2) {
        break;
      }
      boolean drop =
          hit == Scope.LINE || (hit == Scope.TAIL && line.length() <= MAX_LINE_RULE_CHARS);
      if (!drop) {
        out.append(line).append('\n');
      }
    }
    return out.toString();
  }

  private Scope match(String key, int length) {
    Scope found = null;
    for (Rule rule : rules) {
      if (rule.scope == Scope.LINE && length > MAX_LINE_RULE_CHARS) {
        continue;
      }
      if (rule.matches(key)) {
        if (rule.scope == Scope.TAIL) {
          return Scope.TAIL;
        }
        found = Scope.LINE;
      }
    }
    return found;
  }

  /** Lower case, white space folded, decoration ('*', '_') stripped at both ends. */
  static String key(String line) {
    String s = line.strip().toLowerCase(Locale.ROOT);
    int b = 0;
    int e = s.length();
    while (b < e && (s.charAt(b) == '*' || s.charAt(b) == '_' || s.charAt(b) == ' ')) {
      b++;
    }
    while (e > b && (s.charAt(e - 1) == '*' || s.charAt(e - 1) == '_' || s.charAt(e - 1) == ' ')) {
      e--;
    }
    StringBuilder out = new StringBuilder(e - b);
    boolean space = false;
    for (int i = b; i < e; i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        space = true;
      } else {
        if (space && out.length() > 0) {
          out.append(' ');
        }
        space = false;
        out.append(c);
      }
    }
    return out.toString();
  }
}
