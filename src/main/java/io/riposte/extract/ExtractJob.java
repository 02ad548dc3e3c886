package io.riposte.extract;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.riposte.extract.offence.OffenceCategoriser;
import io.riposte.io.OutputRoot;
import io.riposte.io.Outputs;
import io.riposte.io.ReferenceFiles;
import io.riposte.io.Tables;
import io.riposte.run.RunRecord;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * The {@code extract} job: the {@code articles} table to the {@code claims} table, and {@code
 * extract_rejects} for the articles it could not read whole (text over the NLP cap, extractor
 * failure).
 */
public final class ExtractJob {

  /**
   * Where to read and write, and the reference data override.
   *
   * @param incremental keep the earlier claims of articles that have not changed, and extract only
   *     the others (see {@link #run})
   * @param extractor the rules with the parser, or the rules alone
   */
  public record Config(String output, String reference, boolean incremental, Extractor extractor) {

    /** A whole extraction with the parser, not incremental. */
    public Config(String output, String reference) {
      this(output, reference, false, Extractor.PARSER);
    }
  }

  /**
   * Counts of one extract run.
   *
   * @param articles articles extracted by this run
   * @param articlesReused articles whose earlier claims were kept (incremental runs)
   */
  public record Result(long articles, long articlesReused, Map<String, Long> claimsByKind) {
    public long claims() {
      return claimsByKind.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /** Column of {@code groupBy(...).count()}. */
  private static final String COUNT = "count";

  /** Column of extract_rejects counted per value. */
  private static final String REASON = "reason";

  private ExtractJob() {}

  /**
   * Runs the job and fills the record's "extract" section and {@code claims_out}.
   *
   * <p>With {@link Config#incremental}, when the current {@code articles}, {@code claims} and
   * {@code extract_rejects} were written by one run: an article of the (new) {@code articles} equal
   * to a current one on {@link ExtractClaims#INPUT_COLUMNS} keeps its current claims and extract
   * rejects; only the other articles go through the NLP and the extractor. Claims are a function of
   * those columns alone, so the table is the one a whole extraction gives.
   */
  public static Result run(SparkSession spark, Config config, RunRecord record) {
    ReferenceFiles reference = new ReferenceFiles(config.reference());
    ClaimExtractor extractor = config.extractor().build(reference::lines);

    Outputs outputs = new Outputs(spark, config.output(), record.runId());
    Dataset<Row> articles = outputs.read(Tables.ARTICLES);
    Dataset<Row> toExtract = articles;
    Dataset<Row> unchanged = null;
    Dataset<Row> claims = spark.createDataFrame(List.of(), Tables.CLAIMS.schema());
    Dataset<Row> rejects = spark.createDataFrame(List.of(), Tables.EXTRACT_REJECTS.schema());
    Outputs earlier = new Outputs(spark, config.output());
    if (config.incremental() && sameRun(earlier, spark)) {
      unchanged =
          ExtractClaims.unchangedIds(articles, earlier.read(Tables.ARTICLES))
              .persist(StorageLevel.MEMORY_AND_DISK());
      toExtract = articles.join(unchanged, Tables.ARTICLE_ID, "left_anti");
      claims = earlier.read(Tables.CLAIMS).join(unchanged, Tables.ARTICLE_ID, "left_semi");
      rejects =
          earlier.read(Tables.EXTRACT_REJECTS).join(unchanged, Tables.ARTICLE_ID, "left_semi");
    }
    Dataset<Row> outcomes = null;
    long extracted;
    long reused;
    try {
      extracted = toExtract.count();
      reused = unchanged == null ? 0 : unchanged.count();
      if (extracted > 0) {
        // The NLP pipeline is fitted only when there is an article to read.
        ExtractClaims extract = ExtractClaims.fit(spark, extractor);
        OffenceCategoriser offences = OffenceCategoriser.load(reference::lines);
        // Persisted: claims and extract_rejects are both written from it, the NLP runs once.
        outcomes = toExtract.transform(extract::transform).persist(StorageLevel.MEMORY_AND_DISK());
        claims =
            outcomes
                .transform(GuardExtraction::claims)
                .transform(c -> CategoriseOffences.apply(c, offences))
                .unionByName(claims, true);
        rejects =
            outcomes
                .transform(GuardExtraction::errors)
                .union(
                    toExtract.transform(extract::candidates).transform(GuardExtraction::truncated))
                .unionByName(rejects, true);
      }
      outputs.write(Tables.CLAIMS, claims);
      outputs.write(Tables.EXTRACT_REJECTS, rejects);
    } finally {
      if (outcomes != null) {
        outcomes.unpersist();
      }
      if (unchanged != null) {
        unchanged.unpersist();
      }
    }

    Map<String, Long> byKind = new TreeMap<>();
    for (Row r : outputs.read(Tables.CLAIMS).groupBy(Tables.KIND).count().collectAsList()) {
      byKind.put(r.getAs(Tables.KIND), r.getAs(COUNT));
    }
    Map<String, Long> rejected = new TreeMap<>();
    for (Row r : outputs.read(Tables.EXTRACT_REJECTS).groupBy(REASON).count().collectAsList()) {
      rejected.put(r.getAs(REASON), r.getAs(COUNT));
    }
    Result result = new Result(extracted, reused, byKind);
    ObjectNode section = record.section("extract");
    section.put("extractor", config.extractor().label());
    section.put("articles", result.articles());
    if (config.incremental()) {
      section.put("articles_reused", result.articlesReused());
    }
    section.put("claims", result.claims());
    result.claimsByKind().forEach(section::put);
    section.put("nlp_max_chars", GuardExtraction.NLP_MAX_CHARS);
    section.put("extract_errors", rejected.getOrDefault(GuardExtraction.EXTRACT_ERROR, 0L));
    section.put("texts_truncated", rejected.getOrDefault(GuardExtraction.TRUNCATED, 0L));
    section.put("actor_phrases", extractor.gazetteer().phrases().size());
    section.put("prefilter_phrases", extractor.prefilterPhrases().size());
    ObjectNode categories = section.putObject("offence_categories");
    for (Row r :
        outputs
            .read(Tables.CLAIMS)
            .groupBy(Tables.OFFENCE_CATEGORY)
            .count()
            .orderBy(Tables.OFFENCE_CATEGORY)
            .collectAsList()) {
      String category = r.getAs(Tables.OFFENCE_CATEGORY);
      categories.put(category == null ? "(none)" : category, r.<Long>getAs(COUNT));
    }
    record.json().put("claims_out", result.claims());
    return result;
  }

  /**
   * True when the current articles, claims and extract rejects exist and were written by one run:
   * the claims are then those of those articles.
   */
  private static boolean sameRun(Outputs earlier, SparkSession spark) {
    OutputRoot root = new OutputRoot(earlier.root(), spark.sparkContext().hadoopConfiguration());
    String writer = null;
    for (Tables.Table t : List.of(Tables.ARTICLES, Tables.CLAIMS, Tables.EXTRACT_REJECTS)) {
      if (!earlier.exists(t)) {
        return false;
      }
      String marker = root.markerOf(new Path(earlier.path(t)));
      if (marker == null || (writer != null && !writer.equals(marker))) {
        return false;
      }
      writer = marker;
    }
    return true;
  }
}
