package io.riposte.ingest;

import java.io.Serializable;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

/**
 * Turns raw article text into the cleaned text that every later stage and every claim offset refers
 * to: HTML entities and stray markup decoded, double-encoded UTF-8 repaired, boilerplate lines
 * removed, quotes and white space normalised. Paragraphs are kept as blank-line separated blocks
 * and sentences are never cut.
 *
 * <p>Work is linear in the text length; there is no regular expression over the text.
 */
public final class TextCleaner implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final String[] MARKUP_HINTS = {
    "<p>", "</p>", "<br", "<div", "</div>", "<a href", "</a>", "<em>", "<strong>", "<span"
  };

  private final Boilerplate boilerplate;

  public TextCleaner(Boilerplate boilerplate) {
    this.boilerplate = boilerplate;
  }

  /** Cleans {@code raw}; returns "" for null. */
  public String clean(String raw) {
    if (raw == null) {
      return "";
    }
    String s = raw;
    if (s.indexOf('&') >= 0) {
      s = Parser.unescapeEntities(s, false);
    }
    if (looksLikeMarkup(s)) {
      s = markupToText(s);
    }
    s = repairMojibake(s);
    s = Normalizer.normalize(s, Normalizer.Form.NFC);
    s = normaliseCharacters(s);
    s = boilerplate.strip(s);
    return normaliseWhitespace(s);
  }

  static boolean looksLikeMarkup(String s) {
    if (s.indexOf('<') < 0) {
      return false;
    }
    String lower = s.toLowerCase(Locale.ROOT);
    for (String hint : MARKUP_HINTS) {
      if (lower.contains(hint)) {
        return true;
      }
    }
    return false;
  }

  /** Elements followed by a blank line in {@link #markupToText}. */
  private static final java.util.Set<String> BLOCKS =
      java.util.Set.of("p", "div", "li", "h1", "h2", "h3", "h4", "blockquote");

  /**
   * Markup to text, with block elements and line breaks becoming line breaks: the text nodes in
   * document order, a {@code <br>} as two line breaks, a blank line after each block element. One
   * pass over the tree (inserting a text node after each element with jsoup's {@code after()} made
   * it quadratic in the number of siblings: 40,000 paragraphs took 16 s).
   */
  static String markupToText(String html) {
    Document doc = Jsoup.parseBodyFragment(html);
    doc.select("script, style").remove();
    StringBuilder out = new StringBuilder(html.length());
    org.jsoup.select.NodeTraversor.traverse(
        new org.jsoup.select.NodeVisitor() {
          @Override
          public void head(org.jsoup.nodes.Node node, int depth) {
            if (node instanceof org.jsoup.nodes.TextNode text) {
              out.append(text.getWholeText());
            } else if (node.nameIs("br")) {
              out.append('\n');
            }
          }

          @Override
          public void tail(org.jsoup.nodes.Node node, int depth) {
            if (node.nameIs("br")) {
              out.append('\n');
            } else if (node instanceof org.jsoup.nodes.Element e
                && BLOCKS.contains(e.normalName())) {
              out.append("\n\n");
            }
          }
        },
        doc.body());
    return out.toString();
  }

  /**
   * Repairs text that was UTF-8, decoded as Windows-1252 and encoded again ("Itâ€™s" for "It’s").
   * Each run of characters that spells a valid UTF-8 sequence in Windows-1252 is decoded; other
   * text is left untouched, so correctly encoded characters next to a broken one survive.
   */
  static String repairMojibake(String s) {
    if (!hasMojibakeLead(s)) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      int n = continuationBytes(cp1252Byte(s.charAt(i)));
      String decoded = n > 0 && i + n < s.length() ? decodeRun(s, i, n) : null;
      if (decoded != null) {
        out.append(decoded);
        i += n + 1;
      } else {
        out.append(s.charAt(i));
        i++;
      }
    }
    return out.toString();
  }

  /** How many continuation bytes a UTF-8 lead byte announces; 0 when it is no lead byte. */
  private static int continuationBytes(int lead) {
    if (lead >= 0xC2 && lead <= 0xDF) {
      return 1;
    }
    if (lead >= 0xE0 && lead <= 0xEF) {
      return 2;
    }
    return lead >= 0xF0 && lead <= 0xF4 ? 3 : 0;
  }

  /** Decodes s[i..i+n] as one UTF-8 sequence spelled in Windows-1252, or returns null. */
  private static String decodeRun(String s, int i, int n) {
    byte[] bytes = new byte[n + 1];
    for (int k = 0; k <= n; k++) {
      int b = cp1252Byte(s.charAt(i + k));
      if (k > 0 && (b < 0x80 || b > 0xBF)) {
        return null;
      }
      bytes[k] = (byte) b;
    }
    return decodeUtf8(bytes);
  }

  private static boolean hasMojibakeLead(String s) {
    for (int i = 0; i + 1 < s.length(); i++) {
      char c = s.charAt(i);
      if ((c == 'â' || c == 'Ã' || c == 'Â' || c == 'ð') && cp1252Byte(s.charAt(i + 1)) >= 0x80) {
        return true;
      }
    }
    return false;
  }

  private static String decodeUtf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** The Windows-1252 byte that decodes to {@code c}, or -1. */
  static int cp1252Byte(char c) {
    if (c < 0x80 || (c >= 0xA0 && c <= 0xFF) || (c >= 0x80 && c <= 0x9F)) {
      return c;
    }
    return switch (c) {
      case '€' -> 0x80;
      case '‚' -> 0x82;
      case 'ƒ' -> 0x83;
      case '„' -> 0x84;
      case '…' -> 0x85;
      case '†' -> 0x86;
      case '‡' -> 0x87;
      case 'ˆ' -> 0x88;
      case '‰' -> 0x89;
      case 'Š' -> 0x8A;
      case '‹' -> 0x8B;
      case 'Œ' -> 0x8C;
      case 'Ž' -> 0x8E;
      case '‘' -> 0x91;
      case '’' -> 0x92;
      case '“' -> 0x93;
      case '”' -> 0x94;
      case '•' -> 0x95;
      case '–' -> 0x96;
      case '—' -> 0x97;
      case '˜' -> 0x98;
      case '™' -> 0x99;
      case 'š' -> 0x9A;
      case '›' -> 0x9B;
      case 'œ' -> 0x9C;
      case 'ž' -> 0x9E;
      case 'Ÿ' -> 0x9F;
      default -> -1;
    };
  }

  /**
   * One spelling per character: non-breaking and exotic spaces become spaces, zero-width characters
   * go, low-9 and guillemet quotes become curly quotes, primes become apostrophes. Curly and
   * straight quotes are kept as they are: quote detection uses their direction.
   */
  static String normaliseCharacters(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\u00A0',
            '\u2000',
            '\u2001',
            '\u2002',
            '\u2003',
            '\u2004',
            '\u2005',
            '\u2006',
            '\u2007',
            '\u2008',
            '\u2009',
            '\u200A',
            '\u202F',
            '\u205F',
            '\u3000',
            '\t' ->
            out.append(' ');
        case '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD' -> {}
        case '\r' -> {
          if (i + 1 >= s.length() || s.charAt(i + 1) != '\n') {
            out.append('\n');
          }
        }
        case '\u2028', '\u2029', '\u000B', '\u000C', '\u0085' -> out.append('\n');
        case '\u201E', '\u201F', '\u00AB' -> out.append('\u201C');
        case '\u00BB' -> out.append('\u201D');
        case '\u201A', '\u201B' -> out.append('\u2018');
        case '\u2032', '\u00B4' -> out.append('\'');
        case '\u2033', '\uFF02' -> out.append('"');
        default -> {
          if (c >= 0x20 || c == '\n') {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /**
   * Spaces folded inside lines, lines trimmed, paragraphs separated by exactly one blank line, the
   * text trimmed. A single line break inside a paragraph is kept as a line break.
   */
  static String normaliseWhitespace(String s) {
    StringBuilder out = new StringBuilder(s.length());
    int newlines = 0;
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n') {
        newlines++;
        space = false;
      } else if (c == ' ') {
        space = true;
      } else {
        if (out.length() > 0) {
          if (newlines >= 2) {
            out.append("\n\n");
          } else if (newlines == 1) {
            out.append('\n');
          } else if (space) {
            out.append(' ');
          }
        }
        newlines = 0;
        space = false;
        out.append(c);
      }
    }
    return out.toString();
  }
}
