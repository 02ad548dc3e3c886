package io.riposte.extract;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.riposte.extract.offence.OffenceCategoriser;
import io.riposte.io.Outputs;
import io.riposte.io.ReferenceFiles;
import io.riposte.io.Tables;
import io.riposte.run.RunRecord;
import java.util.Map;
import java.util.TreeMap;
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

  /** Where to read and write, and the reference data override. */
  public record Config(String output, String reference) {}

  /** Counts of one extract run. */
  public record Result(long articles, Map<String, Long> claimsByKind) {
    public long claims() {
      return claimsByKind.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /** Column of {@code groupBy(...).count()}. */
  private static final String COUNT = "count";

  /** Column of extract_rejects counted per value. */
  private static final String REASON = "reason";

  private ExtractJob() {}

  /** Runs the job and fills the record's "extract" section and {@code claims_out}. */
  public static Result run(SparkSession spark, Config config, RunRecord record) {
    ReferenceFiles reference = new ReferenceFiles(config.reference());
    ClaimExtractor extractor = ClaimExtractor.parsed(reference::lines);
    ExtractClaims extract = ExtractClaims.fit(spark, extractor);
    OffenceCategoriser offences = OffenceCategoriser.load(reference::lines);

    Outputs outputs = new Outputs(spark, config.output(), record.runId());
    Dataset<Row> articles = outputs.read(Tables.ARTICLES);
    // Persisted: claims and extract_rejects are both written from it, the NLP runs once.
    Dataset<Row> outcomes =
        articles.transform(extract::transform).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      outputs.write(
          Tables.CLAIMS,
          outcomes
              .transform(GuardExtraction::claims)
              .transform(claims -> CategoriseOffences.apply(claims, offences)));
      outputs.write(
          Tables.EXTRACT_REJECTS,
          outcomes
              .transform(GuardExtraction::errors)
              .union(
                  articles.transform(extract::candidates).transform(GuardExtraction::truncated)));
    } finally {
      outcomes.unpersist();
    }

    Map<String, Long> byKind = new TreeMap<>();
    for (Row r : outputs.read(Tables.CLAIMS).groupBy(Tables.KIND).count().collectAsList()) {
      byKind.put(r.getAs(Tables.KIND), r.getAs(COUNT));
    }
    Map<String, Long> rejected = new TreeMap<>();
    for (Row r : outputs.read(Tables.EXTRACT_REJECTS).groupBy(REASON).count().collectAsList()) {
      rejected.put(r.getAs(REASON), r.getAs(COUNT));
    }
    Result result = new Result(articles.count(), byKind);
    ObjectNode section = record.section("extract");
    section.put("articles", result.articles());
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
}
