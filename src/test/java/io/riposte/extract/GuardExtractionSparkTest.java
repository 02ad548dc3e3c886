package io.riposte.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.SparkTests;
import io.riposte.io.RowBuilder;
import io.riposte.io.Tables;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One article's extractor failure is a reject row; a text over the NLP cap is cut and listed. */
class GuardExtractionSparkTest {

  static SparkSession spark;
  static final StructType ARTICLES =
      new StructType().add("article_id", DataTypes.StringType).add("text", DataTypes.StringType);

  @BeforeAll
  static void session() {
    spark = SparkTests.session();
  }

  /** A claims row for {@code articleId}: only the id and claim id set, enough for the split. */
  private static Row claim(String articleId) {
    RowBuilder row = Tables.row(Tables.EXTRACTED_CLAIMS);
    for (String column : Tables.EXTRACTED_CLAIMS.fieldNames()) {
      row.set(column, null);
    }
    return row.set(Tables.ARTICLE_ID, articleId).set(Tables.CLAIM_ID, articleId + "-c1").build();
  }

  /** Regression: an exception in the extractor dropped the article's claims silently. */
  @Test
  void anExtractorFailureOnOneArticleIsARejectAndTheOthersKeepTheirClaims() {
    Dataset<Row> annotated =
        spark.createDataFrame(
            List.of(RowFactory.create("good", "t"), RowFactory.create("bad", "t")), ARTICLES);
    Dataset<Row> outcomes =
        GuardExtraction.apply(
            annotated,
            r -> {
              if (r.getString(0).equals("bad")) {
                throw new IllegalStateException("token index 7 out of range");
              }
              return List.of(claim(r.getString(0)));
            });
    List<Row> claims = GuardExtraction.claims(outcomes).collectAsList();
    assertThat(claims).extracting(r -> r.getAs("claim_id")).containsExactly("good-c1");
    assertThat(GuardExtraction.claims(outcomes).columns())
        .containsExactly(Tables.EXTRACTED_CLAIMS.fieldNames());
    List<Row> errors = GuardExtraction.errors(outcomes).collectAsList();
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0).getString(0)).isEqualTo("bad");
    assertThat(errors.get(0).getString(1)).isEqualTo(GuardExtraction.EXTRACT_ERROR);
    assertThat(errors.get(0).getString(2)).contains("token index 7 out of range");
    assertThat(GuardExtraction.errors(outcomes).columns())
        .containsExactly(Tables.EXTRACT_REJECTS.schema().fieldNames());
  }

  @Test
  void aTextOverTheNlpCapIsCutAndListedAsTruncated() {
    String longText = "x".repeat(GuardExtraction.NLP_MAX_CHARS + 10);
    Dataset<Row> candidates =
        spark.createDataFrame(
            List.of(RowFactory.create("long", longText), RowFactory.create("short", "abc")),
            ARTICLES);
    List<Row> capped = GuardExtraction.capText(candidates).orderBy("article_id").collectAsList();
    assertThat(capped.get(0).getString(1)).hasSize(GuardExtraction.NLP_MAX_CHARS);
    assertThat(capped.get(1).getString(1)).isEqualTo("abc");
    List<Row> truncated = GuardExtraction.truncated(candidates).collectAsList();
    assertThat(truncated).hasSize(1);
    assertThat(truncated.get(0).getString(0)).isEqualTo("long");
    assertThat(truncated.get(0).getString(1)).isEqualTo(GuardExtraction.TRUNCATED);
    assertThat(truncated.get(0).getString(2))
        .isEqualTo("text of 200010 characters cut to the first 200000 before the NLP");
  }
}
