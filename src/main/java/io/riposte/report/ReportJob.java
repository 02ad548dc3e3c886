package io.riposte.report;

import static io.riposte.io.Tables.ACCUSED;
import static io.riposte.io.Tables.ACCUSER;
import static io.riposte.io.Tables.OUTLET;
import static io.riposte.io.Tables.OUTLET_KEY;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.riposte.extract.Claim;
import io.riposte.extract.offence.OffenceCategory;
import io.riposte.io.Outputs;
import io.riposte.io.Tables;
import io.riposte.report.ReportData.Categories;
import io.riposte.report.ReportData.CategorySeries;
import io.riposte.report.ReportData.Cluster;
import io.riposte.report.ReportData.DyadSeries;
import io.riposte.report.ReportData.Edge;
import io.riposte.report.ReportData.OutletShare;
import io.riposte.report.ReportData.Summary;
import io.riposte.run.RunRecord;
import io.riposte.spark.Sessions;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The {@code report} job: reads the aggregate tables (and {@code clusters} when there is one) and
 * writes {@code DIR/report.html}, one self-contained page with charts (see {@link ReportPage}).
 *
 * <p>Everything shown is cut to a bounded size in Spark (top dyads, top outlets, largest clusters)
 * before it is collected, so the page and the driver stay small whatever the archive.
 */
public final class ReportJob {

  /** Name of the page under the output root. */
  public static final String FILE_NAME = "report.html";

  /** Folder of the clusters table under the output root (written by the cluster job). */
  static final String CLUSTERS = "clusters";

  /** Offence categories in the accusations-per-category chart. */
  static final int TOP_CATEGORIES = 8;

  /** Key of the accusations without a category while counting (no category key has a space). */
  private static final String NOT_CATEGORISED = "not categorised";

  /** Columns of the accuser -> accused pairs: their accusation and denial claims. */
  private static final String ACC = "accusations";

  private static final String DEN = "denials";

  /** Representative sentences shown per cluster. */
  static final int SENTENCES_PER_CLUSTER = 3;

  /**
   * What to read and how much to show.
   *
   * @param topDyads dyads in the accusations-per-month chart
   * @param topOutlets outlets in the denial-coverage chart
   * @param networkEdges accuser -> accused edges in the network
   * @param topClusters clusters listed
   */
  public record Config(
      String output, int topDyads, int topOutlets, int networkEdges, int topClusters) {
    public Config {
      check("--top-dyads", topDyads, 1, 20);
      check("--top-outlets", topOutlets, 1, 100);
      check("--network-edges", networkEdges, 1, 200);
      check("--top-clusters", topClusters, 1, 100);
    }

    /** The defaults, as {@code run} uses them. */
    public static Config defaults(String output) {
      return new Config(output, 8, 15, 30, 8);
    }

    private static void check(String option, int value, int lo, int hi) {
      if (value < lo || value > hi) {
        throw new IllegalArgumentException(
            option + ": expected a number from " + lo + " to " + hi + ", got " + value);
      }
    }
  }

  private ReportJob() {}

  /** Writes the report and fills the record's "report" section; returns the page's path. */
  public static String run(SparkSession spark, Config config, RunRecord record) {
    // Small queries over few rows: interpreted, as compiling their code costs more (see Sessions).
    return Sessions.interpreted(spark, () -> runInterpreted(spark, config, record));
  }

  private static String runInterpreted(SparkSession spark, Config config, RunRecord record) {
    Outputs outputs = new Outputs(spark, config.output(), record.runId());
    ReportData data = collect(spark, config, outputs);
    String html = ReportPage.html(data);
    Path page = new Path(outputs.writePath(FILE_NAME));
    write(spark, page, html);
    ObjectNode section = record.section("report");
    section.put("path", new Path(config.output(), FILE_NAME).toString());
    section.put("bytes", html.getBytes(StandardCharsets.UTF_8).length);
    section.put("dyads", data.dyads().size());
    section.put("outlets", data.outlets().size());
    section.put("network_edges", data.network().size());
    section.put("clusters", data.clustersComputed() ? data.clusters().size() : 0);
    section.put("offence_categories", data.categories().series().size());
    return new Path(config.output(), FILE_NAME).toString();
  }

  /** Reads what the report shows from the tables under {@code config.output()}. */
  public static ReportData collect(SparkSession spark, Config config) {
    return collect(spark, config, new Outputs(spark, config.output()));
  }

