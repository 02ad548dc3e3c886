package io.riposte.ingest.html;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The schema.org objects declared in a page's {@code <script type="application/ld+json">} blocks,
 * flattened: top-level arrays, {@code @graph} arrays and nested lists are unrolled so that callers
 * can look for the first object carrying a property. Invalid JSON is skipped, never thrown.
 */
final class JsonLd {

  /** Scripts longer than this are skipped (JSON-LD is metadata, not payload). */
  static final int MAX_SCRIPT_CHARS = 1_000_000;

  /** At most this many objects are collected from one page. */
  static final int MAX_OBJECTS = 500;

  /** Lenient about what pages get wrong; built once and only read, as Jackson allows. */
  private static final ObjectMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNestingDepth(200)
                          .maxStringLength(MAX_SCRIPT_CHARS)
                          .build())
                  .build())
          .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
          .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
          .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
          .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
          .enable(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE)
          .build();

  /** A page without JSON-LD. */
  static final JsonLd EMPTY = new JsonLd(List.of());

  /** Declared objects in document order, article-like types first. */
  private final List<JsonNode> objects;

  private JsonLd(List<JsonNode> declared) {
    List<JsonNode> ordered = new ArrayList<>();
    List<JsonNode> others = new ArrayList<>();
    for (JsonNode o : declared) {
      (isArticleType(o) ? ordered : others).add(o);
    }
    ordered.addAll(others);
    this.objects = List.copyOf(ordered);
  }

  /** Reads every JSON-LD block of {@code doc}; blocks that fail to parse are ignored. */
  static JsonLd of(Document doc) {
    List<JsonNode> objects = new ArrayList<>();
    for (Element script : doc.select("script[type~=(?i)ld\\+json]")) {
      String data = stripWrappers(script.data());
      if (data.isEmpty() || data.length() > MAX_SCRIPT_CHARS) {
        continue;
      }
      JsonNode root;
      try {
        root = MAPPER.readTree(data);
      } catch (Exception | StackOverflowError e) {
        continue;
      }
      flatten(root, objects);
      if (objects.size() >= MAX_OBJECTS) {
        break;
      }
    }
    return new JsonLd(objects);
  }

  /** The first non-blank textual value of {@code field}, article-like objects first. */
  String firstText(String field) {
    for (JsonNode o : objects) {
      String v = text(o.get(field));
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  /** The name of the first publisher declared (a string or an object with a name). */
  String publisherName() {
    for (JsonNode o : objects) {
      JsonNode pub = o.get("publisher");
      if (pub == null) {
        continue;
      }
      if (pub.isArray() && pub.size() > 0) {
        pub = pub.get(0);
      }
      String v = pub.isObject() ? text(pub.get("name")) : text(pub);
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  /** The longest {@code articleBody} declared, or null. */
  String articleBody() {
    String best = null;
    for (JsonNode o : objects) {
      String v = text(o.get("articleBody"));
      if (v != null && (best == null || v.length() > best.length())) {
        best = v;
      }
    }
    return best;
  }

  private static String text(JsonNode node) {
    if (node == null) {
      return null;
    }
    if (node.isArray()) {
      for (JsonNode n : node) {
        String v = text(n);
        if (v != null) {
          return v;
        }
      }
      return null;
    }
    if (node.isObject()) {
      JsonNode value = node.get("@value");
      return value == null ? null : text(value);
    }
    if (!node.isValueNode() || node.isNull()) {
      return null;
    }
    String v = node.asText().trim();
    return v.isEmpty() ? null : v;
  }

  private static boolean isArticleType(JsonNode o) {
    JsonNode type = o.get("@type");
    if (type == null) {
      return false;
    }
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (isArticleTypeName(t.asText(""))) {
          return true;
        }
      }
      return false;
    }
    return isArticleTypeName(type.asText(""));
  }

  private static boolean isArticleTypeName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith("article")
        || n.equals("blogposting")
        || n.equals("report")
        || n.equals("liveblogposting")
        || n.equals("posting");
  }

  /**
   * Collects every object reachable through arrays, {@code @graph} and {@code mainEntity},
   * breadth-first, up to {@link #MAX_OBJECTS}.
   */
  private static void flatten(JsonNode root, List<JsonNode> out) {
    Deque<JsonNode> queue = new ArrayDeque<>();
    queue.add(root);
    while (!queue.isEmpty() && out.size() < MAX_OBJECTS) {
      JsonNode n = queue.poll();
      if (n.isArray()) {
        n.forEach(queue::add);
      } else if (n.isObject()) {
        out.add(n);
        JsonNode graph = n.get("@graph");
        if (graph != null) {
          queue.add(graph);
        }
        JsonNode main = n.get("mainEntity");
        if (main != null && (main.isObject() || main.isArray())) {
          queue.add(main);
        }
      }
    }
  }

  /** Removes HTML comment and CDATA wrappers some sites put around script bodies. */
  private static String stripWrappers(String data) {
    String s = data.trim();
    if (s.startsWith("<!--")) {
      s = s.substring(4);
    }
    if (s.endsWith("-->")) {
      s = s.substring(0, s.length() - 3);
    }
    s = s.trim();
    if (s.startsWith("//<![CDATA[")) {
      s = s.substring("//<![CDATA[".length());
    } else if (s.startsWith("<![CDATA[")) {
      s = s.substring("<![CDATA[".length());
    }
    if (s.endsWith("//]]>")) {
      s = s.substring(0, s.length() - "//]]>".length());
    } else if (s.endsWith("]]>")) {
      s = s.substring(0, s.length() - "]]>".length());
    }
    return s.trim();
  }
}
