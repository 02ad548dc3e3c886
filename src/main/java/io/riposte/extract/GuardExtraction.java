package io.riposte.extract;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.when;

import io.riposte.io.RowBuilder;
import io.riposte.io.Tables;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Bounds the extract job's work per article and keeps one article's failure from failing the job:
 * the text is cut to {@link #NLP_MAX_CHARS} before the NLP (the extractor reads only the first
 * 25,000 tokens anyway), and an exception of the claim extractor on one article becomes an {@code
 * extract_rejects} row instead of a failed task. Kept apart from {@link ExtractClaims}, which it
 * calls through one per-article function.
 */
public final class GuardExtraction {

  /**
   * Longest text given to the NLP, in characters: the extractor keeps the first 25,000 tokens
   * (about 150,000 characters of English news), so a longer text only costs NLP time.
   */
  public static final int NLP_MAX_CHARS = 200_000;

  /** Reason of an article whose extraction threw. */
  public static final String EXTRACT_ERROR = "EXTRACT_ERROR";

  /** Reason of an article whose text was cut before the NLP. */
  public static final String TRUNCATED = "TRUNCATED";

  /** Column of {@link #apply} rows: the extractor's failure on the article, or null. */
  static final String ERROR = "extract_error";

  /** The claims of one annotated article (a row of {@link ExtractClaims#annotate}). */
  public interface PerArticle extends Serializable {
    List<Row> claims(Row annotated);
  }

  private GuardExtraction() {}

  /** {@code candidates} with the text cut to {@link #NLP_MAX_CHARS}. */
  public static Dataset<Row> capText(Dataset<Row> candidates) {
    Column text = col(Tables.TEXT);
    return candidates.withColumn(
        Tables.TEXT,
        when(length(text).gt(NLP_MAX_CHARS), substring(text, 1, NLP_MAX_CHARS)).otherwise(text));
  }

  /** The {@code extract_rejects} rows of the candidates whose text {@link #capText} cuts. */
  public static Dataset<Row> truncated(Dataset<Row> candidates) {
    return candidates
        .where(length(col(Tables.TEXT)).gt(NLP_MAX_CHARS))
        .select(
            col(Tables.ARTICLE_ID),
            lit(TRUNCATED).as("reason"),
            org.apache
                .spark
                .sql
                .functions
                .concat(
                    lit("text of "),
                    length(col(Tables.TEXT)).cast("string"),
                    lit(" characters cut to the first " + NLP_MAX_CHARS + " before the NLP"))
                .as("message"));
  }

  /** Claims of every annotated article, each article's failure caught: see {@link #claims}. */
  public static Dataset<Row> apply(Dataset<Row> annotated, ClaimExtractor extractor) {
    return apply(annotated, r -> ExtractClaims.claimsOf(extractor, r));
  }

  /**
   * The claims of every article in the claims table's columns plus {@code extract_error}: an
   * article whose extraction throws gives one row with only {@code article_id} and the error.
   */
  public static Dataset<Row> apply(Dataset<Row> annotated, PerArticle perArticle) {
    // Every column nullable: a failed article's row holds only its id and the error.
    StructType schema =
        new StructType(
                Arrays.stream(Tables.EXTRACTED_CLAIMS.fields())
                    .map(f -> f.copy(f.name(), f.dataType(), true, f.metadata()))
                    .toArray(org.apache.spark.sql.types.StructField[]::new))
            .add(ERROR, DataTypes.StringType, true);
    String[] claimColumns = Tables.EXTRACTED_CLAIMS.fieldNames();
    FlatMapFunction<Row, Row> guarded =
        r -> {
          List<Row> out = new ArrayList<>();
          try {
            for (Row c : perArticle.claims(r)) {
              RowBuilder row = Tables.row(schema).set(ERROR, null);
              for (String column : claimColumns) {
                row.set(column, c.getAs(column));
              }
              out.add(row.build());
            }
          } catch (RuntimeException | StackOverflowError e) {
            RowBuilder row = Tables.row(schema);
            for (String column : claimColumns) {
              row.set(column, null);
            }
            String message = String.valueOf(e);
            row.set(Tables.ARTICLE_ID, r.<String>getAs(Tables.ARTICLE_ID))
                .set(ERROR, message.length() > 1000 ? message.substring(0, 1000) : message);
            out.clear();
            out.add(row.build());
          }
          return out.iterator();
        };
    return annotated.flatMap(guarded, Encoders.row(schema));
  }

  /**
   * The claims of {@link #apply}'s rows, in the columns of {@link Tables#EXTRACTED_CLAIMS} (the
   * claims table before {@link CategoriseOffences}).
   */
  public static Dataset<Row> claims(Dataset<Row> outcomes) {
    Column[] columns =
        Arrays.stream(Tables.EXTRACTED_CLAIMS.fieldNames())
            .map(org.apache.spark.sql.functions::col)
            .toArray(Column[]::new);
    return outcomes.where(col(ERROR).isNull()).select(columns);
  }

  /** The {@code extract_rejects} rows of {@link #apply}'s failed articles. */
  public static Dataset<Row> errors(Dataset<Row> outcomes) {
    return outcomes
        .where(col(ERROR).isNotNull())
        .select(col(Tables.ARTICLE_ID), lit(EXTRACT_ERROR).as("reason"), col(ERROR).as("message"));
  }
}
