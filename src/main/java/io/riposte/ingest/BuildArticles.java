package io.riposte.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.when;

import io.riposte.ingest.ArticleBuilder.Article;
import io.riposte.io.RowBuilder;
import io.riposte.io.Tables;
import java.sql.Date;
import java.util.Arrays;
import java.util.Iterator;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Raw records to built articles or rejects, one output row per input row: the {@link
 * ArticleBuilder} runs in {@code mapPartitions}, and any exception on one record becomes a
 * PROCESSING_ERROR reject for that record alone.
 */
public final class BuildArticles {

  /** Output: the article columns (no duplicate marks yet) plus the reject columns. */
  public static final StructType BUILT =
      new StructType()
          .add("article_id", DataTypes.StringType)
          .add("outlet", DataTypes.StringType)
          .add("outlet_key", DataTypes.StringType)
          .add("url", DataTypes.StringType)
          .add("published_date", DataTypes.DateType)
          .add("date_status", DataTypes.StringType)
          .add("title", DataTypes.StringType)
          .add("text", DataTypes.StringType)
          .add("n_chars", DataTypes.IntegerType)
          .add("source_file", DataTypes.StringType)
          .add("content_hash", DataTypes.StringType)
          .add("position", DataTypes.LongType)
          .add("format", DataTypes.StringType)
          .add("reason", DataTypes.StringType)
          .add("message", DataTypes.StringType)
          .add("raw_snippet", DataTypes.StringType);

  private BuildArticles() {}

  /** A stage over {@link io.riposte.ingest.ArchiveReader#RAW} rows. */
  public static Dataset<Row> apply(Dataset<Row> raw, ArticleBuilder builder) {
    MapPartitionsFunction<Row, Row> build =
        rows ->
            new Iterator<>() {
              @Override
              public boolean hasNext() {
                return rows.hasNext();
              }

              @Override
              public Row next() {
                return buildOne(builder, rows.next());
              }
            };
    return raw.mapPartitions(build, Encoders.row(BUILT));
  }

  /**
   * Turns every accepted row whose article_id an earlier row (by file, then position) already has
   * into a DUPLICATE_ID reject, so that article ids are unique.
   */
  public static Dataset<Row> rejectDuplicateIds(Dataset<Row> built) {
    WindowSpec byId =
        Window.partitionBy(col("article_id")).orderBy(col("source_file"), col("position"));
    return rejectMarked(
        built.withColumn(AGAIN, col("reason").isNull().and(row_number().over(byId).gt(1))));
  }

  /**
   * Turns every accepted row whose article_id is one of {@code taken} (a single column {@code
   * article_id}: the articles of earlier runs, with {@code --incremental}) into a DUPLICATE_ID
   * reject: an id stays with the article that had it first.
   */
  public static Dataset<Row> rejectTakenIds(Dataset<Row> built, Dataset<Row> taken) {
    Dataset<Row> marks = taken.select(col("article_id").as(TAKEN)).distinct();
    Dataset<Row> joined =
        built.join(marks, built.col("article_id").equalTo(marks.col(TAKEN)), "left");
    return rejectMarked(
            joined.withColumn(AGAIN, col("reason").isNull().and(col(TAKEN).isNotNull())))
        .drop(TAKEN);
  }

  /** Rewrites the rows flagged in column {@link #AGAIN} as DUPLICATE_ID rejects; drops the flag. */
  private static Dataset<Row> rejectMarked(Dataset<Row> flagged) {
    // Decided once, before any column changes: a test on "reason" after it was replaced would
    // leave the message and snippet of every duplicate unset.
    Column again = col(AGAIN);
    Column reason = when(again, lit(RejectReason.DUPLICATE_ID.name())).otherwise(col("reason"));
    Column message =
        when(again, concat(lit("article_id '"), col("article_id"), lit("' is already taken")))
            .otherwise(col("message"));
    Column snippet =
        when(again, substring(col("text"), 1, RawRecord.SNIPPET_CHARS))
            .otherwise(col("raw_snippet"));
    return flagged
        .withColumn("reason", reason)
        .withColumn("message", message)
        .withColumn("raw_snippet", snippet)
        .drop(AGAIN);
  }

  private static final String TAKEN = "_taken_id";

  private static final String AGAIN = "_duplicate_id";

  /** The accepted rows, as article columns (without dup_group and is_primary). */
  public static Dataset<Row> accepted(Dataset<Row> built) {
    return built
        .where(col("reason").isNull())
        .drop("position", "format", "reason", "message", "raw_snippet");
  }

  /** The rejected rows, in the rejects table's schema. */
  public static Dataset<Row> rejected(Dataset<Row> built) {
    Column[] cols =
        Arrays.stream(Tables.REJECTS.schema().fieldNames()).map(built::col).toArray(Column[]::new);
    return built.where(built.col("reason").isNotNull()).select(cols);
  }

  static Row buildOne(ArticleBuilder builder, Row in) {
    RawRecord raw =
        new RawRecord(
            in.getAs("source_file"),
            in.getAs("position"),
            in.getAs("format"),
            in.getAs("id"),
            in.getAs("url"),
            in.getAs("outlet"),
            in.getAs("date"),
            in.getAs("title"),
            in.getAs("text"),
            in.getAs("reject_reason"),
            in.getAs("reject_message"),
            in.getAs("raw_snippet"));
    ArticleBuilder.Result result;
    try {
      result = builder.build(raw);
    } catch (RuntimeException | StackOverflowError e) {
      result =
          new ArticleBuilder.Result(
              null,
              RawRecord.rejected(
                  raw.sourceFile(),
                  raw.position(),
                  raw.format(),
                  RejectReason.PROCESSING_ERROR,
                  e.toString(),
                  raw.text()));
    }
    RowBuilder row = Tables.row(BUILT);
    for (String column : BUILT.fieldNames()) {
      row.set(column, null);
    }
    row.set("position", raw.position()).set("format", raw.format());
    if (result.article() != null) {
      Article a = result.article();
      return row.set(Tables.ARTICLE_ID, a.articleId())
          .set(Tables.OUTLET, a.outlet())
          .set(Tables.OUTLET_KEY, a.outletKey())
          .set("url", a.url())
          .set(
              Tables.PUBLISHED_DATE,
              a.publishedDate() == null ? null : Date.valueOf(a.publishedDate()))
          .set("date_status", a.dateStatus().name())
          .set("title", a.title())
          .set(Tables.TEXT, a.text())
          .set("n_chars", a.text().length())
          .set("source_file", a.sourceFile())
          .set("content_hash", a.contentHash())
          .build();
    }
    RawRecord r = result.reject();
    return row.set("source_file", r.sourceFile())
        .set("position", r.position())
        .set("format", r.format())
        .set("reason", r.rejectReason())
        .set("message", r.rejectMessage())
        .set("raw_snippet", r.rawSnippet())
        .build();
  }
}
