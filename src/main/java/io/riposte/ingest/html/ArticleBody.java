package io.riposte.ingest.html;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Finds the article text of a parsed page, for {@link HtmlArticleExtractor}.
 *
 * <p>Steps, each a general rule measured on the shared article-extraction benchmark: remove
 * elements that are never article text (navigation, dialogs, captions, bylines, cookie and
 * newsletter boxes); unwrap embedded social posts so Readability keeps them; scope Readability to
 * the element the page declares as its article ({@code itemprop=articleBody}, or the one {@code
 * <article>} carrying the headline among several); render Readability's result as paragraphs and
 * drop lines that are not text (the headline, link lists, bare URLs, date stamps). When Readability
 * yields little, fall back to the JSON-LD {@code articleBody} or the largest {@code <p>} cluster.
 */
final class ArticleBody {

  /** Longer lines are text, even when they hold a date. */
  static final int MAX_DATE_LINE_TOKENS = 12;

  /** Bylines and promotion boxes longer than this are assumed to be something else. */
  static final int MAX_BOILERPLATE_CHARS = 200;

  /** Share of the longer headline the shorter one must cover to count as the same headline. */
  static final double MIN_HEADLINE_OVERLAP = 0.6;

  /** Texts shorter than this are leftovers (a notice, a button label), not an article. */
  static final int MIN_ARTICLE_CHARS = 50;

  /** Below this many characters the Readability text is distrusted and fallbacks are tried. */
  static final int MIN_BODY_CHARS = 250;

  /** A {@code <p>} cluster must hold this many characters to count as an article. */
  static final int MIN_CLUSTER_CHARS = 200;

  /** A page-declared article element must hold this many characters to scope Readability. */
  static final int MIN_SCOPE_CHARS = 200;

  /** An {@code <article>} found by its headline must hold this many characters to be used. */
  static final int MIN_TITLED_ARTICLE_CHARS = 500;

  /** Captions, credits and notices longer than this are assumed to be something else. */
  static final int MAX_CAPTION_CHARS = 400;

  /** Elements that are never article text: navigation, dialogs, captions. */
  private static final String NON_CONTENT =
      "nav, [role~=^(navigation|menu|menubar|dialog|alertdialog)$], figcaption, [hidden]";

  /**
   * Short figures, and short elements whose class or id names a caption, a photo credit or a
   * cookie/consent notice.
   */
  private static final String CAPTIONS_AND_NOTICES =
      "figure, [class~=(?i)caption|credit|cookie|consent|gdpr],"
          + " [id~=(?i)caption|cookie|consent|gdpr]";

  /** Short elements whose class or id names a byline, dateline or newsletter/promotion box. */
  private static final String SHORT_BOILERPLATE =
      "[class~=(?i)byline|dateline|newsletter|subscribe|signup|promo],"
          + " [id~=(?i)byline|dateline|newsletter|subscribe|signup|promo]";

  /** Date-like lines inside these are data (fixtures, results), not date stamps. */
  private static final Set<String> LIST_OR_TABLE_TAGS = Set.of("li", "td", "th", "dd", "dt");

  private ArticleBody() {}

  /**
   * The article text of {@code doc} (which this modifies): Readability's text when it is
   * substantial, else the longest of Readability's text, the JSON-LD {@code articleBody} and the
   * largest {@code <p>} cluster of a fresh parse of {@code html}; empty when even that is shorter
   * than {@link #MIN_ARTICLE_CHARS}.
   */
  static String extract(Document doc, String html, String title, JsonLd jsonLd) {
    String text = bestBody(doc, html, title, jsonLd);
    return text.length() < MIN_ARTICLE_CHARS ? "" : text;
  }

  private static String bestBody(Document doc, String html, String title, JsonLd jsonLd) {
    String text = readabilityText(doc, title);
    if (text.length() >= MIN_BODY_CHARS) {
      return text;
    }
    String declared = jsonLd.articleBody();
    if (declared != null) {
      String rendered = renderDeclaredBody(declared, title);
      if (rendered.length() > text.length()) {
        text = rendered;
      }
    }
    if (text.length() < MIN_BODY_CHARS) {
      Document fresh = Jsoup.parse(html, doc.location());
      String cluster = paragraphClusterText(fresh, title);
      if (cluster.length() > text.length()) {
        text = cluster;
      }
    }
    return text;
  }

  private static String readabilityText(Document doc, String title) {
    if (!ReadabilityContent.withinLimits(doc)) {
      return "";
    }
    try {
      removeNonContent(doc);
      liftEmbeddedPosts(doc);
      Element scope = declaredArticle(doc, title);
      Document target = doc;
      if (scope != null) {
        target = Document.createShell(doc.location());
        target.body().appendChild(scope);
      }
      Element content = ReadabilityContent.of(target);
      return content == null ? "" : render(Paragraphs.of(content), title);
    } catch (RuntimeException | StackOverflowError e) {
      return "";
    }
  }