  private static ReportData collect(SparkSession spark, Config config, Outputs outputs) {
    Dataset<Row> dyads = outputs.read(Tables.DYAD_COUNTS);
    Dataset<Row> coverage = outputs.read(Tables.OUTLET_COVERAGE);
    Dataset<Row> episodes = outputs.read(Tables.EPISODES);

    // Only named actors: an actor a claim does not name is null (Claim.UNSPECIFIED).
    Dataset<Row> named =
        dyads.where(col(Tables.ACCUSER).isNotNull().and(col(Tables.ACCUSED).isNotNull()));
    Dataset<Row> pairs =
        named
            .groupBy(Tables.ACCUSER, Tables.ACCUSED)
            .agg(claims(Claim.ACCUSATION).as(ACC), claims(Claim.DENIAL).as(DEN));
    Dataset<Row> top =
        pairs
            .where("accusations > 0")
            .orderBy(desc("accusations"), desc("denials"), col(Tables.ACCUSER), col(Tables.ACCUSED))
            .limit(config.topDyads());
    List<Row> topRows = top.collectAsList();
    List<Row> monthly =
        named
            .where(col(Tables.KIND).equalTo(Claim.ACCUSATION).and(col("month").isNotNull()))
            .join(
                broadcast(top.select(Tables.ACCUSER, Tables.ACCUSED)),
                new String[] {Tables.ACCUSER, Tables.ACCUSED})
            .groupBy(
                col(Tables.ACCUSER),
                col(Tables.ACCUSED),
                date_format(col("month"), "yyyy-MM").as("m"))
            .agg(sum("n_claims").as("n"))
            .collectAsList();
    List<String> months = months(monthly);
    Map<String, Long> byKey = new HashMap<>();
    for (Row r : monthly) {
      byKey.put(key(r.getAs(Tables.ACCUSER), r.getAs(Tables.ACCUSED), r.getAs("m")), r.getAs("n"));
    }
    List<DyadSeries> series = new ArrayList<>();
    for (Row r : topRows) {
      String accuser = r.getAs(Tables.ACCUSER);
      String accused = r.getAs(Tables.ACCUSED);
      List<Long> perMonth =
          months.stream().map(m -> byKey.getOrDefault(key(accuser, accused, m), 0L)).toList();
      series.add(new DyadSeries(accuser, accused, r.getAs(ACC), r.getAs(DEN), perMonth));
    }

    List<Edge> network =
        pairs
            .where(col(Tables.ACCUSER).notEqual(col(Tables.ACCUSED)))
            .orderBy(desc("accusations"), desc("denials"), col(Tables.ACCUSER), col(Tables.ACCUSED))
            .where("accusations + denials > 0")
            .limit(config.networkEdges())
            .collectAsList()
            .stream()
            .map(r -> new Edge(r.getAs(ACCUSER), r.getAs(ACCUSED), r.getAs(ACC), r.getAs(DEN)))
            .toList();

    // outlet_coverage has one label per outlet_key (LabelOutlets); min() only picks that one value.
    List<OutletShare> outlets =
        coverage
            .groupBy(Tables.OUTLET_KEY)
            .agg(
                min(Tables.OUTLET).as(Tables.OUTLET),
                sum("n_with_accusation").as("acc"),
                sum("n_accusation_articles_reporting_denial").as("rep"))
            .where("acc > 0")
            .orderBy(desc("acc"), col(Tables.OUTLET_KEY))
            .limit(config.topOutlets())
            .collectAsList()
            .stream()
            .map(
                r ->
                    new OutletShare(
                        r.getAs(OUTLET_KEY), r.getAs(OUTLET), r.getAs("acc"), r.getAs("rep")))
            .toList();

    return new ReportData(
        config.output(),
        summary(dyads, coverage, episodes),
        months,
        series,
        outlets,
        network,
        clusters(spark, config, outputs),
        categories(outputs.read(Tables.OFFENCE_MONTHS)));
  }

  /**
   * Accusation claims per month of the {@value #TOP_CATEGORIES} offence categories with the most
   * (accusations without a category are one more series, "not categorised"), from {@code
   * offence_months} (one row per month, category and kind). All dated accusations count, named
   * actors or not; the rows collected are at most categories x months.
   */
  static Categories categories(Dataset<Row> offenceMonths) {
    List<Row> rows =
        offenceMonths
            .where(col(Tables.KIND).equalTo(Claim.ACCUSATION).and(col("month").isNotNull()))
            .select(
                col(Tables.OFFENCE_CATEGORY),
                date_format(col("month"), "yyyy-MM").as("m"),
                col("n_claims"))
            .collectAsList();
    Map<String, Long> totals = new HashMap<>();
    Map<String, Long> byKey = new HashMap<>();
    List<String> seen = new ArrayList<>();
    for (Row r : rows) {
      String key = r.getAs(Tables.OFFENCE_CATEGORY);
      String category = key == null ? NOT_CATEGORISED : key;
      String month = r.getAs("m");
      long claims = r.getAs("n_claims");
      totals.merge(category, claims, Long::sum);
      byKey.put(category + '\u0000' + month, claims);
      seen.add(month);
    }
    List<String> months = consecutive(seen);
    List<CategorySeries> series =
        totals.entrySet().stream()
            .sorted(
                Map.Entry.<String, Long>comparingByValue()
                    .reversed()
                    .thenComparing(Map.Entry.comparingByKey()))
            .limit(TOP_CATEGORIES)
            .map(
                e ->
                    new CategorySeries(
                        e.getKey().equals(NOT_CATEGORISED) ? null : e.getKey(),
                        e.getKey().equals(NOT_CATEGORISED)
                            ? "not categorised"
                            : OffenceCategory.ofKey(e.getKey()).label(),
                        e.getValue(),
                        months.stream()
                            .map(m -> byKey.getOrDefault(e.getKey() + '\u0000' + m, 0L))
                            .toList()))
            .toList();
    return new Categories(months, series);
  }

