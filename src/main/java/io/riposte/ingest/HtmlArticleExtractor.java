package io.riposte.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.dankito.readability4j.Article;
import net.dankito.readability4j.Readability4J;
import net.dankito.readability4j.model.ReadabilityOptions;
import net.dankito.readability4j.processor.ArticleGrabber;
import net.dankito.readability4j.processor.MetadataParser;
import net.dankito.readability4j.processor.Postprocessor;
import net.dankito.readability4j.processor.Preprocessor;
import net.dankito.readability4j.util.RegExUtil;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Extracts the main article text and its metadata from the raw HTML of a news page.
 *
 * <p>The body comes from Mozilla's Readability algorithm (the readability4j port), rendered as
 * paragraphs and cleaned of short link-dense lines; when Readability finds little or nothing, the
 * JSON-LD {@code articleBody} or the largest cluster of {@code <p>} elements is used instead.
 * Metadata comes from Open Graph and other {@code <meta>} tags, JSON-LD and {@code <link
 * rel=canonical>}. Only general rules are applied, no per-site ones, because the archive spans many
 * sites and languages.
 *
 * <p>{@link #extract} never throws and does bounded work: input beyond {@link #MAX_HTML_CHARS} is
 * cut before parsing. The class holds no mutable state, so it is safe to call from many threads.
 */
public final class HtmlArticleExtractor {

  /** HTML beyond this many characters (about 5 MB) is ignored, bounding parse time and memory. */
  public static final int MAX_HTML_CHARS = 5_000_000;

  private static final String[] DATE_META_NAMES = {
    "date",
    "pubdate",
    "publishdate",
    "dc.date",
    "dc.date.issued",
    "sailthru.date",
    "parsely-pub-date"
  };

  private HtmlArticleExtractor() {}

  /**
   * Extracts the article of one page.
   *
   * @param html the page's HTML, possibly malformed, empty or null
   * @param pageUrl the URL the page was fetched from, or null; used to resolve relative canonical
   *     links and as the fallback {@link HtmlArticle#url()}
   * @return the article; its text is empty when the page holds no article
   */
  public static HtmlArticle extract(String html, String pageUrl) {
    try {
      return extractUnchecked(html, pageUrl);
    } catch (RuntimeException | StackOverflowError e) {
      return new HtmlArticle(null, "", null, emptyToNull(pageUrl), null);
    }
  }

  private static HtmlArticle extractUnchecked(String html, String pageUrl) {
    if (html == null || html.isBlank()) {
      return new HtmlArticle(null, "", null, emptyToNull(pageUrl), null);
    }
    if (html.length() > MAX_HTML_CHARS) {
      html = html.substring(0, MAX_HTML_CHARS);
    }
    Document doc = Jsoup.parse(html, pageUrl == null ? "" : pageUrl);
    Map<String, String> meta = metaTags(doc);
    JsonLd jsonLd = JsonLd.of(doc);

    String siteName = firstNonBlank(meta.get("og:site_name"), jsonLd.publisherName());
    String title =
        stripSiteName(
            firstNonBlank(meta.get("og:title"), jsonLd.firstText("headline"), doc.title()),
            siteName);
    String url = canonicalUrl(doc, meta, pageUrl);
    String published = published(doc, meta, jsonLd);
    String text = bodyText(doc, jsonLd);
    return new HtmlArticle(title, text, siteName, url, published);
  }

  private static String bodyText(Document doc, JsonLd jsonLd) {
    Document work = doc.clone();
    work.select("figcaption").remove();
    String mode = System.getProperty("exp.scope", "none");
    Element scope = work.selectFirst("[itemprop=articleBody]");
    if (scope != null && scope.text().length() >= 200 && !mode.equals("none")) {
      if (mode.equals("direct")) {
        scope.select("script,style,noscript").remove();
        return render(scope);
      }
      Document scoped = Document.createShell(work.location());
      scoped.body().appendChild(scope);
      return readability(scoped);
    }
    String text = readability(work);
    return text;
  }

  private static String readability(Document doc) {
    RegExUtil regEx =
        new RegExUtil(
            RegExUtil.UnlikelyCandidatesDefaultPattern,
            RegExUtil.OkMaybeItsACandidateDefaultPattern,
            RegExUtil.PositiveDefaultPattern,
            RegExUtil.NegativeDefaultPattern,
            RegExUtil.ExtraneousDefaultPattern,
            RegExUtil.BylineDefaultPattern,
            RegExUtil.ReplaceFontsDefaultPattern,
            RegExUtil.NormalizeDefaultPattern,
            RegExUtil.VideosDefaultPattern,
            RegExUtil.NextLinkDefaultPattern,
            RegExUtil.PrevLinkDefaultPattern,
            RegExUtil.WhitespaceDefaultPattern,
            RegExUtil.HasContentDefaultPattern);
    ReadabilityOptions options = new ReadabilityOptions();
    Readability4J r =
        new Readability4J(
            "http://localhost/",
            doc,
            options,
            regEx,
            new KeepFormsPreprocessor(regEx),
            new MetadataParser(regEx),
            new ArticleGrabber(options, regEx),
            new NoOpPostprocessor());
    Article article = r.parse();
    Element content = article.getArticleContent();
    if (content == null) {
      return "";
    }
    return render(content);
  }

  private static String render(Element content) {
    List<String> kept = new ArrayList<>();
    for (Paragraphs.Paragraph p : Paragraphs.of(content)) {
      if (p.tag().equals("h1")) {
        continue;
      }
      if (p.linkDensity() > 0.5 && p.words() < 15) {
        continue;
      }
      kept.add(p.text());
    }
    return String.join("\n\n", kept);
  }

  /**
   * Readability4J removes every {@code <form>} up front, which loses the whole page on sites that
   * wrap their body in one form (ASP.NET); Mozilla's Readability keeps them, and so do we.
   */
  private static final class KeepFormsPreprocessor extends Preprocessor {
    KeepFormsPreprocessor(RegExUtil regEx) {
      super(regEx);
    }

    @Override
    protected void removeForms(Document document) {}
  }

  /** Readability's post-processing only rewrites links and classes, which text does not need. */
  private static final class NoOpPostprocessor extends Postprocessor {
    @Override
    public void postProcessContent(
        Document originalDocument,
        Element articleContent,
        String articleUri,
        java.util.Collection<String> additionalClassesToPreserve) {}
  }

  private static Map<String, String> metaTags(Document doc) {
    Map<String, String> meta = new HashMap<>();
    for (Element m : doc.select("meta[content]")) {
      String content = m.attr("content").trim();
      if (content.isEmpty()) {
        continue;
      }
      for (String key : new String[] {m.attr("property"), m.attr("name"), m.attr("itemprop")}) {
        if (!key.isBlank()) {
          meta.putIfAbsent(key.trim().toLowerCase(Locale.ROOT), content);
        }
      }
    }
    return meta;
  }

  private static String canonicalUrl(Document doc, Map<String, String> meta, String pageUrl) {
    Element link = doc.selectFirst("link[rel~=(?i)^canonical$][href]");
    if (link != null) {
      String abs = link.absUrl("href");
      String href = abs.isEmpty() ? link.attr("href").trim() : abs;
      if (!href.isEmpty()) {
        return href;
      }
    }
    String og = meta.get("og:url");
    if (og != null) {
      return og;
    }
    return emptyToNull(pageUrl);
  }

  private static String published(Document doc, Map<String, String> meta, JsonLd jsonLd) {
    String v = firstNonBlank(meta.get("article:published_time"), meta.get("og:published_time"));
    if (v != null) {
      return v;
    }
    v = jsonLd.firstText("datePublished");
    if (v != null) {
      return v;
    }
    for (String name : DATE_META_NAMES) {
      v = meta.get(name);
      if (v != null) {
        return v;
      }
    }
    Element time = doc.selectFirst("article time[datetime], main time[datetime]");
    if (time != null) {
      return emptyToNull(time.attr("datetime").trim());
    }
    return null;
  }

  /** Removes a leading or trailing site name separated by | - – — : · or • from a title. */
  static String stripSiteName(String title, String siteName) {
    if (title == null) {
      return null;
    }
    String t = collapse(title);
    if (t.isEmpty()) {
      return null;
    }
    if (siteName == null || siteName.isBlank()) {
      return t;
    }
    String site = collapse(siteName).toLowerCase(Locale.ROOT);
    String[] seps = {" | ", " - ", " – ", " — ", " :: ", " : ", " · ", " • ", " » "};
    for (String sep : seps) {
      int last = t.lastIndexOf(sep);
      if (last > 0
          && t.substring(last + sep.length()).trim().toLowerCase(Locale.ROOT).equals(site)) {
        return t.substring(0, last).trim();
      }
      int first = t.indexOf(sep);
      if (first > 0 && t.substring(0, first).trim().toLowerCase(Locale.ROOT).equals(site)) {
        String rest = t.substring(first + sep.length()).trim();
        if (!rest.isEmpty()) {
          return rest;
        }
      }
    }
    return t;
  }

  private static String collapse(String s) {
    StringBuilder b = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (Paragraphs.isSpace(ch)) {
        space = true;
      } else {
        if (space && b.length() > 0) {
          b.append(' ');
        }
        space = false;
        b.append(ch);
      }
    }
    return b.toString();
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.trim();
      }
    }
    return null;
  }

  private static String emptyToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