  /**
   * Removes navigation, dialogs, hidden elements, cookie and consent notices, and image captions
   * and credits.
   */
  private static void removeNonContent(Document doc) {
    doc.select(NON_CONTENT).remove();
    for (Element e : doc.select(SHORT_BOILERPLATE)) {
      if (e.parent() != null && e.text().length() <= MAX_BOILERPLATE_CHARS) {
        e.remove();
      }
    }
    for (Element e : doc.select(CAPTIONS_AND_NOTICES)) {
      if (e.parent() != null && e.text().length() <= MAX_CAPTION_CHARS) {
        e.remove();
      }
    }
  }

  /**
   * Embedded social posts (tweets) are quoted content of the article, but their wrappers carry
   * class names ("social", "media", "embed") that Readability discards as boilerplate; the wrappers
   * that hold nothing but the post are replaced by the post itself.
   */
  private static void liftEmbeddedPosts(Document doc) {
    for (Element post : doc.select("blockquote[class~=(?i)tweet]")) {
      Element outer = post;
      Element parent = post.parent();
      int length = post.text().length();
      while (parent != null
          && !parent.normalName().equals("body")
          && parent.text().length() == length) {
        outer = parent;
        parent = parent.parent();
      }
      post.clearAttributes();
      if (outer != post) {
        outer.replaceWith(post);
      }
    }
  }

  /**
   * The element the page declares as its article, if any: the first {@code [itemprop=articleBody]}
   * with some text; else, on pages with several {@code <article>} elements (related stories,
   * infinite scroll), the only innermost one whose heading is the page title, or failing that the
   * only innermost one holding an {@code <h1>}. Readability alone tends to take the common parent
   * of all of them.
   */
  private static Element declaredArticle(Document doc, String title) {
    Element body = doc.selectFirst("[itemprop=articleBody]");
    if (body != null && body.text().length() >= MIN_SCOPE_CHARS) {
      return body;
    }
    Elements articles = doc.getElementsByTag("article");
    if (articles.size() < 2) {
      return null;
    }
    String titleKey = title == null ? "" : letterDigitKey(title);
    Element titled = innermostOnly(articles, a -> hasHeadline(a, titleKey));
    if (titled == null) {
      titled = innermostOnly(articles, a -> a.getElementsByTag("h1").size() > 0);
    }
    return titled != null && titled.text().length() >= MIN_TITLED_ARTICLE_CHARS ? titled : null;
  }