  private static Summary summary(Dataset<Row> dyads, Dataset<Row> coverage, Dataset<Row> episodes) {
    Row c =
        coverage
            .agg(
                sum("n_articles").as("articles"),
                sum("n_with_accusation").as("acc"),
                sum("n_accusation_articles_reporting_denial").as("rep"),
                date_format(min("month"), "yyyy-MM").as("first_month"),
                date_format(max("month"), "yyyy-MM").as("last_month"))
            .first();
    Row k =
        dyads
            .agg(claims(Claim.ACCUSATION).as("accusations"), claims(Claim.DENIAL).as("denials"))
            .first();
    Row e =
        episodes
            .agg(
                count(lit(1)).as("episodes"),
                count("first_denial_date").as("denied"),
                expr("percentile(days_to_denial, 0.5)").as("median_days"))
            .first();
    return new Summary(
        orZero(c, "articles"),
        orZero(c, "acc"),
        orZero(c, "rep"),
        orZero(k, "accusations"),
        orZero(k, "denials"),
        c.getAs("first_month"),
        c.getAs("last_month"),
        e.getAs("episodes"),
        e.getAs("denied"),
        e.getAs("median_days"));
  }

  /**
   * The largest clusters, or null when the output has no clusters table. Read by column name from
   * the Parquet (not through {@link Outputs#read}) so the report works on outputs written before
   * the cluster job existed.
   */
  private static List<Cluster> clusters(SparkSession spark, Config config, Outputs outputs) {
    Path folder = new Path(outputs.path(CLUSTERS));
    try {
      FileSystem fs = folder.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(folder)) {
        return null;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot look for " + folder, e);
    }
    return spark
        .read()
        .parquet(folder.toString())
        .select(
            col("cluster_id").cast("int"),
            col("label"),
            col("size").cast("long"),
            col("n_accusations").cast("long"),
            col("n_denials").cast("long"),
            col("share_denied").cast("double"),
            col("top_terms"),
            col("top_actor_pairs"),
            expr("slice(representative_sentences, 1, " + SENTENCES_PER_CLUSTER + ")")
                .as("representative_sentences"))
        .orderBy(desc("size"), col("cluster_id"))
        .limit(config.topClusters())
        .collectAsList()
        .stream()
        .map(
            r ->
                new Cluster(
                    r.<Integer>getAs("cluster_id"),
                    r.getAs("label") == null
                        ? "cluster " + r.getAs("cluster_id")
                        : r.<String>getAs("label"),
                    orZero(r, "size"),
                    orZero(r, "n_accusations"),
                    orZero(r, "n_denials"),
                    r.getAs("share_denied") == null ? 0 : r.<Double>getAs("share_denied"),
                    strings(r, "top_terms"),
                    strings(r, "top_actor_pairs"),
                    strings(r, "representative_sentences")))
        .toList();
  }

  /** The sum of n_claims over rows of one kind. */
  private static Column claims(String kind) {
    return sum(when(col(Tables.KIND).equalTo(kind), col("n_claims")).otherwise(0L));
  }

  /** Consecutive months from the first to the last one in the rows' "m" column. */
  private static List<String> months(List<Row> monthly) {
    return consecutive(monthly.stream().map(r -> r.<String>getAs("m")).toList());
  }

  /** Consecutive months ({@code YYYY-MM}) from the first to the last of {@code months}. */
  private static List<String> consecutive(List<String> months) {
    List<YearMonth> seen = months.stream().map(YearMonth::parse).toList();
    List<String> out = new ArrayList<>();
    if (seen.isEmpty()) {
      return out;
    }
    YearMonth first = seen.stream().min(YearMonth::compareTo).orElseThrow();
    YearMonth last = seen.stream().max(YearMonth::compareTo).orElseThrow();
    for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
      out.add(m.toString());
    }
    return out;
  }

  private static String key(String accuser, String accused, String month) {
    return accuser + '\u0000' + accused + '\u0000' + month;
  }

  private static List<String> strings(Row r, String column) {
    int i = r.fieldIndex(column);
    return r.isNullAt(i)
        ? List.of()
        : r.<String>getList(i).stream().filter(Objects::nonNull).toList();
  }

  /** The long in {@code column}, 0 when null (a sum over no rows). */
  private static long orZero(Row r, String column) {
    Long v = r.getAs(column);
    return v == null ? 0 : v;
  }

  private static void write(SparkSession spark, Path page, String html) {
    try {
      FileSystem fs = page.getFileSystem(spark.sparkContext().hadoopConfiguration());
      try (OutputStream out = fs.create(page, true)) {
        out.write(html.getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + page, e);
    }
  }
}
