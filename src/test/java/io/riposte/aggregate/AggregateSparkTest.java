package io.riposte.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.SparkTests;
import io.riposte.extract.offence.OffenceCategory;
import io.riposte.extract.offence.OffenceTaxonomy;
import io.riposte.io.Outputs;
import io.riposte.io.ReferenceFiles;
import io.riposte.io.Tables;
import java.nio.file.Path;
import java.sql.Date;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The aggregate stages on a made-up archive of 11 articles and 14 claims, with golden rows for
 * every table and the invariants that make the counts usable.
 *
 * <p>The archive: three outlets (Northern Courier under two labels), March to May 2021 and one
 * undated article.
 *
 * <ul>
 *   <li>a1 (wire) and a2 (Northern Courier) are one syndicated story (dup_group a1): Atlantis
 *       accuses Borduria of pipeline sabotage and Borduria's linked denial answers it.
 *   <li>a3 (Harbor Gazette, 3 days later) repeats the accusation twice (offence spelled
 *       differently) without the denial; a4 carries an unlinked denial on 2 April, inside the
 *       30-day window after a3.
 *   <li>a5: Carpathia accuses Elbonia Mining (no gazetteer id) of election interference, and
 *       Atlantis of espionage twice; a6, 10 days later in another outlet, carries Elbonia Mining's
 *       unlinked denial of Carpathia's accusation, naming no offence.
 *   <li>a7: the pipeline sabotage accusation again on 20 May, more than 30 days after the last: a
 *       new episode, never denied. a8: Atlantis accuses nobody named (null target, null offence).
 *       a9 (undated): an unlinked denial by Elbonia Mining with no accuser. a10, a11: no claims.
 * </ul>
 */
class AggregateSparkTest {

  static SparkSession spark;
  static Dataset<Row> articles;
  static Dataset<Row> claims;
  static List<Row> dyads;
  static List<Row> coverage;
  static List<Row> episodes;
  static List<Row> actors;
  static List<Row> offenceMonths;

  record Actor(String name, String id, String type, String country) {}

  static final Actor ATLANTIS = new Actor("Atlantis", "state:ATL", "state", "ATL");
  static final Actor BORDURIA = new Actor("Borduria", "state:BOR", "state", "BOR");
  static final Actor CARPATHIA = new Actor("Carpathia", "state:CRP", "state", "CRP");
  static final Actor ELBONIA = new Actor("Elbonia Mining", null, "org", null);

  static final String WIRE = "Wire Service International";
  static final String COURIER = "Northern Courier";
  static final String HARBOR = "Harbor Gazette";
  static final Map<String, Row> ARTICLES = new HashMap<>();
  static final OffenceTaxonomy TAXONOMY = OffenceTaxonomy.load(ReferenceFiles.bundled()::lines);

