package io.riposte.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the extractor without Spark over a JSON-lines articles file ({@code id, outlet, date, title,
 * text}) and writes one JSON line per claim, in the fields score.py reads.
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat cp.txt) io.riposte.extract.DevHarness \
 *     DATA_DIR ARTICLES.jsonl PRED.jsonl [--rules|--parser-only]
 * python3 ../shared/eval/score.py GOLD.jsonl PRED.jsonl --verbose
 * </pre>
 *
 * <p>Like the extract job, it annotates only the {@link CandidateWindows} of each article and
 * prints how much of the text they hold; {@code -Driposte.windows=false} annotates whole articles.
 */
public final class DevHarness {

  private DevHarness() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 3
        && !(args.length == 4 && (args[3].equals("--rules") || args[3].equals("--parser-only")))) {
      throw new IllegalArgumentException(
          "expected DATA_DIR ARTICLES.jsonl PRED.jsonl [--rules|--parser-only], got "
              + String.join(" ", args));
    }
    Path data = Paths.get(args[0]);
    Gazetteer gazetteer =
        Gazetteer.parse(
            lines(data.resolve("gazetteer/actors.tsv")),
            lines(data.resolve("gazetteer/incidents.tsv")));
    CueLexicon lexicon = CueLexicon.load(f -> lines(data.resolve(f)));
    ClaimExtractor claimExtractor =
        args.length == 3
            ? ClaimExtractor.parsed(f -> lines(data.resolve(f)))
            : args[3].equals("--parser-only")
                ? ClaimExtractor.parsed(f -> lines(data.resolve(f))).parserOnly()
                : new ClaimExtractor(gazetteer, lexicon);
    java.util.function.Function<Document, List<Claim>> extractor = claimExtractor::extract;
    TestDocuments docs = new TestDocuments(gazetteer.phrases(), lexicon.phrases());
    CandidateWindows windows =
        Boolean.parseBoolean(System.getProperty("riposte.windows", "true"))
            ? claimExtractor.windows()
            : null;
    long chars = 0;
    long keptChars = 0;
    long sentences = 0;
    long candidates = 0;
    long keptSentences = 0;
    ObjectMapper json = new ObjectMapper();
    long started = System.nanoTime();
    int articles = 0;
    int claims = 0;
    try (BufferedWriter out = Files.newBufferedWriter(Paths.get(args[2]), StandardCharsets.UTF_8)) {
      for (String line : Files.readAllLines(Paths.get(args[1]), StandardCharsets.UTF_8)) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode a = json.readTree(line);
        String text = a.path("text").asText("");
        LocalDate date = null;
        try {
          date = a.hasNonNull("date") ? LocalDate.parse(a.get("date").asText()) : null;
        } catch (RuntimeException e) {
          date = null;
        }
        Document doc;
        if (windows == null) {
          doc = docs.document(a.path("id").asText(), text, date);
        } else {
          CandidateWindows.Kept kept = windows.keep(text);
          chars += countKept(text);
          keptChars += countKept(kept.text());
          sentences += kept.sentences();
          candidates += kept.candidates();
          keptSentences += kept.keptSentences();
          doc = docs.document(a.path("id").asText(), text, kept, date);
        }
        articles++;
        for (Claim c : extractor.apply(doc)) {
          ObjectNode o = json.createObjectNode();
          o.put("article_id", c.articleId());
          o.put("claim_id", c.claimId());
          o.put("kind", c.kind());
          o.put("source_actor", c.sourceActor());
          o.put("source_country", c.sourceCountry());
          o.put("source_type", c.sourceType());
          o.put("target_actor", c.targetActor());
          o.put("target_country", c.targetCountry());
          o.put("target_type", c.targetType());
          o.put("denies_claim_id", c.deniesClaimId());
          o.put("offence", c.offence());
          o.put("cue", c.cue());
          o.put("quoted", c.quoted());
          o.put("speaker", c.speaker());
          o.put("hedged", c.hedged());
          o.put("confidence", c.confidence());
          o.put("resolved_by", c.resolvedBy());
          o.put("sentence_index", c.sentenceIndex());
          o.put("sentence", c.sentence());
          out.write(json.writeValueAsString(o));
          out.newLine();
          claims++;
        }
      }
    }
    System.err.printf(
        "%d articles, %d claims, %.1f ms%n", articles, claims, (System.nanoTime() - started) / 1e6);
    if (windows != null) {
      System.err.printf(
          "windows: %d of %d characters (%.1f%%), %d of %d sentences kept, %d candidates%n",
          keptChars,
          chars,
          100.0 * keptChars / Math.max(1, chars),
          keptSentences,
          sentences,
          candidates);
    }
  }

  /** Characters of {@code windowed} that are not blanks (white space counts as blanked). */
  private static long countKept(String windowed) {
    long n = 0;
    for (int i = 0; i < windowed.length(); i++) {
      if (!Character.isWhitespace(windowed.charAt(i))) {
        n++;
      }
    }
    return n;
  }

  /** Data lines of a reference file: comments and blank lines dropped, header kept. */
  public static List<String> lines(Path path) {
    try {
      List<String> out = new ArrayList<>();
      for (String l : Files.readAllLines(path, StandardCharsets.UTF_8)) {
        if (!l.isBlank() && !l.startsWith("#")) {
          out.add(l);
        }
      }
      return out;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot read " + path, e);
    }
  }
}
