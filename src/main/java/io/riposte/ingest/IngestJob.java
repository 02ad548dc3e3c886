package io.riposte.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.riposte.io.Outputs;
import io.riposte.io.ReferenceFiles;
import io.riposte.io.Tables;
import io.riposte.run.RunRecord;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * The {@code ingest} job: an archive (JSON lines, CSV, Parquet, raw text or HTML pages) to the
 * {@code articles} and {@code rejects} tables. Records in = accepted + rejected, checked.
 */
public final class IngestJob {

  /**
   * What to ingest and how.
   *
   * @param incremental read only the files the output's {@link Tables#INPUT_FILES} does not hold as
   *     they are now, and add their articles to the earlier ones (see {@link #run})
   * @param extractor the claim extractor of a {@code run} when it is not the default parser ({@code
   *     rules}), else null: recorded in the {@link #settings} an incremental run compares
   */
  public record Config(
      List<String> inputs,
      String output,
      InputFormat format,
      Map<String, String> fields,
      int minChars,
      int maxChars,
      String reference,
      MarkDuplicates.Settings duplicates,
      boolean incremental,
      String extractor) {

    /** A whole ingest, not incremental. */
    public Config(
        List<String> inputs,
        String output,
        InputFormat format,
        Map<String, String> fields,
        int minChars,
        int maxChars,
        String reference,
        MarkDuplicates.Settings duplicates) {
      this(inputs, output, format, fields, minChars, maxChars, reference, duplicates, false, null);
    }

    /**
     * The settings that decide what the articles and claims of a file are, as one JSON text (stored
     * in {@link Tables#INPUT_FILES}): an incremental run must have the same ones as the runs before
     * it. The reference folder is compared by its name, not its content.
     */
    public String settings() {
      ObjectNode s = JSON.createObjectNode();
      s.put("riposte_version", RunRecord.version());
      s.put("reference", reference);
      s.put("format", format == null ? "auto" : format.name());
      ObjectNode f = s.putObject("fields");
      new TreeMap<>(fields).forEach(f::put);
      s.put("min_chars", minChars);
      s.put("max_chars", maxChars);
      s.put("near_dup_distance", duplicates.maxJaccardDistance());
      s.put("near_dup_hash_tables", duplicates.hashTables());
      s.put("near_dup_seed", duplicates.seed());
      s.put("near_dup_max_bucket", duplicates.maxBucket());
      if (extractor != null) {
        // Only when not the default parser: settings of default runs stay as they were.
        s.put("extractor", extractor);
      }
      return s.toString();
    }
  }

