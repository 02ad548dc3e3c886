package io.riposte.ingest.html;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Renders an element's text as paragraphs: every block-level element (and every {@code <br>})
 * starts a new paragraph, whitespace inside a paragraph collapses to single spaces. Each paragraph
 * remembers how much of its text sits inside links and which tag opened it, so that callers can
 * drop navigation-like lines. Iterative, so deep trees cannot overflow the stack.
 */
final class Paragraphs {

  /**
   * One rendered paragraph.
   *
   * @param text the paragraph's text, trimmed, with single spaces
   * @param linkChars how many characters of {@code text} are inside {@code <a>} elements
   * @param tag the innermost block element around the text ({@code "p"}, {@code "h2"}, {@code
   *     "li"}...), empty at the root
   */
  record Paragraph(String text, int linkChars, String tag) {

    /** Share of the text inside links, 0 to 1. */
    double linkDensity() {
      return text.isEmpty() ? 0 : (double) linkChars / text.length();
    }

    /** Space-separated words (one for a line of unspaced script such as Chinese). */
    int words() {
      int n = 0;
      boolean in = false;
      for (int i = 0; i < text.length(); i++) {
        boolean space = text.charAt(i) == ' ';
        if (!space && !in) {
          n++;
        }
        in = !space;
      }
      return n;
    }
  }

  /** Elements that break the text flow: each starts and ends a paragraph. */
  static final Set<String> BLOCK_TAGS =
      Set.of(
          "address",
          "article",
          "aside",
          "blockquote",
          "body",
          "br",
          "caption",
          "center",
          "dd",
          "details",
          "dialog",
          "dir",
          "div",
          "dl",
          "dt",
          "fieldset",
          "figcaption",
          "figure",
          "footer",
          "form",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "header",
          "hgroup",
          "hr",
          "li",
          "main",
          "menu",
          "nav",
          "ol",
          "p",
          "pre",
          "section",
          "summary",
          "table",
          "tbody",
          "td",
          "tfoot",
          "th",
          "thead",
          "tr",
          "ul",
          "legend",
          "option",
          "noscript",
          "iframe",
          "video",
          "audio",
          "object");

  /**
   * The class Readability gives the {@code <p style="display: inline">} it wraps around loose text
   * beside block elements; such a paragraph continues the line around it.
   */
  private static final String READABILITY_INLINE_CLASS = "readability-styled";

  private Paragraphs() {}

  private static boolean isBlock(Element e, String name) {
    return BLOCK_TAGS.contains(name) && !(name.equals("p") && e.hasClass(READABILITY_INLINE_CLASS));
  }

  /** Renders {@code root} into non-empty paragraphs in document order. */
  static List<Paragraph> of(Element root) {
    Collector c = new Collector();
    NodeTraversor.traverse(c, root);
    c.flush();
    return c.out;
  }

  private static final class Collector implements NodeVisitor {
    final List<Paragraph> out = new ArrayList<>();
    final StringBuilder buf = new StringBuilder();
    int linkChars;
    int linkDepth;
    final ArrayDeque<String> blocks = new ArrayDeque<>();
    boolean pendingSpace;

    @Override
    public void head(Node node, int depth) {
      if (node instanceof TextNode t) {
        append(t.getWholeText());
      } else if (node instanceof Element e) {
        String name = e.normalName();
        if (isBlock(e, name)) {
          flush();
          blocks.push(name);
        } else if (name.equals("a")) {
          linkDepth++;
        }
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (node instanceof Element e) {
        String name = e.normalName();
        if (isBlock(e, name)) {
          flush();
          blocks.poll();
        } else if (name.equals("a")) {
          linkDepth--;
        }
      }
    }

    private void append(String s) {
      for (int i = 0; i < s.length(); i++) {
        char ch = s.charAt(i);
        if (isSpace(ch)) {
          pendingSpace = true;
          continue;
        }
        if (pendingSpace && buf.length() > 0) {
          buf.append(' ');
          if (linkDepth > 0) {
            linkChars++;
          }
        }
        pendingSpace = false;
        buf.append(ch);
        if (linkDepth > 0) {
          linkChars++;
        }
      }
    }

    void flush() {
      if (buf.length() > 0) {
        out.add(new Paragraph(buf.toString(), linkChars, blocks.isEmpty() ? "" : blocks.peek()));
      }
      buf.setLength(0);
      linkChars = 0;
      pendingSpace = false;
    }
  }

  static boolean isSpace(char ch) {
    return Character.isWhitespace(ch)
        || ch == '\u00A0'
        || ch == '\u2007'
        || ch == '\u202F'
        || ch == '\u200B'
        || ch == '\uFEFF';
  }
}
