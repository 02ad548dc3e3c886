package io.riposte.io;

import io.riposte.io.Tables.Table;
import org.apache.spark.sql.types.StructField;

/**
 * Renders {@code docs/data-dictionary.md} from the table declarations in {@link Tables}, so the
 * documentation cannot drift from the code (a test compares the two).
 */
public final class DataDictionary {

  private DataDictionary() {}

  /** The data dictionary as Markdown. */
  public static String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("# Data dictionary\n\n")
        .append("Every table Riposte writes, one folder of zstd Parquet files each under the")
        .append(" output root (`DIR/<table>/`).\n")
        .append("Generated from `src/main/java/io/riposte/io/Tables.java` by")
        .append(" `jobs/riposte dictionary > docs/data-dictionary.md`; a test fails when they")
        .append(" differ.\n")
        .append("Parquet marks every column nullable; \"never null\" below is what Riposte")
        .append(
            " guarantees. Examples are values from a run on the bundled sample (`data/sample`),")
        .append(" long texts cut with \"...\"; arrays are shown as DuckDB prints them.\n")
        .append(Tables.UNNAMED_ACTOR)
        .append("\n");
    for (Table t : Tables.ALL) {
      md.append("\n## `").append(t.name()).append("`\n\n").append(t.description()).append("\n\n");
      if (t.partitioned()) {
        md.append("Layout: one folder per `").append(t.partitionColumn()).append("` value");
      } else {
        md.append("Layout: unpartitioned");
      }
      if (!t.sortColumns().isEmpty()) {
        md.append("; rows sorted within files by `")
            .append(String.join("`, `", t.sortColumns()))
            .append("`");
      }
      md.append(".\n\n");
      md.append("| column | type | null | meaning | example |\n| --- | --- | --- | --- | --- |\n");
      for (StructField f : t.schema().fields()) {
        md.append("| `")
            .append(f.name())
            .append("` | ")
            .append(f.dataType().simpleString())
            .append(" | ")
            .append(f.nullable() ? "may be null" : "never null")
            .append(" | ")
            .append(Tables.comment(f).replace("|", "\\|"))
            .append(" | ")
            .append(example(Tables.example(f)))
            .append(" |\n");
      }
    }
    return md.toString();
  }

  /** An example value as inline code, or nothing when the column declares none. */
  private static String example(String value) {
    return value.isEmpty() ? "" : "`" + value.replace("|", "\\|") + "`";
  }
}
