package io.riposte.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.riposte.ingest.TokenF1;
import io.riposte.ingest.html.HtmlArticle;
import io.riposte.ingest.html.HtmlArticleExtractor;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Measures {@link HtmlArticleExtractor} against the article-extraction benchmark pages: mean and
 * median token F1 ({@link TokenF1}) of the extracted text against the reference article body, the
 * share of pages at F1 0.9 or more, the ten worst pages and the throughput.
 *
 * <p>Usage: {@code HtmlExtractionBenchmark [html-pages-dir]}; the directory holds {@code
 * <sha256>.html.gz} files and {@code ground-truth.json} ({@code {sha256: {"articleBody", "url"}}})
 * and defaults to {@code ../shared/corpora/html-pages}. {@code jobs/bench-html.sh} compiles and
 * runs it. Exits with status 2 when the directory has no {@code ground-truth.json}.
 */
public final class HtmlExtractionBenchmark {

  /** Untimed passes before the timed one; the first is also timed alone as the cold figure. */
  private static final int WARM_UP_PASSES = 3;

  private HtmlExtractionBenchmark() {}

  /** One scored page. */
  record Score(String sha, String url, double f1, int predTokens, int goldTokens) {}

  /** Runs the benchmark; {@code args[0]}, if given, is the html-pages directory. */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "../shared/corpora/html-pages");
    Path truthFile = dir.resolve("ground-truth.json");
    if (!Files.isRegularFile(truthFile)) {
      System.err.println("expected " + truthFile + " (an html-pages directory), found nothing");
      System.exit(2);
    }
    JsonNode truth = new ObjectMapper().readTree(truthFile.toFile());
    List<String> shas = new ArrayList<>();
    List<String> htmls = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = truth.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      Path page = dir.resolve(e.getKey() + ".html.gz");
      if (Files.isRegularFile(page)) {
        shas.add(e.getKey());
        htmls.add(readGzip(page));
      }
    }
    // A cold JVM runs several times slower until the JIT has compiled the hot paths, while a
    // Spark executor extracting an archive spends nearly all its time warm: report both.
    long coldStart = System.nanoTime();
    for (String html : htmls) {
      HtmlArticleExtractor.extract(html, null);
    }
    double coldSeconds = (System.nanoTime() - coldStart) / 1e9;
    for (int pass = 1; pass < WARM_UP_PASSES; pass++) {
      for (String html : htmls) {
        HtmlArticleExtractor.extract(html, null);
      }
    }
    List<String> urls = new ArrayList<>();
    for (String sha : shas) {
      urls.add(truth.get(sha).path("url").asText(null));
    }
    List<HtmlArticle> articles = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < shas.size(); i++) {
      articles.add(HtmlArticleExtractor.extract(htmls.get(i), urls.get(i)));
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    List<Score> scores = new ArrayList<>();
    for (int i = 0; i < shas.size(); i++) {
      String gold = truth.get(shas.get(i)).path("articleBody").asText("");
      String text = articles.get(i).text();
      scores.add(
          new Score(
              shas.get(i),
              urls.get(i),
              TokenF1.f1(text, gold),
              TokenF1.tokenCount(text),
              TokenF1.tokenCount(gold)));
    }
    report(scores, coldSeconds, seconds);
  }

  private static void report(List<Score> scores, double coldSeconds, double seconds) {
    int n = scores.size();
    if (n == 0) {
      System.out.println("pages: 0");
      return;
    }
    double[] f1 = scores.stream().mapToDouble(Score::f1).sorted().toArray();
    double mean = 0;
    int good = 0;
    for (double v : f1) {
      mean += v;
      good += v >= 0.9 ? 1 : 0;
    }
    mean /= n;
    double median = n % 2 == 1 ? f1[n / 2] : (f1[n / 2 - 1] + f1[n / 2]) / 2;
    System.out.printf("pages: %d%n", n);
    System.out.printf("mean token F1: %.4f%n", mean);
    System.out.printf("median token F1: %.4f%n", median);
    System.out.printf("share F1 >= 0.9: %.3f (%d/%d)%n", (double) good / n, good, n);
    System.out.printf(
        "pages/s: %.1f warm (%.2f s, one thread, after %d warm-up passes), %.1f cold (first pass)%n",
        n / seconds, seconds, WARM_UP_PASSES, n / coldSeconds);
    System.out.println("worst pages:");
    scores.stream()
        .sorted(Comparator.comparingDouble(Score::f1))
        .limit(10)
        .forEach(
            s ->
                System.out.printf(
                    "  %s  %-32s F1=%.3f pred=%d gold=%d%n",
                    s.sha().substring(0, 12),
                    host(s.url()),
                    s.f1(),
                    s.predTokens(),
                    s.goldTokens()));
  }

  private static String host(String url) {
    try {
      String h = URI.create(url).getHost();
      return h == null ? "?" : h;
    } catch (RuntimeException e) {
      return "?";
    }
  }

  private static String readGzip(Path p) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