  private static boolean hasHeadline(Element article, String titleKey) {
    for (Element h : article.select("h1, h2, h3, [itemprop=headline]")) {
      if (sameHeadline(letterDigitKey(h.text()), titleKey)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether two headline keys name the same story, allowing a site name or kicker on one side: one
   * contains the other, which is at least {@link #MIN_HEADLINE_OVERLAP} of its length.
   */
  private static boolean sameHeadline(String a, String b) {
    if (a.isEmpty() || b.isEmpty()) {
      return false;
    }
    String longer = a.length() >= b.length() ? a : b;
    String shorter = longer == a ? b : a;
    return longer.contains(shorter) && shorter.length() >= MIN_HEADLINE_OVERLAP * longer.length();
  }

  /** The only element matching {@code test} that has no matching element inside, or null. */
  private static Element innermostOnly(Elements elements, Predicate<Element> test) {
    List<Element> matching = new ArrayList<>();
    for (Element e : elements) {
      if (test.test(e)) {
        matching.add(e);
      }
    }
    Map<Element, Boolean> hasMatchInside = new IdentityHashMap<>();
    for (Element e : matching) {
      for (Element up = e.parent(); up != null; up = up.parent()) {
        hasMatchInside.put(up, true);
      }
    }
    Element found = null;
    for (Element e : matching) {
      if (hasMatchInside.containsKey(e)) {
        continue;
      }
      if (found != null) {
        return null;
      }
      found = e;
    }
    return found;
  }

  /**
   * Joins the paragraphs that are article text with blank lines: drops headlines ({@code <h1>} or
   * the title), lines that are mostly links (menus, related stories, tag lists), lines that are
   * only a URL or an e-mail address, lines without a letter or digit, and date stamps.
   */
  static String render(List<Paragraphs.Paragraph> paragraphs, String title) {
    String titleKey = title == null ? "" : letterDigitKey(title);
    List<String> kept = new ArrayList<>();
    for (Paragraphs.Paragraph p : paragraphs) {
      String text = p.text();
      if (p.tag().equals("h1")
          || p.linkDensity() > 0.8
          || (p.linkDensity() > 0.5 && p.words() < 15)
          || isUrlOrEmail(text)
          || !hasLetterOrDigit(text)
          || (isDateLine(text) && !LIST_OR_TABLE_TAGS.contains(p.tag()))
          || sameHeadline(letterDigitKey(text), titleKey)) {
        continue;
      }
      kept.add(text);
    }
    return String.join("\n\n", kept);
  }

  /** JSON-LD bodies are plain text or HTML; both become paragraphs. */
  private static String renderDeclaredBody(String declared, String title) {
    Document fragment = Jsoup.parseBodyFragment(declared.replace("\n", "<br>"));
    return render(Paragraphs.of(fragment.body()), title);
  }

  /**
   * The text of the parent element whose {@code <p>} children hold the most text outside links,
   * counting only paragraphs that are mostly not links, when that is at least {@link
   * #MIN_CLUSTER_CHARS}; else empty. One pass over the tree, so it suits documents too large for
   * Readability.
   */
  private static String paragraphClusterText(Document doc, String title) {
    doc.select("script, style, noscript, template, nav, figcaption").remove();
    ParagraphSizes sizes = new ParagraphSizes();
    NodeTraversor.traverse(sizes, doc);
    Map<Element, Integer> byParent = new IdentityHashMap<>();
    Element best = null;
    int bestChars = 0;
    for (Map.Entry<Element, int[]> e : sizes.sizes.entrySet()) {
      int chars = e.getValue()[0];
      int linkChars = e.getValue()[1];
      Element parent = e.getKey().parent();
      if (parent == null || linkChars * 2 >= chars) {
        continue;
      }
      int sum = byParent.merge(parent, chars, Integer::sum);
      if (sum > bestChars) {
        bestChars = sum;
        best = parent;
      }
    }
    if (best == null || bestChars < MIN_CLUSTER_CHARS) {
      return "";
    }
    List<Paragraphs.Paragraph> paragraphs = new ArrayList<>();
    for (Element child : best.children()) {
      if (child.normalName().equals("p")) {
        paragraphs.addAll(Paragraphs.of(child));
      }
    }
    return render(paragraphs, title);
  }

  /** Text and link-text characters of each {@code <p>}, counted in its innermost {@code <p>}. */
  private static final class ParagraphSizes implements NodeVisitor {
    final Map<Element, int[]> sizes = new IdentityHashMap<>();
    private final ArrayDeque<Element> open = new ArrayDeque<>();
    private int linkDepth;

    @Override
    public void head(Node node, int depth) {
      if (node instanceof Element e) {
        if (e.normalName().equals("p")) {
          open.push(e);
          sizes.put(e, new int[2]);
        } else if (e.normalName().equals("a")) {
          linkDepth++;
        }
      } else if (node instanceof TextNode t && !open.isEmpty()) {
        int[] size = sizes.get(open.peek());
        int n = t.text().strip().length();
        size[0] += n;
        if (linkDepth > 0) {
          size[1] += n;
        }
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (node instanceof Element e) {
        if (e.normalName().equals("p")) {
          open.pop();
        } else if (e.normalName().equals("a")) {
          linkDepth--;
        }
      }
    }
  }

  /** A paragraph that is one URL or e-mail address (print headers, author contact lines). */
  private static boolean isUrlOrEmail(String text) {
    if (text.indexOf(' ') >= 0) {
      return false;
    }
    String t = text.toLowerCase(Locale.ROOT);
    int at = t.indexOf('@');
    int slash = t.indexOf('/');
    int dot = t.indexOf('.');
    return t.startsWith("http://")
        || t.startsWith("https://")
        || t.startsWith("www.")
        || (at > 0 && t.indexOf('.', at) > 0)
        || (slash > 0 && dot > 0 && dot < slash);
  }

  /**
   * A short line that is a date stamp ("Updated 5:27 am CST, Wednesday, November 20, 2019", "18 Nov
   * 2019, 19:09"): at most {@link #MAX_DATE_LINE_TOKENS} tokens, a year from 1900 to 2099 and
   * another number, and no final period. Lines with an {@code @} or a leading dash are kept: they
   * sign quoted social posts.
   */
  static boolean isDateLine(String text) {
    String t = text.strip();
    if (t.isEmpty()
        || t.endsWith(".")
        || t.indexOf('@') >= 0
        || t.charAt(0) == '-'
        || t.charAt(0) == '\u2013'
        || t.charAt(0) == '\u2014') {
      return false;
    }
    int tokens = 0;
    int numbers = 0;
    boolean year = false;
    int i = 0;
    while (i < t.length()) {
      int cp = t.codePointAt(i);
      if (!Character.isLetterOrDigit(cp)) {
        i += Character.charCount(cp);
        continue;
      }
      int start = i;
      boolean digits = true;
      while (i < t.length() && Character.isLetterOrDigit(cp = t.codePointAt(i))) {
        digits &= cp >= '0' && cp <= '9';
        i += Character.charCount(cp);
      }
      if (++tokens > MAX_DATE_LINE_TOKENS) {
        return false;
      }
      if (digits) {
        numbers++;
        year |= i - start == 4 && (t.startsWith("19", start) || t.startsWith("20", start));
      }
    }
    return year && numbers >= 2;
  }

  private static boolean hasLetterOrDigit(String s) {
    return s.codePoints().anyMatch(Character::isLetterOrDigit);
  }

  /** Lower-cased letters and digits only, for comparing texts that differ in punctuation. */
  private static String letterDigitKey(String s) {
    StringBuilder b = new StringBuilder(s.length());
    s.toLowerCase(Locale.ROOT)
        .codePoints()
        .filter(Character::isLetterOrDigit)
        .forEach(b::appendCodePoint);
    return b.toString();
  }
}
