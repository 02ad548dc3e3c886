package io.riposte.extract.offence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.riposte.extract.DevHarness;
import io.riposte.extract.offence.OffenceCategoriser.Categorised;
import io.riposte.extract.offence.OffenceCategoriser.ClaimText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * How often the offence category of extracted claims agrees with the gold claims' free-text
 * offence, read with the same taxonomy. Predicted claims are matched to gold claims as {@code
 * ../shared/eval/score.py} matches them (per article, predictions deduplicated on kind and actors,
 * greedy one-to-one: an accusation by accuser and accused, a denial by its denier).
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) io.riposte.extract.offence.OffenceAgreement \
 *     data GOLD.jsonl PRED.jsonl [N_DISAGREEMENTS]
 * </pre>
 *
 * PRED is the claims table as JSON lines (a file or a folder of part files, from {@code riposte
 * export --format json} or {@code DevHarness}). A prediction's category is its {@code
 * offence_category} field when it has one (an exported claims table), else the categoriser is run
 * on the article's predicted claims here, as the {@code CategoriseOffences} stage does. A gold
 * claim's category is that of its {@code offence} text, else of its evidence quote.
 */
public final class OffenceAgreement {

  private OffenceAgreement() {}

  /** One matched pair. */
  record Pair(
      String articleId,
      String kind,
      JsonNode gold,
      JsonNode pred,
      String predOffence,
      OffenceCategory goldCategory,
      OffenceCategory predCategory) {}

  public static void main(String[] args) throws IOException {
    if (args.length < 3) {
      throw new IllegalArgumentException(
          "expected DATA_DIR GOLD.jsonl PRED [N_DISAGREEMENTS], got " + args.length + " arguments");
    }
    Path data = Paths.get(args[0]);
    OffenceCategoriser categoriser =
        OffenceCategoriser.load(f -> DevHarness.lines(data.resolve(f)));
    List<Pair> pairs = pairs(categoriser, read(Paths.get(args[1])), read(Paths.get(args[2])));
    int n = args.length > 3 ? Integer.parseInt(args[3]) : 0;
    System.out.println(summary(pairs));
    int shown = 0;
    for (Pair p : pairs) {
      if (shown < n && p.goldCategory() != p.predCategory()) {
        System.out.printf(
            "%s %s gold=%s (%s) pred=%s (%s) | %s%n",
            p.articleId(),
            p.kind(),
            key(p.goldCategory()),
            p.gold().path("offence").asText(null),
            key(p.predCategory()),
            p.predOffence(),
            p.pred().path("sentence").asText(""));
        shown++;
      }
    }
  }

  /** The agreement line: matched pairs, and how gold and predicted categories compare. */
  static String summary(List<Pair> pairs) {
    int goldCat = 0;
    int agree = 0;
    int predNull = 0;
    int bothNull = 0;
    int goldNullPredCat = 0;
    int disagree = 0;
    for (Pair p : pairs) {
      if (p.goldCategory() == null) {
        if (p.predCategory() == null) {
          bothNull++;
        } else {
          goldNullPredCat++;
        }
        continue;
      }
      goldCat++;
      if (p.goldCategory() == p.predCategory()) {
        agree++;
      } else if (p.predCategory() == null) {
        predNull++;
      } else {
        disagree++;
      }
    }
    int predCat = agree + disagree;
    return String.format(
        Locale.ROOT,
        "matched %d (accusations %d, denials %d); gold with a category %d: agree %d (%.3f),"
            + " predicted another %d, predicted none %d; agreement where both have one %.3f;"
            + " gold none: predicted none %d, predicted one %d",
        pairs.size(),
        pairs.stream().filter(p -> p.kind().equals("ACCUSATION")).count(),
        pairs.stream().filter(p -> p.kind().equals("DENIAL")).count(),
        goldCat,
        agree,
        goldCat == 0 ? 0.0 : (double) agree / goldCat,
        disagree,
        predNull,
        predCat == 0 ? 0.0 : (double) agree / predCat,
        bothNull,
        goldNullPredCat);
  }

  /** The matched (gold, predicted) pairs of every gold article, in gold order. */
  static List<Pair> pairs(
      OffenceCategoriser categoriser, List<JsonNode> gold, List<JsonNode> pred) {
    Map<String, List<JsonNode>> byArticle = new LinkedHashMap<>();
    for (JsonNode c : pred) {
      String kind = c.path("kind").asText();
      if (kind.equals("ACCUSATION") || kind.equals("DENIAL")) {
        byArticle.computeIfAbsent(c.path("article_id").asText(), k -> new ArrayList<>()).add(c);
      }
    }
    List<Pair> out = new ArrayList<>();
    for (JsonNode g : gold) {
      String id = g.path("id").asText();
      List<JsonNode> all = byArticle.getOrDefault(id, List.of());
      Map<JsonNode, Categorised> categorised = categorise(categoriser, all);
      List<JsonNode> preds = dedup(all);
      for (String kind : List.of("ACCUSATION", "DENIAL")) {
        List<JsonNode> golds = new ArrayList<>();
        g.path("claims")
            .forEach(
                c -> {
                  if (c.path("kind").asText().equals(kind)) {
                    golds.add(c);
                  }
                });
        List<JsonNode> candidates =
            preds.stream().filter(c -> c.path("kind").asText().equals(kind)).toList();
        Set<Integer> used = new HashSet<>();
        for (JsonNode gc : golds) {
          for (int i = 0; i < candidates.size(); i++) {
            JsonNode pc = candidates.get(i);
            if (!used.contains(i) && matches(kind, gc, pc)) {
              used.add(i);
              Categorised c = categorised.get(pc);
              out.add(
                  new Pair(
                      id,
                      kind,
                      gc,
                      pc,
                      c.offence(),
                      goldCategory(categoriser.taxonomy(), gc),
                      c.category()));
              break;
            }
          }
        }
      }
    }
    return out;
  }

