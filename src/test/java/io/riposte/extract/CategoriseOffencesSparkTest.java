package io.riposte.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.SparkTests;
import io.riposte.extract.offence.OffenceCategoriser;
import io.riposte.io.ReferenceFiles;
import io.riposte.io.Tables;
import java.sql.Date;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class CategoriseOffencesSparkTest {

  static final OffenceCategoriser CATEGORISER =
      OffenceCategoriser.load(ReferenceFiles.bundled()::lines);

  @Test
  void addsTheCategoryAndCutsTheOffence() {
    SparkSession spark = SparkTests.session();
    List<Row> rows =
        List.of(
            extracted(
                "x1",
                "x1:A:0",
                "ACCUSATION",
                "launching a chemical attack",
                null,
                "Atlantis accused Borduria of launching a chemical attack."),
            extracted(
                "x1",
                "x1:D:70",
                "DENIAL",
                null,
                "x1:A:0",
                "Borduria said the accusation was a lie."),
            extracted(
                "x2",
                "x2:A:0",
                "ACCUSATION",
                "being behind what he called an",
                null,
                "Druvia said Elbonia was behind what he called an outrage."));
    Dataset<Row> in = spark.createDataFrame(rows, Tables.EXTRACTED_CLAIMS).repartition(3);

    Dataset<Row> out = CategoriseOffences.apply(in, CATEGORISER);

    assertThat(out.schema().fieldNames()).containsExactly(Tables.CLAIMS.schema().fieldNames());
    assertThat(
            out.collectAsList().stream()
                .map(
                    r ->
                        r.getAs("claim_id")
                            + " offence="
                            + r.getAs("offence")
                            + " category="
                            + r.getAs(Tables.OFFENCE_CATEGORY)
                            + " outlet="
                            + r.getAs("outlet_key"))
                .toList())
        .containsExactlyInAnyOrder(
            "x1:A:0 offence=chemical attack category=chemical_weapons outlet=harbor-gazette",
            "x1:D:70 offence=null category=chemical_weapons outlet=harbor-gazette",
            "x2:A:0 offence=null category=null outlet=harbor-gazette");
  }

  /** A claim as the extractor emits it (Tables.EXTRACTED_CLAIMS). */
  static Row extracted(
      String article, String id, String kind, String offence, String denies, String sentence) {
    return RowFactory.create(
        article,
        id,
        kind,
        "Atlantis",
        "state:ATL",
        "state",
        "ATL",
        "Borduria",
        "state:BOR",
        "state",
        "BOR",
        offence,
        kind.equals("DENIAL") ? "said" : "accused",
        false,
        null,
        false,
        0.9,
        0,
        sentence,
        0,
        sentence.length(),
        "fixture",
        denies,
        "Harbor Gazette",
        "harbor-gazette",
        Date.valueOf("2021-03-02"));
  }
}
