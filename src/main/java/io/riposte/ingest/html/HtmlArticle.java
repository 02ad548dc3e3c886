package io.riposte.ingest.html;

/**
 * The main content and metadata of one news web page, as extracted by {@link HtmlArticleExtractor}.
 *
 * @param title the headline, with a trailing or leading site name removed; null when the page has
 *     none
 * @param text the article body: paragraphs separated by a blank line ({@code "\n\n"}), whitespace
 *     inside a paragraph collapsed to single spaces; empty (never null) when no article was found
 * @param siteName the publisher's name as the page declares it ({@code og:site_name} or JSON-LD
 *     {@code publisher.name}); null when undeclared, callers fall back to the URL's host
 * @param url the canonical URL ({@code <link rel=canonical>} or {@code og:url}), else the URL the
 *     page was fetched from; null when neither is known
 * @param publishedRaw the publication date exactly as written in the page (not parsed, since
 *     formats vary by site); null when the page states none
 */
public record HtmlArticle(
    String title, String text, String siteName, String url, String publishedRaw) {

  /** Never null: a null text is stored as the empty string. */
  public HtmlArticle {
    text = text == null ? "" : text;
  }
}