  @BeforeAll
  static void aggregateFixture() {
    spark = SparkTests.session();
    List<Row> a = new ArrayList<>();
    a.add(article("a1", WIRE, "wire-service-international", "2021-03-02", "a1", true));
    a.add(article("a2", COURIER, "northern-courier", "2021-03-02", "a1", false));
    a.add(article("a3", HARBOR, "harbor-gazette", "2021-03-05", "a3", true));
    a.add(article("a4", HARBOR, "harbor-gazette", "2021-04-02", "a4", true));
    a.add(article("a5", HARBOR, "harbor-gazette", "2021-04-01", "a5", true));
    a.add(article("a6", COURIER, "northern-courier", "2021-04-11", "a6", true));
    a.add(article("a7", WIRE, "wire-service-international", "2021-05-20", "a7", true));
    a.add(article("a8", COURIER, "northern-courier", "2021-05-21", "a8", true));
    a.add(article("a9", WIRE, "wire-service-international", null, "a9", true));
    a.add(article("a10", HARBOR, "harbor-gazette", "2021-04-20", "a10", true));
    a.add(article("a11", "Northern Courier Online", "northern-courier", "2021-04-12", "a11", true));
    a.forEach(r -> ARTICLES.put(r.getString(0), r));

    List<Row> c = new ArrayList<>();
    c.add(claim("a1:A:10", "a1", "ACCUSATION", ATLANTIS, BORDURIA, "Pipeline Sabotage ", null));
    c.add(claim("a1:D:90", "a1", "DENIAL", BORDURIA, ATLANTIS, "pipeline sabotage", "a1:A:10"));
    c.add(claim("a2:A:12", "a2", "ACCUSATION", ATLANTIS, BORDURIA, "pipeline sabotage", null));
    c.add(claim("a2:D:95", "a2", "DENIAL", BORDURIA, ATLANTIS, "pipeline sabotage", "a2:A:12"));
    c.add(claim("a3:A:30", "a3", "ACCUSATION", ATLANTIS, BORDURIA, "pipeline sabotage", null));
    c.add(claim("a3:A:80", "a3", "ACCUSATION", ATLANTIS, BORDURIA, "PIPELINE SABOTAGE", null));
    c.add(claim("a4:D:40", "a4", "DENIAL", BORDURIA, ATLANTIS, "pipeline sabotage", null));
    c.add(claim("a5:A:20", "a5", "ACCUSATION", CARPATHIA, ELBONIA, "election interference", null));
    c.add(claim("a5:A:60", "a5", "ACCUSATION", CARPATHIA, ATLANTIS, "espionage", null));
    c.add(claim("a5:A:70", "a5", "ACCUSATION", CARPATHIA, ATLANTIS, "espionage", null));
    c.add(claim("a6:D:25", "a6", "DENIAL", ELBONIA, CARPATHIA, null, null));
    c.add(claim("a7:A:15", "a7", "ACCUSATION", ATLANTIS, BORDURIA, "pipeline sabotage", null));
    c.add(claim("a8:A:18", "a8", "ACCUSATION", ATLANTIS, null, null, null));
    c.add(claim("a9:D:33", "a9", "DENIAL", ELBONIA, null, null, null));

    articles = spark.createDataFrame(a, Tables.ARTICLES.schema());
    claims = spark.createDataFrame(c, Tables.CLAIMS.schema());
    Dataset<Row> oriented = OrientClaims.apply(claims, articles);
    dyads = CountDyads.apply(oriented).collectAsList();
    coverage = CountByOutlet.apply(articles, claims).collectAsList();
    episodes = BuildEpisodes.apply(oriented, 30).collectAsList();
    actors = SummariseActors.apply(oriented).collectAsList();
    offenceMonths = CountOffenceMonths.apply(oriented).collectAsList();
  }

  @Test
  void dyadCountsGolden() {
    assertThat(lines(dyads, AggregateSparkTest::dyadLine))
        .as("dyad_counts rows")
        .containsExactlyInAnyOrder(
            "2021-03-01 Atlantis[state:ATL/state/ATL]->Borduria[state:BOR/state/BOR] ACCUSATION"
                + " military_attack wire-service-international/Wire Service International claims=1 articles=1"
                + " stories=1 year=2021",
            "2021-03-01 Atlantis[state:ATL/state/ATL]->Borduria[state:BOR/state/BOR] ACCUSATION"
                + " military_attack northern-courier/Northern Courier claims=1 articles=1 stories=0 year=2021",
            "2021-03-01 Atlantis[state:ATL/state/ATL]->Borduria[state:BOR/state/BOR] ACCUSATION"
                + " military_attack harbor-gazette/Harbor Gazette claims=2 articles=1 stories=1 year=2021",
            "2021-05-01 Atlantis[state:ATL/state/ATL]->Borduria[state:BOR/state/BOR] ACCUSATION"
                + " military_attack wire-service-international/Wire Service International claims=1 articles=1"
                + " stories=1 year=2021",
            "2021-05-01 Atlantis[state:ATL/state/ATL]->null[null/null/null] ACCUSATION"
                + " null northern-courier/Northern Courier claims=1 articles=1 stories=1 year=2021",
            "2021-04-01 Carpathia[state:CRP/state/CRP]->Elbonia Mining[null/org/null] ACCUSATION"
                + " election_interference harbor-gazette/Harbor Gazette claims=1 articles=1 stories=1 year=2021",
            "2021-04-01 Carpathia[state:CRP/state/CRP]->Atlantis[state:ATL/state/ATL] ACCUSATION"
                + " espionage harbor-gazette/Harbor Gazette claims=2 articles=1 stories=1 year=2021",
            "2021-03-01 Atlantis[state:ATL/state/ATL]->Borduria[state:BOR/state/BOR] DENIAL"
                + " military_attack wire-service-international/Wire Service International claims=1 articles=1"
                + " stories=1 year=2021",
            "2021-03-01 Atlantis[state:ATL/state/ATL]->Borduria[state:BOR/state/BOR] DENIAL"
                + " military_attack northern-courier/Northern Courier claims=1 articles=1 stories=0 year=2021",
            "2021-04-01 Atlantis[state:ATL/state/ATL]->Borduria[state:BOR/state/BOR] DENIAL"
                + " military_attack harbor-gazette/Harbor Gazette claims=1 articles=1 stories=1 year=2021",
            "2021-04-01 Carpathia[state:CRP/state/CRP]->Elbonia Mining[null/org/null] DENIAL"
                + " null northern-courier/Northern Courier claims=1 articles=1 stories=1 year=2021",
            "null null[null/null/null]->Elbonia Mining[null/org/null] DENIAL"
                + " null wire-service-international/Wire Service International claims=1 articles=1"
                + " stories=1 year=null");
  }