  static OffenceCategory goldCategory(OffenceTaxonomy taxonomy, JsonNode gold) {
    OffenceCategory c = taxonomy.classify(gold.path("offence").asText(null));
    return c != null ? c : taxonomy.classify(gold.path("evidence").asText(null));
  }

  /** The predictions' categories: their own column when exported, else computed here. */
  private static Map<JsonNode, Categorised> categorise(
      OffenceCategoriser categoriser, List<JsonNode> claims) {
    List<ClaimText> texts = new ArrayList<>();
    for (JsonNode c : claims) {
      texts.add(
          new ClaimText(
              c.path("claim_id").asText(null),
              c.path("kind").asText(),
              c.path("offence").asText(null),
              c.path("sentence").asText(null),
              c.path("denies_claim_id").asText(null)));
    }
    List<Categorised> computed = categoriser.categorise(texts);
    Map<JsonNode, Categorised> out = new java.util.IdentityHashMap<>();
    for (int i = 0; i < claims.size(); i++) {
      JsonNode c = claims.get(i);
      out.put(
          c,
          c.has("offence_category")
              ? new Categorised(
                  c.path("offence").asText(null),
                  c.get("offence_category").isNull()
                      ? null
                      : OffenceCategory.ofKey(c.get("offence_category").asText()))
              : computed.get(i));
    }
    return out;
  }

  private static boolean matches(String kind, JsonNode gold, JsonNode pred) {
    if (kind.equals("ACCUSATION")) {
      return actorMatch(pred, "source", gold.get("accuser"))
          && actorMatch(pred, "target", gold.get("accused"));
    }
    return actorMatch(pred, "source", gold.get("denier"));
  }

  /** score.py's dedup: the first prediction of each (kind, source, target) is kept. */
  private static List<JsonNode> dedup(List<JsonNode> preds) {
    Set<List<String>> seen = new HashSet<>();
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode c : preds) {
      List<String> key =
          java.util.Arrays.asList(
              c.path("kind").asText(),
              norm(c.path("source_actor").asText(null)),
              c.path("source_country").asText(null),
              norm(c.path("target_actor").asText(null)),
              c.path("target_country").asText(null));
      if (seen.add(key)) {
        out.add(c);
      }
    }
    return out;
  }

  /** score.py's actor_match. */
  private static boolean actorMatch(JsonNode pred, String side, JsonNode gold) {
    if (gold == null
        || gold.isNull()
        || norm(gold.path("name").asText(null)).equals("unspecified")) {
      return true;
    }
    String name = pred.path(side + "_actor").asText(null);
    String country = pred.path(side + "_country").asText(null);
    Set<String> names = new HashSet<>();
    names.add(norm(gold.path("name").asText(null)));
    gold.path("aliases").forEach(a -> names.add(norm(a.asText(null))));
    String p = norm(name);
    if (!p.isEmpty() && names.contains(p)) {
      return true;
    }
    String level = gold.path("level").asText(null);
    String goldCountry = gold.path("country").asText(null);
    if ("state".equals(level) && goldCountry != null && goldCountry.equals(country)) {
      return true;
    }
    if ("person".equals(level) && !p.isEmpty()) {
      String[] g = norm(gold.path("name").asText(null)).split(" ");
      String last = g[g.length - 1];
      String[] pw = p.split(" ");
      return last.length() > 2 && pw[pw.length - 1].equals(last);
    }
    return false;
  }

  /** score.py's norm. */
  static String norm(String s) {
    String t = Objects.requireNonNullElse(s, "").toLowerCase(Locale.ROOT).replace('’', '\'');
    t = t.replaceAll("[^a-z0-9' ]+", " ").strip();
    t = t.replaceFirst("^(the|a|an) ", "");
    t = t.replaceAll("'s\\b", "");
    return t.replaceAll("\\s+", " ").strip();
  }

  private static String key(OffenceCategory c) {
    return c == null ? "none" : c.key();
  }

  static List<JsonNode> read(Path path) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Path> files;
    if (Files.isDirectory(path)) {
      try (Stream<Path> s = Files.list(path)) {
        files =
            s.filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".jsonl"))
                .sorted()
                .toList();
      }
    } else {
      files = List.of(path);
    }
    List<JsonNode> out = new ArrayList<>();
    for (Path f : files) {
      for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          out.add(json.readTree(line));
        }
      }
    }
    return out;
  }
}
