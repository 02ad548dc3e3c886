package io.riposte.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.riposte.SparkTests;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** {@link Sessions#interpreted}: its settings hold inside the body only, whatever the body does. */
class InterpretedSparkTest {

  static final String WHOLE_STAGE = "spark.sql.codegen.wholeStage";
  static final String FACTORY = "spark.sql.codegen.factoryMode";

  @Test
  void settingsHoldInsideTheBodyAndAreRestoredAfter() {
    SparkSession spark = SparkTests.session();
    String wholeStage = spark.conf().get(WHOLE_STAGE);
    String factory = spark.conf().get(FACTORY);
    long rows =
        Sessions.interpreted(
            spark,
            () -> {
              assertThat(spark.conf().get(WHOLE_STAGE)).isEqualTo("false");
              assertThat(spark.conf().get(FACTORY)).isEqualTo("NO_CODEGEN");
              return spark.range(10).selectExpr("id * 2 AS x").where("x > 5").count();
            });
    assertThat(rows).isEqualTo(7);
    assertThat(spark.conf().get(WHOLE_STAGE)).isEqualTo(wholeStage);
    assertThat(spark.conf().get(FACTORY)).isEqualTo(factory);
  }

  @Test
  void settingsAreRestoredWhenTheBodyFails() {
    SparkSession spark = SparkTests.session();
    String wholeStage = spark.conf().get(WHOLE_STAGE);
    assertThatThrownBy(
            () ->
                Sessions.interpreted(
                    spark,
                    () -> {
                      throw new IllegalStateException("boom");
                    }))
        .hasMessage("boom");
    assertThat(spark.conf().get(WHOLE_STAGE)).isEqualTo(wholeStage);
  }
}
