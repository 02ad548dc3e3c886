package io.riposte.io;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * Neutralises CSV cells that a spreadsheet would run as a formula (OWASP "CSV injection"): a text
 * cell starting with {@code = + - @}, a tab or a carriage return gets a leading apostrophe, which
 * spreadsheets show as text and do not display. Numbers, dates and booleans are left as they are.
 */
public final class CsvCells {

  /** First characters that make a spreadsheet read a cell as a formula. */
  static final String FORMULA_STARTS = "=+-@\t\r";

  private CsvCells() {}

  /** {@code cell} as it is safe to write, or unchanged when it is not a formula. */
  public static String neutralise(String cell) {
    return cell != null && !cell.isEmpty() && FORMULA_STARTS.indexOf(cell.charAt(0)) >= 0
        ? "'" + cell
        : cell;
  }

  /** Every string column of {@code rows} neutralised as by {@link #neutralise(String)}. */
  public static Dataset<Row> neutralise(Dataset<Row> rows) {
    Column[] columns =
        Arrays.stream(rows.schema().fields())
            .map(
                f ->
                    f.dataType().equals(DataTypes.StringType)
                        ? when(
                                col(f.name()).rlike("^[=+\\-@\\t\\r]"),
                                concat(lit("'"), col(f.name())))
                            .otherwise(col(f.name()))
                            .as(f.name())
                        : col(f.name()))
            .toArray(Column[]::new);
    return rows.select(columns);
  }
}
