package io.riposte.spark;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.SparkSession;
import scala.Option;

/**
 * Builds the one {@link SparkSession} of a job. Only jobs call this; stages receive datasets.
 *
 * <p>Under {@code spark-submit} the master and most settings come from the submit command, so the
 * same jar runs locally and on a cluster unchanged; without one the master is {@code local[*]}. A
 * {@code --master} or {@code --conf} given to Riposte itself is applied last and wins.
 */
public final class Sessions {

  /** Settings every Riposte session needs, whatever the master. */
  static final Map<String, String> REQUIRED =
      Map.of(
          // explode() over annotation columns otherwise copies the whole NLP chain into a filter.
          "spark.sql.optimizer.excludedRules",
          "org.apache.spark.sql.catalyst.optimizer.InferFiltersFromGenerate",
          "spark.serializer",
          "org.apache.spark.serializer.KryoSerializer",
          "spark.kryoserializer.buffer.max",
          "512m",
          "spark.sql.parquet.compression.codec",
          "zstd",
          "spark.sql.session.timeZone",
          "UTC",
          "spark.sql.sources.partitionOverwriteMode",
          "dynamic");

  /**
   * Settings of {@link #interpreted}: no whole-stage code generation, and expressions evaluated by
   * Spark's interpreted projections, orderings and predicates instead of classes generated and
   * compiled (Janino) for each query. {@code factoryMode} is marked internal in Spark, but is read
   * at every use outside tests too.
   */
  static final Map<String, String> INTERPRETED =
      Map.of(
          "spark.sql.codegen.wholeStage", "false",
          "spark.sql.codegen.factoryMode", "NO_CODEGEN");

  private Sessions() {}

  /**
   * Runs {@code body} with the session's queries interpreted ({@link #INTERPRETED}), then puts the
   * settings back as they were.
   *
   * <p>For the jobs after extract (aggregate, cluster, report): their queries are many small
   * operators over tables of at most a row per claim or article, so generating and compiling code
   * for each query costs seconds their rows never repay (on the 41-record sample, a quarter to a
   * third of these jobs' seconds). The values are the same either way (Spark tests its interpreted
   * evaluation against the generated code); the golden tables of the sample are unchanged.
   */
  public static <T> T interpreted(SparkSession spark, Supplier<T> body) {
    RuntimeConfig conf = spark.conf();
    Map<String, Option<String>> before = new LinkedHashMap<>();
    INTERPRETED.forEach(
        (k, v) -> {
          before.put(k, conf.getOption(k));
          conf.set(k, v);
        });
    try {
      return body.get();
    } finally {
      before.forEach(
          (k, v) -> {
            if (v.isDefined()) {
              conf.set(k, v.get());
            } else {
              conf.unset(k);
            }
          });
    }
  }

  /**
   * Returns a session for {@code appName}.
   *
   * @param master used when the launch did not set {@code spark.master} (null: {@code local[*]})
   * @param extra {@code --conf} pairs from the command line, applied last
   */
  public static SparkSession create(String appName, String master, Map<String, String> extra) {
    SparkConf conf = new SparkConf();
    if (!conf.contains("spark.master")) {
      conf.setMaster(master == null ? "local[*]" : master);
    } else if (master != null) {
      conf.setMaster(master);
    }
    conf.setAppName(conf.get("spark.app.name", appName));
    REQUIRED.forEach((k, v) -> conf.setIfMissing(k, v));
    if (conf.get("spark.master").startsWith("local")) {
      conf.setIfMissing("spark.ui.enabled", "false");
      conf.setIfMissing("spark.driver.host", "127.0.0.1");
      conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
      conf.setIfMissing("spark.sql.shuffle.partitions", "8");
    }
    conf.setIfMissing("spark.ui.showConsoleProgress", "false");
    extra.forEach(conf::set);
    return SparkSession.builder().config(conf).getOrCreate();
  }
}
