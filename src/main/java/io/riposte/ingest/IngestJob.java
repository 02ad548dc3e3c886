package io.riposte.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.riposte.io.Outputs;
import io.riposte.io.ReferenceFiles;
import io.riposte.io.Tables;
import io.riposte.run.RunRecord;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * The {@code ingest} job: an archive (JSON lines, CSV, Parquet, raw text or HTML pages) to the
 * {@code articles} and {@code rejects} tables. Records in = accepted + rejected, checked.
 */
public final class IngestJob {

  /** What to ingest and how. */
  public record Config(
      List<String> inputs,
      String output,
      InputFormat format,
      Map<String, String> fields,
      int minChars,
      int maxChars,
      String reference,
      MarkDuplicates.Settings duplicates) {}

  /** Counts of one ingest run. */
  public record Result(
      long recordsIn,
      long accepted,
      long rejected,
      Map<String, Long> rejectedByReason,
      long datesMissing,
      long datesInvalid,
      long duplicateCopies,
      long exactCopies,
      long dupGroups,
      BucketLoad buckets) {}

  /**
   * Near-duplicate search load: LSH buckets over the cap of {@code maxBucket} members and the pairs
   * within them not compared (see {@link MarkDuplicates}).
   */
  public record BucketLoad(int maxBucket, long overCap, long largest, long pairsSkipped) {

    /**
     * "N LSH bucket(s) over the cap of M members (largest L); K candidate pairs skipped", or null
     * when no bucket was over the cap.
     */
    public String note() {
      return overCap == 0
          ? null
          : String.format(
              "%d LSH bucket(s) over the cap of %d members (largest %d); %d candidate pairs"
                  + " skipped",
              overCap, maxBucket, largest, pairsSkipped);
    }
  }

  private static final Logger LOG = LogManager.getLogger(IngestJob.class);

  private IngestJob() {}

  /** Runs the job and fills the record's "ingest" section. */
  public static Result run(SparkSession spark, Config config, RunRecord record) {
    ReferenceFiles reference = new ReferenceFiles(config.reference());
    ArticleBuilder builder =
        new ArticleBuilder(
            new TextCleaner(Boilerplate.parse(reference.lines("boilerplate.tsv"))),
            Outlets.parse(reference.lines("outlets.tsv")),
            new ArticleBuilder.Limits(config.minChars(), config.maxChars()));
    Map<InputFormat, List<String>> files =
        ArchiveReader.listFiles(
            config.inputs(), config.format(), spark.sparkContext().hadoopConfiguration());
    ArchiveReader.Options options =
        new ArchiveReader.Options(
            config.format(), FieldMapping.withOverrides(config.fields()), config.maxChars() * 2);

    Dataset<Row> built =
        ArchiveReader.read(spark, files, options)
            .transform(raw -> BuildArticles.apply(raw, builder))
            .transform(BuildArticles::rejectDuplicateIds)
            .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> buckets = null;
    try {
      Outputs outputs = new Outputs(spark, config.output(), record.runId());
      Dataset<Row> accepted = BuildArticles.accepted(built);
      // Kept for the bucket counts below: the texts are hashed once.
      buckets =
          MarkDuplicates.buckets(accepted, config.duplicates())
              .persist(StorageLevel.MEMORY_AND_DISK());
      outputs.write(Tables.ARTICLES, MarkDuplicates.apply(accepted, buckets, config.duplicates()));
      outputs.write(Tables.REJECTS, BuildArticles.rejected(built));
      Result result = countRecords(built, outputs, bucketLoad(buckets, config.duplicates()));
      if (result.buckets().note() != null) {
        LOG.warn("ingest: {}", result.buckets().note());
      }
      describe(result, files, record.section("ingest"));
      return result;
    } finally {
      if (buckets != null) {
        buckets.unpersist();
      }
      built.unpersist();
    }
  }

  private static BucketLoad bucketLoad(Dataset<Row> buckets, MarkDuplicates.Settings settings) {
    Row load = MarkDuplicates.bucketLoad(buckets, settings).first();
    return new BucketLoad(
        settings.maxBucket(),
        load.getAs(MarkDuplicates.BUCKETS_OVER_CAP),
        load.getAs(MarkDuplicates.LARGEST_BUCKET),
        load.getAs(MarkDuplicates.PAIRS_SKIPPED));
  }

  private static Result countRecords(Dataset<Row> built, Outputs outputs, BucketLoad buckets) {
    Map<String, Long> byReason = new TreeMap<>();
    long accepted = 0;
    long missing = 0;
    long invalid = 0;
    for (Row r : built.groupBy("reason", "date_status").count().collectAsList()) {
      String reason = r.getAs("reason");
      String dateStatus = r.getAs("date_status");
      long n = r.getAs("count");
      if (reason == null) {
        accepted += n;
        if (PublishedDate.Status.MISSING.name().equals(dateStatus)) {
          missing += n;
        } else if (PublishedDate.Status.INVALID.name().equals(dateStatus)) {
          invalid += n;
        }
      } else {
        byReason.merge(reason, n, Long::sum);
      }
    }
    long rejected = byReason.values().stream().mapToLong(Long::longValue).sum();
    long recordsIn = accepted + rejected;
    Row dups =
        outputs
            .read(Tables.ARTICLES)
            .agg(
                count("*").as("articles"),
                sum(when(not(col("is_primary")), 1).otherwise(0)).as("copies"),
                countDistinct("content_hash").as("contents"),
                countDistinct("dup_group").as("groups"))
            .first();
    long written = dups.getAs("articles");
    long writtenRejects = outputs.read(Tables.REJECTS).count();
    if (written != accepted || writtenRejects != rejected) {
      throw new IllegalStateException(
          "records in ("
              + recordsIn
              + ") != articles written ("
              + written
              + ") + rejects written ("
              + writtenRejects
              + "): a record was lost or doubled");
    }
    Long nonPrimary = dups.getAs("copies");
    long copies = nonPrimary == null ? 0 : nonPrimary;
    long exact = written - dups.<Long>getAs("contents");
    long groupsWithCopies =
        outputs
            .read(Tables.ARTICLES)
            .groupBy("dup_group")
            .count()
            .where(col("count").gt(1))
            .count();
    return new Result(
        recordsIn,
        accepted,
        rejected,
        byReason,
        missing,
        invalid,
        copies,
        exact,
        groupsWithCopies,
        buckets);
  }

  private static void describe(Result r, Map<InputFormat, List<String>> files, ObjectNode section) {
    ObjectNode inputs = section.putObject("input_files");
    files.forEach((format, paths) -> inputs.put(format.label(), paths.size()));
    section.put("records_in", r.recordsIn());
    section.put("accepted", r.accepted());
    section.put("rejected", r.rejected());
    ObjectNode reasons = section.putObject("rejected_by_reason");
    r.rejectedByReason().forEach(reasons::put);
    section.put("dates_missing", r.datesMissing());
    section.put("dates_invalid", r.datesInvalid());
    section.put("duplicate_copies", r.duplicateCopies());
    section.put("exact_copies", r.exactCopies());
    section.put("near_duplicate_copies", r.duplicateCopies() - r.exactCopies());
    section.put("dup_groups_with_copies", r.dupGroups());
    ObjectNode buckets = section.putObject("near_duplicate_buckets");
    buckets.put("max_members", r.buckets().maxBucket());
    buckets.put("over_cap", r.buckets().overCap());
    buckets.put("largest", r.buckets().largest());
    buckets.put("pairs_skipped", r.buckets().pairsSkipped());
    if (r.buckets().note() != null) {
      buckets.put("note", r.buckets().note());
    }
  }
}
