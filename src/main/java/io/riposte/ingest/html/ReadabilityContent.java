package io.riposte.ingest.html;

import java.util.Collection;
import java.util.List;
import net.dankito.readability4j.Readability4J;
import net.dankito.readability4j.model.ArticleGrabberOptions;
import net.dankito.readability4j.model.ReadabilityObject;
import net.dankito.readability4j.model.ReadabilityOptions;
import net.dankito.readability4j.processor.ArticleGrabber;
import net.dankito.readability4j.processor.MetadataParser;
import net.dankito.readability4j.processor.Postprocessor;
import net.dankito.readability4j.processor.Preprocessor;
import net.dankito.readability4j.util.RegExUtil;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Runs readability4j's port of Mozilla's Readability on a document, with general corrections to the
 * port: the class and id patterns of the current Readability.js; forms kept (the port deletes them,
 * losing whole pages on sites that wrap the body in one form); articles split into repeated sibling
 * sections joined; and no link-rewriting post-processing (only text is wanted). Documents beyond
 * {@link #MAX_ELEMENTS} or {@link #MAX_DEPTH} are refused, bounding the work. New Readability
 * objects are built per call, since they hold per-document state.
 */
final class ReadabilityContent {

  /**
   * Documents with more elements than this are not given to Readability: several of its passes cost
   * the number of elements times the size of their subtrees. Real news pages have a few thousand.
   */
  static final int MAX_ELEMENTS = 30_000;

  /**
   * Documents nested deeper than this are not given to Readability, whose costs grow with the
   * square of the depth and whose recursive helpers could overflow the stack. Real news pages nest
   * a few dozen levels.
   */
  static final int MAX_DEPTH = 256;

  /*
   * Class and id patterns of Mozilla's current Readability.js (the port has those of 2018): they
   * add "-ad-", "gdpr" and "mathjax", and stop treating "foot", "footnote" and "tool" as junk.
   * Lists of trending, most popular or most read stories are unlikely candidates too.
   */
  private static final String UNLIKELY_CANDIDATES =
      "-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr"
          + "|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social"
          + "|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote"
          + "|trending|most-popular|most-read";
  private static final String OK_MAYBE_ITS_A_CANDIDATE =
      "and|article|body|column|content|main|mathjax|shadow";
  private static final String NEGATIVE =
      "-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead"
          + "|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor"
          + "|shopping|tags|widget";

  /** Any URI works: it is only used to absolutise links, which the text does not need. */
  private static final String BASE_URI = "http://localhost/";

  private ReadabilityContent() {}

  /**
   * Returns the element holding the article content Readability found in {@code doc} (which it
   * modifies), or null when it found none or the document is too large.
   */
  static Element of(Document doc) {
    if (!withinLimits(doc)) {
      return null;
    }
    RegExUtil regEx =
        new RegExUtil(
            UNLIKELY_CANDIDATES,
            OK_MAYBE_ITS_A_CANDIDATE,
            RegExUtil.PositiveDefaultPattern,
            NEGATIVE,
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
    Readability4J readability =
        new Readability4J(
            BASE_URI,
            doc,
            options,
            regEx,
            new KeepFormsPreprocessor(regEx),
            new MetadataParser(regEx),
            new SectionJoiningArticleGrabber(options, regEx),
            new TextOnlyPostprocessor());
    return readability.parse().getArticleContent();
  }

  /** Whether the document is small and shallow enough for Readability; iterative, stops early. */
  static boolean withinLimits(Document doc) {
    int elements = 0;
    int depth = 0;
    Element e = doc;
    while (e != null) {
      if (++elements > MAX_ELEMENTS || depth > MAX_DEPTH) {
        return false;
      }
      Element next = e.firstElementChild();
      if (next != null) {
        depth++;
      } else {
        while (e != null && e.nextElementSibling() == null && e != doc) {
          e = e.parent();
          depth--;
        }
        next = e == null || e == doc ? null : e.nextElementSibling();
      }
      e = next;
    }
    return true;
  }

  /**
   * The port removes every {@code <form>} up front, which loses the whole page on sites that wrap
   * their body in one form; Mozilla's Readability keeps them and cleans them conditionally later.
   */
  private static final class KeepFormsPreprocessor extends Preprocessor {
    KeepFormsPreprocessor(RegExUtil regEx) {
      super(regEx);
    }

    @Override
    protected void removeForms(Document document) {}
  }

  /** Readability's post-processing only rewrites links and classes, which text does not need. */
  private static final class TextOnlyPostprocessor extends Postprocessor {
    @Override
    public void postProcessContent(
        Document originalDocument,
        Element articleContent,
        String articleUri,
        Collection<String> additionalClassesToPreserve) {}
  }

  /**
   * Readability joins only the siblings of its best-scoring element, so an article split into
   * repeated, deeply wrapped sections (one wrapper per section) keeps one section only. When an
   * ancestor of the chosen element has at least two siblings of the same tag and class that also
   * hold substantial paragraph text, their common parent becomes the candidate instead. Requiring
   * two such siblings, each with a quarter of the chosen section's text, keeps single teasers and
   * summary boxes out.
   */
  private static final class SectionJoiningArticleGrabber extends ArticleGrabber {

    private static final int MAX_LEVELS = 6;
    private static final int MIN_SECTION_CHARS = 200;
    private static final double MIN_SECTION_SHARE = 0.25;
    private static final int MIN_SIMILAR_SECTIONS = 2;

    SectionJoiningArticleGrabber(ReadabilityOptions options, RegExUtil regEx) {
      super(options, regEx);
    }

    @Override
    protected kotlin.Pair<Element, Boolean> getTopCandidate(
        Element page, List<? extends Element> candidates, ArticleGrabberOptions options) {
      kotlin.Pair<Element, Boolean> chosen = super.getTopCandidate(page, candidates, options);
      if (chosen.getSecond()) {
        return chosen;
      }
      Element top = chosen.getFirst();
      Element joined = sectionsParent(top);
      if (joined == top) {
        return chosen;
      }
      ReadabilityObject topScore = getReadabilityObject(top);
      ReadabilityObject score = getReadabilityObject(joined);
      if (score == null) {
        score = initializeNode(joined, options);
      }
      if (topScore != null) {
        score.setContentScore(Math.max(score.getContentScore(), topScore.getContentScore()));
      }
      return new kotlin.Pair<>(joined, false);
    }

    private static Element sectionsParent(Element top) {
      Element node = top;
      for (int level = 0; level < MAX_LEVELS; level++) {
        Element parent = node.parent();
        if (parent == null || parent.normalName().equals("body")) {
          break;
        }
        String cls = node.className();
        if (!cls.isBlank()) {
          int minChars =
              Math.max(MIN_SECTION_CHARS, (int) (paragraphChars(node) * MIN_SECTION_SHARE));
          int similar = 0;
          for (Element sibling : parent.children()) {
            if (sibling != node
                && sibling.normalName().equals(node.normalName())
                && sibling.className().equals(cls)
                && paragraphChars(sibling) >= minChars) {
              similar++;
            }
          }
          if (similar >= MIN_SIMILAR_SECTIONS) {
            return parent;
          }
        }
        node = parent;
      }
      return top;
    }

    /** Characters of text in the element's {@code <p>} elements that are mostly not links. */
    private static int paragraphChars(Element e) {
      int n = 0;
      for (Element p : e.getElementsByTag("p")) {
        int len = p.text().length();
        int links = 0;
        for (Element a : p.getElementsByTag("a")) {
          links += a.text().length();
        }
        if (links * 2 < len) {
          n += len;
        }
      }
      return n;
    }
  }
}
