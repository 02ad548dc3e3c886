package io.riposte.aggregate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.riposte.extract.Claim;
import io.riposte.io.Outputs;
import io.riposte.io.Tables;
import io.riposte.run.RunRecord;
import io.riposte.spark.Sessions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * The {@code aggregate} job: the {@code articles} and {@code claims} tables to {@code dyad_counts},
 * {@code outlet_coverage}, {@code episodes}, {@code actor_summary} and {@code offence_months}.
 *
 * <p>Every run recomputes all five from the whole of {@code claims}: episodes cross month
 * boundaries and a story is counted in the row of its first copy, so a new month can change rows of
 * earlier months; and aggregating claims costs little next to extracting them.
 */
public final class AggregateJob {

  /** Default of {@code --episode-window-days}. */
  public static final int DEFAULT_EPISODE_WINDOW_DAYS = 30;

  /** Where to read and write, and the episode window. */
  public record Config(String output, int episodeWindowDays) {
    public Config {
      if (episodeWindowDays < 0) {
        throw new IllegalArgumentException(
            "--episode-window-days: expected a number of days >= 0, got " + episodeWindowDays);
      }
    }
  }

  /** Counts of one aggregate run. */
  public record Result(
      long claims, long denials, long denialsInEpisodes, Map<String, Long> rowsByTable) {}

  private AggregateJob() {}

  /** Runs the job and fills the record's "aggregate" section; checks every claim is counted. */
  public static Result run(SparkSession spark, Config config, RunRecord record) {
    // Small queries over few rows: interpreted, as compiling their code costs more (see Sessions).
    return Sessions.interpreted(spark, () -> runInterpreted(spark, config, record));
  }

  private static Result runInterpreted(SparkSession spark, Config config, RunRecord record) {
    Outputs outputs = new Outputs(spark, config.output(), record.runId());
    Dataset<Row> articles = outputs.read(Tables.ARTICLES);
    Dataset<Row> claims = outputs.read(Tables.CLAIMS);
    Dataset<Row> oriented =
        claims
            .transform(c -> OrientClaims.apply(c, articles))
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      outputs.write(Tables.DYAD_COUNTS, oriented.transform(CountDyads::apply));
      outputs.write(
          Tables.OUTLET_COVERAGE, articles.transform(a -> CountByOutlet.apply(a, claims)));
      outputs.write(
          Tables.EPISODES,
          oriented.transform(o -> BuildEpisodes.apply(o, config.episodeWindowDays())));
      outputs.write(Tables.ACTOR_SUMMARY, oriented.transform(SummariseActors::apply));
      outputs.write(Tables.OFFENCE_MONTHS, oriented.transform(CountOffenceMonths::apply));
    } finally {
      oriented.unpersist();
    }
    Result result = check(outputs);
    ObjectNode section = record.section("aggregate");
    section.put("episode_window_days", config.episodeWindowDays());
    section.put("claims", result.claims());
    section.put("denials", result.denials());
    section.put("denials_in_episodes", result.denialsInEpisodes());
    section.put("denials_outside_episodes", result.denials() - result.denialsInEpisodes());
    ObjectNode rows = section.putObject("rows");
    result.rowsByTable().forEach(rows::put);
    return result;
  }

  /**
   * Counts the written tables; fails when dyad_counts or offence_months does not hold every claim
   * exactly once. One query reads them all (a union of one aggregate per table): on a small archive
   * each query costs seconds of planning and job scheduling, next to milliseconds of data.
   */
  private static Result check(Outputs outputs) {
    Column noSum = lit(null).cast("long");
    Dataset<Row> totals =
        outputs
            .read(Tables.CLAIMS)
            .agg(
                count(lit(1)).as(ROWS),
                sum(when(col(Tables.KIND).equalTo(Claim.DENIAL), 1L).otherwise(0L)).as(DENIALS))
            .select(lit(Tables.CLAIMS.name()).as(TABLE), col(ROWS), noSum.as(CLAIMS), col(DENIALS));
    for (Tables.Table t : Tables.AGGREGATES) {
      Column claims =
          t == Tables.DYAD_COUNTS || t == Tables.OFFENCE_MONTHS ? sum("n_claims") : noSum;
      Column denials = t == Tables.EPISODES ? sum("n_denials") : noSum;
      totals =
          totals.union(
              outputs
                  .read(t)
                  .agg(count(lit(1)).as(ROWS), claims.as(CLAIMS), denials.as(DENIALS))
                  .select(lit(t.name()).as(TABLE), col(ROWS), col(CLAIMS), col(DENIALS)));
    }
    Map<String, Row> byTable = new LinkedHashMap<>();
    for (Row r : totals.collectAsList()) {
      byTable.put(r.getAs(TABLE), r);
    }
    long nClaims = byTable.get(Tables.CLAIMS.name()).getAs(ROWS);
    long nDenials = orZero(byTable.get(Tables.CLAIMS.name()), DENIALS);
    for (Tables.Table table : List.of(Tables.DYAD_COUNTS, Tables.OFFENCE_MONTHS)) {
      long inTable = orZero(byTable.get(table.name()), CLAIMS);
      if (inTable != nClaims) {
        throw new IllegalStateException(
            table.name()
                + " holds "
                + inTable
                + " claims, claims has "
                + nClaims
                + ": a claim was lost or doubled");
      }
    }
    long inEpisodes = orZero(byTable.get(Tables.EPISODES.name()), DENIALS);
    Map<String, Long> rows = new LinkedHashMap<>();
    for (Tables.Table t : Tables.AGGREGATES) {
      rows.put(t.name(), byTable.get(t.name()).getAs(ROWS));
    }
    return new Result(nClaims, nDenials, inEpisodes, rows);
  }

  private static final String TABLE = "table";
  private static final String ROWS = "rows";
  private static final String CLAIMS = "claims";
  private static final String DENIALS = "denials";

  /** The long in {@code column}, 0 when null (a sum over no rows). */
  private static long orZero(Row r, String column) {
    Long v = r.getAs(column);
    return v == null ? 0 : v;
  }
}
