package io.riposte.spark;

import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

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

  private Sessions() {}

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
