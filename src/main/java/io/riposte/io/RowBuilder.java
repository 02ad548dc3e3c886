package io.riposte.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.StructType;
import scala.Option;

/**
 * One row of a declared schema ({@link Tables}), its values placed by column name: code that builds
 * rows in per-record Java ({@code mapPartitions}, {@code flatMap}) names each column instead of
 * counting positions, so a column added to or moved in the schema cannot shift the others.
 *
 * <p>Fails fast: {@link #set} on a name the schema does not have, and {@link #build} while a column
 * is left unset (set it to null explicitly for a null value), each naming the columns.
 */
public final class RowBuilder {

  private final StructType schema;
  private final Object[] values;
  private final boolean[] set;

  /** A builder for one row of {@code schema}; see {@link Tables#row}. */
  RowBuilder(StructType schema) {
    this.schema = schema;
    this.values = new Object[schema.size()];
    this.set = new boolean[schema.size()];
  }

  /** Puts {@code value} in column {@code column}; fails when the schema has no such column. */
  public RowBuilder set(String column, Object value) {
    Option<Object> index = schema.getFieldIndex(column);
    if (index.isEmpty()) {
      throw new IllegalArgumentException(
          "unknown column '" + column + "', expected one of " + Arrays.asList(schema.fieldNames()));
    }
    int i = (Integer) index.get();
    values[i] = value;
    set[i] = true;
    return this;
  }

  /**
   * The row, values in the schema's column order and the schema attached (so {@code getAs(name)}
   * works on it); fails naming the columns left unset.
   */
  public Row build() {
    List<String> unset = new ArrayList<>();
    for (int i = 0; i < set.length; i++) {
      if (!set[i]) {
        unset.add(schema.fields()[i].name());
      }
    }
    if (!unset.isEmpty()) {
      throw new IllegalStateException("columns left unset: " + unset);
    }
    return new GenericRowWithSchema(values.clone(), schema);
  }
}