  @Test
  void everyClaimIsCountedOnceInDyadCounts() {
    assertThat(sum(dyads, "n_claims")).as("sum of n_claims").isEqualTo(claims.count());
  }

  @Test
  void syndicatedCopiesCountOnceAsAStory() {
    // a1 and a2 are one story (dup_group a1) in two outlets: two articles, one story, whichever
    // rows are summed.
    List<Row> march =
        dyads.stream()
            .filter(r -> "Borduria".equals(r.getAs("accused")))
            .filter(r -> "ACCUSATION".equals(r.getAs("kind")))
            .filter(r -> "2021-03-01".equals(String.valueOf(r.<Object>getAs("month"))))
            .toList();
    assertThat(sum(march, "n_articles")).as("articles").isEqualTo(3);
    assertThat(sum(march, "n_unique_stories")).as("stories (a1 = a2, a3)").isEqualTo(2);
    // Summed over the whole table, per dyad and kind, stories are the distinct dup_groups.
    Map<String, Long> stories =
        dyads.stream()
            .collect(
                Collectors.groupingBy(
                    r -> r.getAs("accuser") + ">" + r.getAs("accused") + " " + r.getAs("kind"),
                    Collectors.summingLong(r -> r.<Long>getAs("n_unique_stories"))));
    assertThat(stories)
        .containsEntry("Atlantis>Borduria ACCUSATION", 3L)
        .containsEntry("Atlantis>Borduria DENIAL", 2L);
  }

  @Test
  void outletCoverageGolden() {
    assertThat(lines(coverage, AggregateSparkTest::coverageLine))
        .as("outlet_coverage rows")
        .containsExactlyInAnyOrder(
            "wire-service-international/Wire Service International 2021-03-01"
                + " articles=1 primary=1 acc=1 den=1 acc_reporting_den=1",
            "wire-service-international/Wire Service International 2021-05-01"
                + " articles=1 primary=1 acc=1 den=0 acc_reporting_den=0",
            "wire-service-international/Wire Service International null"
                + " articles=1 primary=1 acc=0 den=1 acc_reporting_den=0",
            "northern-courier/Northern Courier 2021-03-01"
                + " articles=1 primary=0 acc=1 den=1 acc_reporting_den=1",
            "northern-courier/Northern Courier 2021-04-01"
                + " articles=2 primary=2 acc=0 den=1 acc_reporting_den=0",
            "northern-courier/Northern Courier 2021-05-01"
                + " articles=1 primary=1 acc=1 den=0 acc_reporting_den=0",
            "harbor-gazette/Harbor Gazette 2021-03-01"
                + " articles=1 primary=1 acc=1 den=0 acc_reporting_den=0",
            "harbor-gazette/Harbor Gazette 2021-04-01"
                + " articles=3 primary=3 acc=1 den=1 acc_reporting_den=0");
  }

