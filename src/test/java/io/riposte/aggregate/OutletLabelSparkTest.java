package io.riposte.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.SparkTests;
import io.riposte.extract.Claim;
import io.riposte.io.Outputs;
import io.riposte.io.Tables;
import io.riposte.report.ReportData;
import io.riposte.report.ReportJob;
import java.nio.file.Path;
import java.sql.Date;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One label per outlet, the same in {@code dyad_counts}, {@code outlet_coverage} and the report:
 * the label most of the outlet's articles carry, ties to the smallest.
 *
 * <p>Regression: the aggregate tables took the smallest label, so an outlet whose source field once
 * held an author ("Allysia Finley (Daily Meridian)") was shown under that author, while the report
 * showed the most common label (AllSides: Fox News, USA Today and Salon all read "Allysia Finley
 * (Wall Street Journal)" in dyad_counts and outlet_coverage).
 */
class OutletLabelSparkTest {

  static final String MERIDIAN = "The Daily Meridian";
  static final String AUTHOR = "Allysia Finley (Daily Meridian)";

  static SparkSession spark;
  static Dataset<Row> articles;
  static Dataset<Row> claims;

  @BeforeAll
  static void fixture() {
    spark = SparkTests.session();
    List<Row> a =
        List.of(
            // meridian: two articles under its name, one under an author's, which sorts first.
            article("m1", MERIDIAN, "meridian"),
            article("m2", MERIDIAN, "meridian"),
            article("m3", AUTHOR, "meridian"),
            // courier: one article under each label, a tie: the smaller label.
            article("c1", "Northern Courier", "courier"),
            article("c2", "Courier Online", "courier"));
    articles = spark.createDataFrame(a, Tables.ARTICLES.schema());
    claims =
        spark.createDataFrame(
            List.of(claim("m3:A:1", a.get(2)), claim("c1:A:1", a.get(3))), Tables.CLAIMS.schema());
  }

  @Test
  void theLabelIsTheMostCommonOneTiesToTheSmallest() {
    assertThat(lines(LabelOutlets.apply(articles)))
        .containsExactlyInAnyOrder("meridian/" + MERIDIAN, "courier/Courier Online");
  }

  @Test
  void dyadCountsAndOutletCoverageShowTheMostCommonLabel() {
    assertThat(lines(CountDyads.apply(OrientClaims.apply(claims, articles))))
        .as("dyad_counts outlets (the meridian claim is in the article under the author's label)")
        .containsExactlyInAnyOrder("meridian/" + MERIDIAN, "courier/Courier Online");
    assertThat(lines(CountByOutlet.apply(articles, claims)))
        .as("outlet_coverage outlets")
        .containsExactlyInAnyOrder("meridian/" + MERIDIAN, "courier/Courier Online");
  }

  @Test
  void theReportShowsTheTablesLabel(@TempDir Path dir) {
    Outputs outputs = new Outputs(spark, dir.toString());
    Dataset<Row> oriented = OrientClaims.apply(claims, articles);
    outputs.write(Tables.ARTICLES, articles);
    outputs.write(Tables.CLAIMS, claims);
    outputs.write(Tables.DYAD_COUNTS, CountDyads.apply(oriented));
    outputs.write(Tables.OUTLET_COVERAGE, CountByOutlet.apply(articles, claims));
    outputs.write(Tables.EPISODES, BuildEpisodes.apply(oriented, 30));
    outputs.write(Tables.OFFENCE_MONTHS, CountOffenceMonths.apply(oriented));
    ReportData data = ReportJob.collect(spark, ReportJob.Config.defaults(dir.toString()));
    assertThat(data.outlets().stream().map(o -> o.outletKey() + "/" + o.outlet()))
        .containsExactlyInAnyOrder("meridian/" + MERIDIAN, "courier/Courier Online");
  }

  private static List<String> lines(Dataset<Row> rows) {
    return rows.select(Tables.OUTLET_KEY, Tables.OUTLET).distinct().collectAsList().stream()
        .map(r -> r.getString(0) + "/" + r.getString(1))
        .toList();
  }

  private static Row article(String id, String outlet, String key) {
    String text = "Made-up article " + id + ".";
    return RowFactory.create(
        id,
        outlet,
        key,
        "https://example.test/" + id,
        Date.valueOf("2021-03-02"),
        "Title " + id,
        text,
        text.length(),
        "fixture.jsonl",
        "hash-" + id,
        id,
        true);
  }

  private static Row claim(String claimId, Row article) {
    return RowFactory.create(
        article.getString(0),
        claimId,
        Claim.ACCUSATION,
        "Atlantis",
        "state:ATL",
        "state",
        "ATL",
        "Borduria",
        "state:BOR",
        "state",
        "BOR",
        "espionage",
        "espionage",
        "accused",
        false,
        null,
        false,
        0.9,
        0,
        "A sentence.",
        0,
        11,
        "fixture",
        null,
        article.getString(1),
        article.getString(2),
        article.get(4));
  }
}