  /**
   * Counts of one ingest run, over the whole output (with {@code --incremental}, earlier runs'
   * files included).
   *
   * @param files what this run read of the listed files
   */
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
      BucketLoad buckets,
      FilesRead files) {}

  /**
   * The files of one ingest run: those it read ({@code newFiles} never seen, {@code changedFiles}
   * seen with another size or modification time), those it skipped as already read ({@code
   * unchanged}), earlier files it did not list and kept ({@code unlisted}), and the records it
   * read. Without {@code --incremental} every listed file is new.
   */
  public record FilesRead(
      boolean incremental,
      int newFiles,
      int changedFiles,
      int unchanged,
      int unlisted,
      long recordsRead) {

    /**
     * "incremental: N new, M changed, K unchanged files read/skipped ...", or "" for a whole run.
     */
    public String note() {
      return !incremental
          ? ""
          : String.format(
              "incremental: read %d new and %d changed files (%d records), skipped %d unchanged,"
                  + " kept %d not listed",
              newFiles, changedFiles, recordsRead, unchanged, unlisted);
    }
  }

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
  private static final ObjectMapper JSON = new ObjectMapper();

  private IngestJob() {}

  /**
   * Runs the job and fills the record's "ingest" section.
   *
   * <p>With {@link Config#incremental} and an earlier output: only the listed files that {@link
   * Tables#INPUT_FILES} does not hold with their current size and modification time are read. The
   * earlier articles and rejects stay (those of a changed file are replaced by its new reading),
   * the new records join them, and duplicates are marked again over all articles, so that {@code
   * dup_group} and {@code is_primary} are what one run over all the files gives. An article id
   * stays with the earlier article that has it: a new record with that id is a DUPLICATE_ID reject.
   * Fails when the earlier output was made with other {@link Config#settings}, or has articles but
   * no record of its input files.
   */
  public static Result run(SparkSession spark, Config config, RunRecord record) {
    ReferenceFiles reference = new ReferenceFiles(config.reference());
    ArticleBuilder builder =
        new ArticleBuilder(
            new TextCleaner(Boilerplate.parse(reference.lines("boilerplate.tsv"))),
            Outlets.parse(reference.lines("outlets.tsv")),
            new ArticleBuilder.Limits(config.minChars(), config.maxChars()));
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    Map<InputFormat, List<String>> files =
        ArchiveReader.listFiles(config.inputs(), config.format(), conf);
    ArchiveReader.Options options =
        new ArchiveReader.Options(
            config.format(), FieldMapping.withOverrides(config.fields()), config.maxChars() * 2);
    String settings = config.settings();
    List<InputFiles.File> listed = InputFiles.stat(files, conf);
    Outputs earlier = new Outputs(spark, config.output());
    boolean incremental = config.incremental() && hasEarlierOutput(earlier);
    InputFiles.Plan plan =
        incremental
            ? InputFiles.plan(listed, earlierFiles(earlier, settings))
            : InputFiles.Plan.readAll(listed);

    Dataset<Row> built = read(spark, plan.toRead(), options, builder);
    Dataset<Row> earlierArticles = null;
    Dataset<Row> earlierRejects = null;
    if (incremental) {
      List<String> replaced = sourceFilesOf(earlier, plan.changedKeys());
      earlierArticles =
          earlier
              .read(Tables.ARTICLES)
              .where(not(col(Tables.SOURCE_FILE).isin(replaced.toArray())));
      earlierRejects =
          earlier.read(Tables.REJECTS).where(not(col(Tables.SOURCE_FILE).isin(replaced.toArray())));
      built = BuildArticles.rejectTakenIds(built, earlierArticles.select(Tables.ARTICLE_ID));
    }
    built = built.persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> buckets = null;
    try {
      Map<String, InputFiles.Counts> counts = countByFile(built);
      List<Row> fileRows = new ArrayList<>(plan.kept());
      fileRows.addAll(InputFiles.rows(plan.toRead(), counts, settings, record.runId()));
      long recordsRead = counts.values().stream().mapToLong(c -> c.accepted + c.rejected).sum();

      Outputs outputs = new Outputs(spark, config.output(), record.runId());
      Dataset<Row> accepted = BuildArticles.accepted(built);
      Dataset<Row> rejected = BuildArticles.rejected(built);
      if (incremental) {
        accepted = accepted.unionByName(earlierArticles.drop("dup_group", "is_primary"), true);
        rejected = rejected.unionByName(earlierRejects);
      }
      // Kept for the bucket counts below: the texts are hashed once.
      buckets =
          MarkDuplicates.buckets(accepted, config.duplicates())
              .persist(StorageLevel.MEMORY_AND_DISK());
      outputs.write(Tables.ARTICLES, MarkDuplicates.apply(accepted, buckets, config.duplicates()));
      outputs.write(Tables.REJECTS, rejected);
      outputs.write(
          Tables.INPUT_FILES, spark.createDataFrame(fileRows, Tables.INPUT_FILES.schema()));
      FilesRead read =
          new FilesRead(
              incremental,
              plan.newFiles(),
              plan.changedKeys().size(),
              plan.unchanged(),
              plan.unlisted(),
              recordsRead);
      Result result =
          countRecords(fileRows, outputs, bucketLoad(buckets, config.duplicates()), read);
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

  /** Built rows ({@link BuildArticles#BUILT}) of {@code files}, duplicate ids rejected. */
  private static Dataset<Row> read(
      SparkSession spark,
      List<InputFiles.File> files,
      ArchiveReader.Options options,
      ArticleBuilder builder) {
    if (files.isEmpty()) {
      return spark.createDataFrame(List.of(), BuildArticles.BUILT);
    }
    Map<InputFormat, List<String>> byFormat = new EnumMap<>(InputFormat.class);
    for (InputFiles.File f : files) {
      byFormat.computeIfAbsent(f.format(), k -> new ArrayList<>()).add(f.path());
    }
    return ArchiveReader.read(spark, byFormat, options)
        .transform(raw -> BuildArticles.apply(raw, builder))
        .transform(BuildArticles::rejectDuplicateIds);
  }

  /**
   * True when the output holds an earlier run's input files; false when it holds no articles (an
   * incremental run is then a whole run). Fails on articles without input files: they cannot be
   * told apart by file.
   */
  private static boolean hasEarlierOutput(Outputs earlier) {
    if (earlier.exists(Tables.INPUT_FILES)) {
      return true;
    }
    if (earlier.exists(Tables.ARTICLES)) {
      throw new IllegalStateException(
          "--incremental: "
              + earlier.path(Tables.ARTICLES)
              + " was written without a record of its input files ("
              + Tables.INPUT_FILES.name()
              + "/, written since Riposte records them); run once without --incremental");
    }
    return false;
  }

  /** The earlier run's input files; fails when one was read with other settings. */
  private static List<Row> earlierFiles(Outputs earlier, String settings) {
    List<Row> rows = earlier.read(Tables.INPUT_FILES).collectAsList();
    for (Row r : rows) {
      String before = r.getAs("settings");
      if (!settings.equals(before)) {
        throw new IllegalStateException(
            "--incremental: "
                + earlier.root()
                + " was made with other settings; expected "
                + settings
                + ", got "
                + before
                + " (file "
                + r.getAs("path")
                + "). Run without --incremental, or to another --output.");
      }
    }
    return rows;
  }

  /** The source_file values of the earlier articles and rejects that belong to {@code keys}. */
  private static List<String> sourceFilesOf(Outputs earlier, java.util.Set<String> keys) {
    if (keys.isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (Tables.Table t : List.of(Tables.ARTICLES, Tables.REJECTS)) {
      for (Row r : earlier.read(t).select(Tables.SOURCE_FILE).distinct().collectAsList()) {
        if (keys.contains(InputFiles.key(r.getString(0)))) {
          out.add(r.getString(0));
        }
      }
    }
    return out;
  }

  /** Records per file of the built rows, accepted or not and by date status. */
  private static Map<String, InputFiles.Counts> countByFile(Dataset<Row> built) {
    Map<String, InputFiles.Counts> counts = new TreeMap<>();
    for (Row r :
        built
            .groupBy(col(Tables.SOURCE_FILE), col("reason").isNull(), col("date_status"))
            .count()
            .collectAsList()) {
      InputFiles.count(counts, r.getString(0), r.getBoolean(1), r.getString(2), r.getLong(3));
    }
    return counts;
  }

  private static BucketLoad bucketLoad(Dataset<Row> buckets, MarkDuplicates.Settings settings) {
    Row load = MarkDuplicates.bucketLoad(buckets, settings).first();
    return new BucketLoad(
        settings.maxBucket(),
        load.getAs(MarkDuplicates.BUCKETS_OVER_CAP),
        load.getAs(MarkDuplicates.LARGEST_BUCKET),
        load.getAs(MarkDuplicates.PAIRS_SKIPPED));
  }

  /**
   * The totals of the output, from its input files' counts, checked against the written tables:
   * records in = rows of articles + rows of rejects.
   */
  private static Result countRecords(
      List<Row> fileRows, Outputs outputs, BucketLoad buckets, FilesRead read) {
    long accepted = 0;
    long rejected = 0;
    long missing = 0;
    long invalid = 0;
    for (Row r : fileRows) {
      accepted += r.<Long>getAs("accepted");
      rejected += r.<Long>getAs("rejected");
      missing += r.<Long>getAs("dates_missing");
      invalid += r.<Long>getAs("dates_invalid");
    }
    long recordsIn = accepted + rejected;
    // One query for every figure read back (a union of two aggregates, told apart by "part"):
    // on a small archive each query costs seconds of planning and scheduling.
    Column none = lit(null).cast("long");
    Dataset<Row> rejectsByReason =
        outputs
            .read(Tables.REJECTS)
            .groupBy("reason")
            .count()
            .select(lit(BY_REASON).as(PART), col("reason"), col("count"), none, none, none);
    Column copy = not(col("is_primary"));
    Dataset<Row> dupCounts =
        outputs
            .read(Tables.ARTICLES)
            .agg(
                count("*").as("articles"),
                sum(when(copy, 1).otherwise(0)).cast("long").as("copies"),
                countDistinct("content_hash").as("contents"),
                // a group has exactly one primary, so it has copies when it has a non-primary row
                countDistinct(when(copy, col("dup_group"))).as("groups"))
            .select(
                lit(ARTICLES).as(PART),
                lit(null).cast("string"),
                col("articles"),
                col("copies"),
                col("contents"),
                col("groups"));
    Map<String, Long> byReason = new TreeMap<>();
    Row dups = null;
    for (Row r : rejectsByReason.union(dupCounts).collectAsList()) {
      if (r.getString(0).equals(BY_REASON)) {
        byReason.put(r.getString(1), r.getLong(2));
      } else {
        dups = r;
      }
    }
    long writtenRejects = byReason.values().stream().mapToLong(Long::longValue).sum();
    long written = dups.getLong(2);
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
    long copies = dups.isNullAt(3) ? 0 : dups.getLong(3);
    long exact = written - dups.getLong(4);
    long groupsWithCopies = dups.getLong(5);
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
        buckets,
        read);
  }

  private static final String PART = "part";
  private static final String BY_REASON = "rejects_by_reason";
  private static final String ARTICLES = "articles";

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
    FilesRead f = r.files();
    if (f.incremental()) {
      ObjectNode inc = section.putObject("incremental");
      inc.put("files_new", f.newFiles());
      inc.put("files_changed", f.changedFiles());
      inc.put("files_unchanged", f.unchanged());
      inc.put("files_kept_unlisted", f.unlisted());
      inc.put("records_read", f.recordsRead());
    }
  }
}