  @Test
  void perOutletCountsSumToTheTotals() {
    assertThat(sum(coverage, "n_articles")).as("articles").isEqualTo(articles.count());
    assertThat(sum(coverage, "n_primary_articles"))
        .as("primary articles")
        .isEqualTo(articles.where("is_primary").count());
    assertThat(sum(coverage, "n_with_accusation"))
        .as("articles with an accusation")
        .isEqualTo(claims.where("kind = 'ACCUSATION'").select("article_id").distinct().count());
    assertThat(sum(coverage, "n_with_denial"))
        .as("articles with a denial")
        .isEqualTo(claims.where("kind = 'DENIAL'").select("article_id").distinct().count());
    // Per outlet, the months add up to the outlet's articles.
    Map<String, Long> perOutlet =
        coverage.stream()
            .collect(
                Collectors.groupingBy(
                    r -> r.<String>getAs("outlet_key"),
                    Collectors.summingLong(r -> r.<Long>getAs("n_articles"))));
    assertThat(perOutlet)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("wire-service-international", 3L, "northern-courier", 4L, "harbor-gazette", 4L));
  }

  @Test
  void episodesGolden() {
    assertThat(lines(episodes, AggregateSparkTest::episodeLine))
        .as("episodes rows")
        .containsExactlyInAnyOrder(
            "Atlantis[state:ATL/ATL]->Borduria[state:BOR/BOR] 'pipeline sabotage'"
                + " military_attack 2021-03-02..2021-03-05 denied=2021-03-02 days=0"
                + " acc=4/3 articles/2 stories/3 outlets den=3/3 articles/3 outlets"
                + " [a1:A:10, a1:D:90, a2:A:12, a2:D:95, a3:A:30] year=2021",
            "Atlantis[state:ATL/ATL]->Borduria[state:BOR/BOR] 'pipeline sabotage'"
                + " military_attack 2021-05-20..2021-05-20 denied=null days=null"
                + " acc=1/1 articles/1 stories/1 outlets den=0/0 articles/0 outlets"
                + " [a7:A:15] year=2021",
            "Carpathia[state:CRP/CRP]->Elbonia Mining[null/null] 'election interference'"
                + " election_interference 2021-04-01..2021-04-01 denied=2021-04-11 days=10"
                + " acc=1/1 articles/1 stories/1 outlets den=1/1 articles/1 outlets"
                + " [a5:A:20, a6:D:25] year=2021",
            "Carpathia[state:CRP/CRP]->Atlantis[state:ATL/ATL] 'espionage'"
                + " espionage 2021-04-01..2021-04-01 denied=null days=null"
                + " acc=2/1 articles/1 stories/1 outlets den=0/0 articles/0 outlets"
                + " [a5:A:60, a5:A:70] year=2021",
            "Atlantis[state:ATL/ATL]->null[null/null] 'null'"
                + " null 2021-05-21..2021-05-21 denied=null days=null"
                + " acc=1/1 articles/1 stories/1 outlets den=0/0 articles/0 outlets"
                + " [a8:A:18] year=2021");
  }

  @Test
  void episodeIdsAreStableHashesOfDyadOffenceAndFirstDate() {
    List<Row> again = BuildEpisodes.apply(OrientClaims.apply(claims, articles), 30).collectAsList();
    assertThat(lines(again, r -> r.getAs("episode_id") + " " + r.getAs("first_accusation_date")))
        .containsExactlyInAnyOrderElementsOf(
            lines(episodes, r -> r.getAs("episode_id") + " " + r.getAs("first_accusation_date")));
    assertThat(
            episodes.stream().map(r -> r.<String>getAs("episode_id")).collect(Collectors.toSet()))
        .hasSize(episodes.size())
        .allMatch(id -> id.matches("[0-9a-f]{16}"));
  }

  @Test
  void aWiderWindowMergesEpisodesAndTakesInMoreDenials() {
    // With 90 days the May accusation (76 days after 5 March) continues the March episode.
    List<Row> wide = BuildEpisodes.apply(OrientClaims.apply(claims, articles), 90).collectAsList();
    assertThat(
            lines(
                wide,
                r ->
                    r.getAs("accused")
                        + " "
                        + r.getAs("offence")
                        + " n="
                        + r.getAs("n_accusations")))
        .contains("Borduria pipeline sabotage n=5")
        .doesNotContain("Borduria pipeline sabotage n=4");
    // With 0 days, a3 (3 days after a1) is an episode of its own, and a4's denial (28 days after
    // a3) falls outside every span.
    List<Row> none = BuildEpisodes.apply(OrientClaims.apply(claims, articles), 0).collectAsList();
    assertThat(
            none.stream()
                .filter(r -> "Borduria".equals(r.getAs("accused")))
                .map(r -> r.getAs("first_accusation_date") + " den=" + r.getAs("n_denials"))
                .toList())
        .containsExactlyInAnyOrder("2021-03-02 den=2", "2021-03-05 den=0", "2021-05-20 den=0");
  }

  @Test
  void undatedAndUnmatchedDenialsAreInNoEpisode() {
    long denials = claims.where("kind = 'DENIAL'").count();
    assertThat(sum(episodes, "n_denials")).as("denials in episodes").isEqualTo(denials - 1);
    assertThat(
            episodes.stream()
                .flatMap(r -> r.<String>getList(r.fieldIndex("example_claim_ids")).stream()))
        .doesNotContain("a9:D:33");
  }

  @Test
  void actorSummaryGolden() {
    assertThat(lines(actors, AggregateSparkTest::actorLine))
        .as("actor_summary rows")
        .containsExactlyInAnyOrder(
            "Atlantis[state:ATL/state/ATL] accusing=6 accused=2 denying=0"
                + " [Borduria (8), Carpathia (2)]",
            "Borduria[state:BOR/state/BOR] accusing=0 accused=5 denying=3 [Atlantis (8)]",
            // Ties by name: Atlantis before Elbonia Mining.
            "Carpathia[state:CRP/state/CRP] accusing=3 accused=0 denying=0"
                + " [Atlantis (2), Elbonia Mining (2)]",
            "Elbonia Mining[null/org/null] accusing=0 accused=1 denying=2 [Carpathia (2)]");
  }

  @Test
  void actorRolesAddUpToTheClaims() {
    long accusations = claims.where("kind = 'ACCUSATION'").count();
    assertThat(sum(actors, "n_accusing")).isEqualTo(accusations);
    // a8 accuses nobody named: one accusation without an accused.
    assertThat(sum(actors, "n_accused")).isEqualTo(accusations - 1);
    assertThat(sum(actors, "n_denying")).isEqualTo(claims.where("kind = 'DENIAL'").count());
  }

  @Test
  void topCounterpartsKeepFiveMostFrequentThenByName() {
    List<Row> many = new ArrayList<>();
    String[] names = {"Zed", "Yon", "Xan", "Wex", "Vot", "Ulm"};
    int i = 0;
    for (String n : names) {
      for (int k = 0; k <= (n.equals("Ulm") ? 2 : n.equals("Zed") ? 1 : 0); k++) {
        many.add(
            claim(
                "a1:A:" + (100 + i++),
                "a1",
                "ACCUSATION",
                ATLANTIS,
                new Actor(n, null, "person", null),
                "x",
                null));
      }
    }
    Dataset<Row> c = spark.createDataFrame(many, Tables.CLAIMS.schema());
    Row atlantis =
        SummariseActors.apply(OrientClaims.apply(c, articles)).where("actor = 'Atlantis'").first();
    assertThat(atlantis.<String>getList(atlantis.fieldIndex("top_counterparts")))
        .containsExactly("Ulm (3)", "Zed (2)", "Vot (1)", "Wex (1)", "Xan (1)");
  }

  @Test
  void offenceMonthsGolden() {
    assertThat(lines(offenceMonths, AggregateSparkTest::offenceMonthLine))
        .as("offence_months rows")
        .containsExactlyInAnyOrder(
            // a1, a2 (one story in two outlets) and a3 (two claims): 4 claims, 3 articles.
            "2021-03-01 military_attack ACCUSATION claims=4 articles=3 outlets=3",
            "2021-03-01 military_attack DENIAL claims=2 articles=2 outlets=2",
            "2021-04-01 military_attack DENIAL claims=1 articles=1 outlets=1",
            "2021-04-01 election_interference ACCUSATION claims=1 articles=1 outlets=1",
            "2021-04-01 espionage ACCUSATION claims=2 articles=1 outlets=1",
            "2021-04-01 null DENIAL claims=1 articles=1 outlets=1",
            "2021-05-01 military_attack ACCUSATION claims=1 articles=1 outlets=1",
            "2021-05-01 null ACCUSATION claims=1 articles=1 outlets=1",
            // a9 is undated: its claim is kept, in the null month.
            "null null DENIAL claims=1 articles=1 outlets=1");
  }

  @Test
  void offenceMonthsHoldEveryClaimOnceAndMatchDyadCounts() {
    assertThat(sum(offenceMonths, "n_claims")).as("sum of n_claims").isEqualTo(claims.count());
    // The same claims summed from dyad_counts per month, category and kind: one definition.
    Function<Row, String> key = r -> format(r, "%s %s %s", "month", "offence_category", "kind");
    Map<String, Long> fromDyads =
        dyads.stream()
            .collect(Collectors.groupingBy(key, Collectors.summingLong(r -> r.getAs("n_claims"))));
    Map<String, Long> fromMonths =
        offenceMonths.stream().collect(Collectors.toMap(key, r -> r.<Long>getAs("n_claims")));
    assertThat(fromMonths).isEqualTo(fromDyads);
  }

  @Test
  void stagesGiveTheDeclaredColumns() {
    Dataset<Row> oriented = OrientClaims.apply(claims, articles);
    assertColumns(CountDyads.apply(oriented), Tables.DYAD_COUNTS);
    assertColumns(CountByOutlet.apply(articles, claims), Tables.OUTLET_COVERAGE);
    assertColumns(BuildEpisodes.apply(oriented, 30), Tables.EPISODES);
    assertColumns(SummariseActors.apply(oriented), Tables.ACTOR_SUMMARY);
    assertColumns(CountOffenceMonths.apply(oriented), Tables.OFFENCE_MONTHS);
  }

  @Test
  void tablesWriteAndReadBackWithTheirDeclaredSchemas(@TempDir Path dir) {
    Outputs outputs = new Outputs(spark, dir.toString());
    Dataset<Row> oriented = OrientClaims.apply(claims, articles);
    Map<Tables.Table, Dataset<Row>> tables =
        Map.of(
            Tables.DYAD_COUNTS, CountDyads.apply(oriented),
            Tables.OUTLET_COVERAGE, CountByOutlet.apply(articles, claims),
            Tables.EPISODES, BuildEpisodes.apply(oriented, 30),
            Tables.ACTOR_SUMMARY, SummariseActors.apply(oriented),
            Tables.OFFENCE_MONTHS, CountOffenceMonths.apply(oriented));
    tables.forEach(outputs::write);
    // Written twice: the second write replaces the first (staging, then switch).
    tables.forEach(outputs::write);
    for (Tables.Table t : Tables.AGGREGATES) {
      Dataset<Row> read = outputs.read(t);
      for (StructField f : t.schema().fields()) {
        assertThat(read.schema().apply(f.name()).dataType())
            .as(t.name() + "." + f.name())
            .isEqualTo(f.dataType());
      }
      assertThat(read.count()).as(t.name() + " rows").isEqualTo(tables.get(t).count());
    }
    assertThat(dir.resolve("dyad_counts/year=2021")).isDirectory();
    assertThat(dir.resolve("dyad_counts/year=__HIVE_DEFAULT_PARTITION__")).isDirectory();
    assertThat(dir.resolve("episodes/year=2021")).isDirectory();
    assertThat(dir.resolve("_staging")).doesNotExist();
    assertThat(outputs.read(Tables.DYAD_COUNTS).where("year IS NULL").count())
        .as("undated rows")
        .isEqualTo(1);
  }

  private static void assertColumns(Dataset<Row> rows, Tables.Table table) {
    assertThat(Set.of(rows.columns()))
        .as(table.name() + " columns")
        .containsExactlyInAnyOrder(table.schema().fieldNames());
  }

  private static String dyadLine(Row r) {
    return String.format(
        "%s %s[%s/%s/%s]->%s[%s/%s/%s] %s %s %s/%s claims=%d articles=%d stories=%d year=%s",
        r.getAs("month"),
        r.getAs("accuser"),
        r.getAs("accuser_actor_id"),
        r.getAs("accuser_type"),
        r.getAs("accuser_country"),
        r.getAs("accused"),
        r.getAs("accused_actor_id"),
        r.getAs("accused_type"),
        r.getAs("accused_country"),
        r.getAs("kind"),
        r.getAs("offence_category"),
        r.getAs("outlet_key"),
        r.getAs("outlet"),
        r.<Long>getAs("n_claims"),
        r.<Long>getAs("n_articles"),
        r.<Long>getAs("n_unique_stories"),
        r.getAs("year"));
  }

  private static String coverageLine(Row r) {
    return format(
        r,
        "%s/%s %s articles=%d primary=%d acc=%d den=%d acc_reporting_den=%d",
        "outlet_key",
        "outlet",
        "month",
        "n_articles",
        "n_primary_articles",
        "n_with_accusation",
        "n_with_denial",
        "n_accusation_articles_reporting_denial");
  }

  private static String episodeLine(Row r) {
    return String.format(
        "%s[%s/%s]->%s[%s/%s] '%s' %s %s..%s denied=%s days=%s acc=%d/%d articles/%d stories/%d"
            + " outlets den=%d/%d articles/%d outlets %s year=%s",
        r.getAs("accuser"),
        r.getAs("accuser_actor_id"),
        r.getAs("accuser_country"),
        r.getAs("accused"),
        r.getAs("accused_actor_id"),
        r.getAs("accused_country"),
        r.getAs("offence"),
        r.getAs("offence_category"),
        r.getAs("first_accusation_date"),
        r.getAs("last_accusation_date"),
        r.getAs("first_denial_date"),
        r.getAs("days_to_denial"),
        r.<Long>getAs("n_accusations"),
        r.<Long>getAs("n_accusation_articles"),
        r.<Long>getAs("n_accusation_stories"),
        r.<Long>getAs("n_accusation_outlets"),
        r.<Long>getAs("n_denials"),
        r.<Long>getAs("n_denial_articles"),
        r.<Long>getAs("n_denial_outlets"),
        r.getList(r.fieldIndex("example_claim_ids")),
        r.getAs("year"));
  }

  private static String offenceMonthLine(Row r) {
    return format(
        r,
        "%s %s %s claims=%d articles=%d outlets=%d",
        "month",
        "offence_category",
        "kind",
        "n_claims",
        "n_articles",
        "n_outlets");
  }

  /** The row's values of {@code columns}, by name, in {@code format}. */
  private static String format(Row r, String format, String... columns) {
    return String.format(format, Arrays.stream(columns).map(c -> r.get(r.fieldIndex(c))).toArray());
  }

  private static String actorLine(Row r) {
    return String.format(
        "%s[%s/%s/%s] accusing=%d accused=%d denying=%d %s",
        r.getAs("actor"),
        r.getAs("actor_id"),
        r.getAs("actor_type"),
        r.getAs("actor_country"),
        r.<Long>getAs("n_accusing"),
        r.<Long>getAs("n_accused"),
        r.<Long>getAs("n_denying"),
        r.getList(r.fieldIndex("top_counterparts")));
  }

  private static List<String> lines(List<Row> rows, Function<Row, String> line) {
    return rows.stream().map(line).toList();
  }

  private static long sum(List<Row> rows, String column) {
    return rows.stream().mapToLong(r -> r.<Long>getAs(column)).sum();
  }

  private static Row article(
      String id, String outlet, String key, String date, String dupGroup, boolean primary) {
    String text = "Made-up article " + id + ".";
    return RowFactory.create(
        id,
        outlet,
        key,
        "https://example.test/" + id,
        date == null ? null : Date.valueOf(date),
        "Title " + id,
        text,
        text.length(),
        "fixture.jsonl",
        "hash-" + dupGroup,
        dupGroup,
        primary);
  }

  /** The category the CategoriseOffences stage would give the offence phrase alone. */
  private static String categoryOf(String offence) {
    OffenceCategory c = TAXONOMY.classify(offence);
    return c == null ? null : c.key();
  }

  private static Row claim(
      String claimId,
      String articleId,
      String kind,
      Actor source,
      Actor target,
      String offence,
      String deniesClaimId) {
    Row a = Objects.requireNonNull(ARTICLES.get(articleId), articleId);
    return RowFactory.create(
        articleId,
        claimId,
        kind,
        source == null ? null : source.name(),
        source == null ? null : source.id(),
        source == null ? null : source.type(),
        source == null ? null : source.country(),
        target == null ? null : target.name(),
        target == null ? null : target.id(),
        target == null ? null : target.type(),
        target == null ? null : target.country(),
        offence,
        categoryOf(offence),
        kind.equals("DENIAL") ? "denied" : "accused",
        false,
        null,
        false,
        0.9,
        0,
        "A sentence.",
        0,
        11,
        "fixture",
        deniesClaimId,
        a.getString(1),
        a.getString(2),
        a.get(4));
  }
}
