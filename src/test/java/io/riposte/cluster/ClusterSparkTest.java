package io.riposte.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.SparkTests;
import io.riposte.io.Tables;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cluster stages on a made-up archive with four planted patterns, 12 stories each (an
 * accusation, answered by a linked denial in 8 of them), spread over five outlets:
 *
 * <ul>
 *   <li>CYBER: a state accuses another state of a cyberattack; the accused calls it a smear.
 *   <li>PROSECUTION: a prosecutor charges an official of the same country with bribery or fraud;
 *       the official calls it a witch hunt.
 *   <li>BOMBING: a state blames an armed group for a bombing; the group says it had nothing to do
 *       with it.
 *   <li>POLLUTION: a regulator accuses a company of polluting; the company calls it baseless.
 *   <li>STRIKE_GAS and STRIKE_ARMED: a state accuses another state of an attack worded alike
 *       ("attack on the port"); the accused calls it fabricated. The two differ only by the offence
 *       category (chemical weapons, cyberattack), as if the category came from the article.
 * </ul>
 *
 * Actors, country pairs, offence wording, cues, hedging and quotation vary within a pattern (a
 * seeded random draw), as they do in news.
 */
public class ClusterSparkTest {

  static final ClusterClaims.Settings SETTINGS = new ClusterClaims.Settings(2, 8, 42L);

  static SparkSession spark;
  static List<Row> claimRows;
  static List<Row> articleRows;
  static Map<String, String> planted;
  static Run first;

  /** Everything one clustering run gives. */
  record Run(
      ClusterClaims.Fitted fitted, List<Row> assigned, List<Row> clusters, List<Row> outlets) {}

  public record Actor(String name, String type, String country) {}

  @BeforeAll
  static void fixture() {
    spark = SparkTests.session();
    Fixture f = new Fixture(new Random(7));
    f.plant("CYBER", 12, 8, Fixture::cyber, "cyberattack");
    f.plant("PROSECUTION", 12, 8, Fixture::prosecution, "corruption");
    f.plant("BOMBING", 12, 8, Fixture::bombing, "terrorism");
    f.plant("POLLUTION", 12, 8, Fixture::pollution, "negligence");
    // Two patterns alike in everything (actors, wording, cues, outlets) but the offence category.
    f.plant("STRIKE_GAS", 12, 8, Fixture::strike, "chemical_weapons");
    f.plant("STRIKE_ARMED", 12, 8, Fixture::strike, "military_attack");
    claimRows = f.claims;
    articleRows = f.articles;
    planted = f.groups;
    first = cluster(claimRows, articleRows);
  }

  /** The job's chain on the given rows, without the tables. */
  static Run cluster(List<Row> claims, List<Row> articles) {
    Dataset<Row> features =
        ClaimFeatures.apply(
                spark.createDataFrame(claims, Tables.CLAIMS.schema()),
                spark.createDataFrame(articles, Tables.ARTICLES.schema()))
            .orderBy("claim_id")
            .coalesce(1)
            .cache();
    Dataset<Row> vectors = ClusterClaims.vectorise(features).cache();
    ClusterClaims.Fitted fitted = ClusterClaims.fitByCategory(vectors, SETTINGS, "claim_id");
    Dataset<Row> assigned = fitted.assign(vectors).drop("features").cache();
    List<Row> clusters =
        DescribeClusters.apply(assigned, fitted.k(), fitted.silhouette()).collectAsList();
    Dataset<Row> profiles = ClusterOutlets.profiles(assigned, fitted.k()).orderBy("outlet_key");
    ClusterClaims.Fitted outletFit =
        ClusterClaims.fit(profiles.coalesce(1), SETTINGS, "outlet_key");
    List<Row> outlets =
        ClusterOutlets.describe(
                outletFit.assign(profiles),
                spark.createDataFrame(clusters, Tables.CLUSTERS.schema()),
                outletFit.k(),
                outletFit.silhouette())
            .collectAsList();
    List<Row> rows = assigned.collectAsList();
    assigned.unpersist();
    vectors.unpersist();
    features.unpersist();
    return new Run(fitted, rows, clusters, outlets);
  }

  @Test
  void plantedPatternsAreRecovered() {
    List<String> ids = first.assigned().stream().map(r -> r.<String>getAs("claim_id")).toList();
    List<String> groups = ids.stream().map(planted::get).toList();
    List<Integer> clusters =
        first.assigned().stream().map(r -> r.<Integer>getAs("cluster_id")).toList();
    double ari = AdjustedRandIndex.of(groups, clusters);
    // The silhouette is that of the whole clustering, at its k.
    assertThat(first.fitted().silhouetteByK())
        .as("silhouette by k")
        .containsExactly(Map.entry(first.fitted().k(), first.fitted().silhouette()));
    assertThat(first.fitted().kByCategory())
        .as("clusters per category")
        .containsOnlyKeys(
            "cyberattack",
            "corruption",
            "terrorism",
            "negligence",
            "chemical_weapons",
            "military_attack");
    assertThat(first.fitted().kByCategory().values().stream().mapToInt(Integer::intValue).sum())
        .isEqualTo(first.fitted().k());
    assertThat(ids).as("every claim once").hasSize(claimRows.size()).doesNotHaveDuplicates();
    Map<String, Map<Integer, Long>> contingency =
        ids.stream()
            .collect(
                Collectors.groupingBy(
                    planted::get,
                    java.util.TreeMap::new,
                    Collectors.groupingBy(
                        id -> clusters.get(ids.indexOf(id)),
                        java.util.TreeMap::new,
                        Collectors.counting())));
    assertThat(first.clusters())
        .as("every cluster has a label")
        .allSatisfy(r -> assertThat(r.<String>getAs("label")).isNotBlank());
    assertThat(ari)
        .as(
            "adjusted Rand index against the planted patterns; group -> {cluster: claims} %s",
            contingency)
        .isGreaterThan(0.8);
    // Each pattern is one category of 20 claims: none is split, none merged with another.
    assertThat(first.fitted().k()).as("k").isGreaterThanOrEqualTo(6);
    Map<Integer, Set<String>> categoriesOfCluster = new java.util.TreeMap<>();
    for (Row r : first.assigned()) {
      categoriesOfCluster
          .computeIfAbsent(r.getAs("cluster_id"), c -> new java.util.TreeSet<>())
          .add(r.getAs("offence_category"));
    }
    assertThat(categoriesOfCluster.values())
        .as("offence categories of each cluster")
        .allSatisfy(c -> assertThat(c).hasSize(1));
  }

  @Test
  void kChosenOnASampleThenFittedOnAllRecoversThePatterns() {
    Dataset<Row> features =
        ClaimFeatures.apply(
                spark.createDataFrame(claimRows, Tables.CLAIMS.schema()),
                spark.createDataFrame(articleRows, Tables.ARTICLES.schema()))
            .orderBy("claim_id")
            .coalesce(1)
            .cache();
    Dataset<Row> vectors = ClusterClaims.vectorise(features).cache();
    // Fewer rows in the sample than claims: k is chosen on the sample, Spark refines the centres.
    ClusterClaims.Settings sampled = new ClusterClaims.Settings(2, 8, 42L, 60);
    ClusterClaims.Fitted fitted = ClusterClaims.fitByCategory(vectors, sampled, "claim_id");
    ClusterClaims.Fitted again = ClusterClaims.fitByCategory(vectors, sampled, "claim_id");
    List<Row> assigned = fitted.assign(vectors).drop("features").collectAsList();
    vectors.unpersist();
    features.unpersist();

    assertThat(claimRows.size()).as("claims, more than the sample").isGreaterThan(60);
    assertThat(again.centres()).as("the same fit twice").isEqualTo(fitted.centres());
    assertThat(again.ids()).isEqualTo(fitted.ids());
    List<String> groups =
        assigned.stream().map(r -> planted.get(r.<String>getAs("claim_id"))).toList();
    List<Integer> clusters = assigned.stream().map(r -> r.<Integer>getAs("cluster_id")).toList();
    assertThat(AdjustedRandIndex.of(groups, clusters))
        .as("adjusted Rand index against the planted patterns, k=%d", fitted.k())
        .isGreaterThan(0.8);
    assertThat(fitted.silhouetteByK()).containsEntry(fitted.k(), fitted.silhouette());
    assertThat(new java.util.TreeSet<>(clusters))
        .as("cluster ids 0..k-1, every centre with a claim")
        .containsExactlyElementsOf(
            java.util.stream.IntStream.range(0, fitted.k()).boxed().toList());
  }

  @Test
  void aLargeCategoryIsSplitByWhoAccusesWhom() {
    // Two patterns of one category, 60 claims each: states accusing states of hacking, and
    // prosecutors accusing officials (the pattern's wording, cues and actors), both "cyberattack".
    Fixture f = new Fixture(new Random(11));
    f.plant("CYBER", 36, 24, Fixture::cyber, "cyberattack");
    f.plant("PROSECUTION", 36, 24, Fixture::prosecution, "cyberattack");
    Run run = cluster(f.claims, f.articles);
    List<String> groups =
        run.assigned().stream().map(r -> f.groups.get(r.<String>getAs("claim_id"))).toList();
    List<Integer> clusters =
        run.assigned().stream().map(r -> r.<Integer>getAs("cluster_id")).toList();

    assertThat(f.claims).hasSize(120);
    assertThat(run.fitted().kByCategory()).containsExactly(Map.entry("cyberattack", 2));
    assertThat(AdjustedRandIndex.of(groups, clusters))
        .as("adjusted Rand index against the two patterns")
        .isGreaterThan(0.8);
    assertThat(run.clusters())
        .extracting(r -> r.<String>getAs("label"))
        .allSatisfy(l -> assertThat(l).startsWith("cyberattack"))
        .anySatisfy(l -> assertThat(l).contains(": state -> state;"))
        .anySatisfy(l -> assertThat(l).contains(": person -> person;"));
  }

  @Test
  void aSmallCategoryIsOneCluster() {
    // 60 claims: fewer than 2 x ClusterClaims.MIN_CLUSTER, so the category is not split.
    Fixture f = new Fixture(new Random(11));
    f.plant("CYBER", 18, 12, Fixture::cyber, "cyberattack");
    f.plant("PROSECUTION", 18, 12, Fixture::prosecution, "cyberattack");
    Run run = cluster(f.claims, f.articles);

    assertThat(f.claims).hasSize(60);
    assertThat(run.fitted().k()).isEqualTo(1);
    assertThat(run.fitted().note()).contains("one offence category, not split");
    assertThat(run.fitted().silhouette()).isNull();
  }

  @Test
  void patternsThatDifferOnlyByOffenceCategoryAreTwoClusters() {
    int gas = clusterOfGroup(first, "STRIKE_GAS").<Integer>getAs("cluster_id");
    int armed = clusterOfGroup(first, "STRIKE_ARMED").<Integer>getAs("cluster_id");
    assertThat(gas).as("cluster of most STRIKE_GAS claims").isNotEqualTo(armed);
    assertThat(clusterOfGroup(first, "STRIKE_GAS").<String>getAs("offence_category"))
        .isEqualTo("chemical_weapons");
    assertThat(clusterOfGroup(first, "STRIKE_ARMED").<String>getAs("offence_category"))
        .isEqualTo("military_attack");
  }

  @Test
  void eachPlantedPatternIsLabelledByItsOffenceAndDenial() {
    Map<String, String> labelOfGroup = labelOfGroup(first);
    // What is alleged comes first.
    assertThat(labelOfGroup.get("CYBER"))
        .startsWith("cyberattack")
        .contains(": state -> state;")
        .contains("smear");
    assertThat(labelOfGroup.get("PROSECUTION"))
        .startsWith("corruption")
        .contains(": person -> person;")
        .contains("witch hunt");
    assertThat(labelOfGroup.get("BOMBING")).startsWith("terrorism (").contains(": state -> group;");
    assertThat(labelOfGroup.get("POLLUTION"))
        .startsWith("negligence (")
        .contains("pollution")
        .contains(": org -> org;")
        .contains("baseless");
    assertThat(labelOfGroup.get("STRIKE_GAS")).startsWith("chemical weapons (");
    assertThat(labelOfGroup.get("STRIKE_ARMED")).startsWith("military attack (");
    Set<String> answered =
        claimRows.stream()
            .map(r -> r.getString(Tables.CLAIMS.schema().fieldIndex("denies_claim_id")))
            .filter(java.util.Objects::nonNull)
            .collect(Collectors.toSet());
    for (Row c : first.clusters()) {
      List<String> accusations =
          first.assigned().stream()
              .filter(r -> r.<Integer>getAs("cluster_id").equals(c.getAs("cluster_id")))
              .filter(r -> "ACCUSATION".equals(r.getAs("kind")))
              .map(r -> r.<String>getAs("claim_id"))
              .toList();
      assertThat(c.<Double>getAs("share_denied"))
          .as("share_denied of cluster %s", c.<Integer>getAs("cluster_id"))
          .isCloseTo(
              accusations.stream().filter(answered::contains).count() / (double) accusations.size(),
              within());
    }
  }

  @Test
  void clustersAddUpAndRepresentativesAreNearestFirst() {
    Map<String, Row> claims =
        claimRows.stream().collect(Collectors.toMap(r -> r.getString(1), r -> r));
    long total = 0;
    for (Row c : first.clusters()) {
      int id = c.getAs("cluster_id");
      long size = c.getAs("size");
      total += size;
      assertThat(c.<Long>getAs("n_accusations") + c.<Long>getAs("n_denials"))
          .as("kinds of cluster %d", id)
          .isEqualTo(size);
      List<String> reps = c.getList(c.fieldIndex("representative_claim_ids"));
      List<String> sentences = c.getList(c.fieldIndex("representative_sentences"));
      assertThat(reps).hasSizeBetween(1, 3).hasSameSizeAs(sentences);
      for (int i = 0; i < reps.size(); i++) {
        assertThat(sentences.get(i))
            .isEqualTo(
                claims.get(reps.get(i)).getString(Tables.CLAIMS.schema().fieldIndex("sentence")));
      }
      List<Double> distances =
          reps.stream()
              .map(
                  rep ->
                      first.assigned().stream()
                          .filter(r -> rep.equals(r.getAs("claim_id")))
                          .findFirst()
                          .orElseThrow()
                          .<Double>getAs("distance"))
              .toList();
      assertThat(distances).as("distances of representatives").isSorted();
      double nearest =
          first.assigned().stream()
              .filter(r -> r.<Integer>getAs("cluster_id") == id)
              .mapToDouble(r -> r.<Double>getAs("distance"))
              .min()
              .orElseThrow();
      assertThat(distances.get(0)).isEqualTo(nearest);
      assertThat(c.<Integer>getAs("k")).isEqualTo(first.fitted().k());
      assertThat(c.<Double>getAs("silhouette")).isEqualTo(first.fitted().silhouette());
    }
    assertThat(total).isEqualTo(claimRows.size());
    List<Long> sizes =
        first.clusters().stream()
            .sorted(java.util.Comparator.comparing(r -> r.<Integer>getAs("cluster_id")))
            .map(r -> r.<Long>getAs("size"))
            .toList();
    assertThat(sizes)
        .as("cluster 0 is the largest")
        .isSortedAccordingTo(java.util.Comparator.reverseOrder());
  }

  @Test
  void topListsNameTheDyadsTermsAndOutlets() {
    Row cyber = clusterOfGroup(first, "CYBER");
    assertThat(cyber.<String>getList(cyber.fieldIndex("top_actor_pairs")))
        .hasSizeBetween(1, 3)
        .allMatch(p -> p.matches("[A-Z][a-z]+ -> [A-Z][a-z]+"));
    assertThat(cyber.<String>getList(cyber.fieldIndex("top_terms"))).startsWith("cyberattack");
    assertThat(cyber.<String>getList(cyber.fieldIndex("top_outlets")))
        .first()
        .isEqualTo("Harbor Gazette");
  }

  @Test
  void sameClaimsInAnotherOrderGiveTheSameClusters() {
    List<Row> shuffled = new ArrayList<>(claimRows);
    Collections.shuffle(shuffled, new Random(99));
    Run again = cluster(shuffled, articleRows);
    assertThat(lines(again.assigned(), ClusterSparkTest::assignmentLine))
        .as("claim_id cluster_id distance")
        .containsExactlyInAnyOrderElementsOf(
            lines(first.assigned(), ClusterSparkTest::assignmentLine));
    assertThat(lines(again.clusters(), Row::toString))
        .containsExactlyInAnyOrderElementsOf(lines(first.clusters(), Row::toString));
    assertThat(lines(again.outlets(), Row::toString))
        .containsExactlyInAnyOrderElementsOf(lines(first.outlets(), Row::toString));
  }

  @Test
  void aNullIdIsClusteredLikeAnyOther() {
    // An outlet without a key groups as null: its profile is clustered, not a crash.
    StructType schema =
        new StructType().add("outlet_key", DataTypes.StringType).add("features", new VectorUDT());
    List<Row> rows = new ArrayList<>();
    rows.add(RowFactory.create(null, Vectors.dense(0.0, 1.0)));
    rows.add(RowFactory.create("a", Vectors.dense(0.1, 1.0)));
    rows.add(RowFactory.create("b", Vectors.dense(0.0, 0.9)));
    rows.add(RowFactory.create("c", Vectors.dense(1.0, 0.0)));
    rows.add(RowFactory.create("d", Vectors.dense(0.9, 0.1)));
    rows.add(RowFactory.create("e", Vectors.dense(1.0, 0.1)));
    Dataset<Row> vectors = spark.createDataFrame(rows, schema).coalesce(1);

    ClusterClaims.Fitted fitted = ClusterClaims.fit(vectors, SETTINGS, "outlet_key");
    Map<String, Integer> clusterOf = new java.util.HashMap<>();
    for (Row r : fitted.assign(vectors).collectAsList()) {
      clusterOf.put(r.getString(0), r.<Integer>getAs("cluster_id"));
    }

    assertThat(fitted.k()).isEqualTo(2);
    assertThat(clusterOf.get(null)).isEqualTo(clusterOf.get("a")).isEqualTo(clusterOf.get("b"));
    assertThat(clusterOf.get("c")).isNotEqualTo(clusterOf.get("a"));
  }

  @Test
  void outletsAreGroupedByWhatTheyCover() {
    assertThat(first.outlets()).hasSize(5);
    Map<String, Integer> clusterOf =
        first.outlets().stream()
            .collect(
                Collectors.toMap(
                    r -> r.<String>getAs("outlet"), r -> r.<Integer>getAs("cluster_id")));
    // Lakeside Tribune and Valley Post report only domestic patterns (prosecutions, pollution);
    // Harbor Gazette and Capital Ledger only states' (cyberattacks, bombings).
    int domestic = clusterOf.get("Lakeside Tribune");
    assertThat(clusterOf.get("Valley Post"))
        .as("outlet clusters %s", clusterOf)
        .isEqualTo(domestic);
    assertThat(clusterOf.get("Harbor Gazette"))
        .as("outlet clusters %s", clusterOf)
        .isNotEqualTo(domestic);
    assertThat(clusterOf.get("Capital Ledger"))
        .as("outlet clusters %s", clusterOf)
        .isNotEqualTo(domestic);
    for (Row r : first.outlets()) {
      assertThat(r.<String>getAs("label")).startsWith("mostly #");
      assertThat(r.<Long>getAs("n_accusations_denied"))
          .isLessThanOrEqualTo(r.getAs("n_accusations"));
    }
    assertThat(first.outlets().stream().mapToLong(r -> r.<Long>getAs("n_claims")).sum())
        .isEqualTo(claimRows.size());
  }

  @Test
  void stagesGiveTheDeclaredColumns() {
    assertThat(first.clusters().get(0).schema().fieldNames())
        .containsExactly(Tables.CLUSTERS.schema().fieldNames());
    assertThat(first.outlets().get(0).schema().fieldNames())
        .containsExactly(Tables.OUTLET_CLUSTERS.schema().fieldNames());
    assertThat(Set.of(first.assigned().get(0).schema().fieldNames()))
        .containsAll(Set.of(Tables.CLAIM_CLUSTERS.schema().fieldNames()));
  }

  private static Map<String, String> labelOfGroup(Run run) {
    return Set.copyOf(planted.values()).stream()
        .collect(Collectors.toMap(g -> g, g -> clusterOfGroup(run, g).<String>getAs("label")));
  }

  /** The cluster holding most claims of a planted group. */
  private static Row clusterOfGroup(Run run, String group) {
    Map<Integer, Long> counts =
        run.assigned().stream()
            .filter(r -> group.equals(planted.get(r.<String>getAs("claim_id"))))
            .collect(
                Collectors.groupingBy(r -> r.<Integer>getAs("cluster_id"), Collectors.counting()));
    int id = Collections.max(counts.entrySet(), Map.Entry.comparingByValue()).getKey();
    return run.clusters().stream()
        .filter(r -> r.<Integer>getAs("cluster_id") == id)
        .findFirst()
        .orElseThrow();
  }

  private static String assignmentLine(Row r) {
    return r.getAs("claim_id") + " " + r.getAs("cluster_id") + " " + r.getAs("distance");
  }

  private static List<String> lines(List<Row> rows, Function<Row, String> line) {
    return rows.stream().map(line).toList();
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }

  /** Builds the planted archive. */
  public static final class Fixture {
    final Random random;
    public final List<Row> claims = new ArrayList<>();
    public final List<Row> articles = new ArrayList<>();
    final Map<String, String> groups = new java.util.HashMap<>();

    public Fixture(Random random) {
      this.random = random;
    }

    /** One story of a pattern: the accusation and, when answered, the denial. */
    public record Story(
        Actor accuser,
        Actor accused,
        String offence,
        String accusationCue,
        String denialCue,
        String outlet,
        String accusationSentence,
        String denialSentence) {}

    public interface Pattern {
      Story draw(Fixture f);
    }

    public void plant(String group, int stories, int answered, Pattern pattern, String category) {
      for (int i = 0; i < stories; i++) {
        Story s = pattern.draw(this);
        String articleId = group.toLowerCase() + "-" + i;
        String outletKey = s.outlet().toLowerCase().replace(' ', '-');
        Date date = Date.valueOf(LocalDate.of(2020, 1, 1).plusDays(7L * i));
        String text = s.accusationSentence() + " " + s.denialSentence();
        articles.add(
            RowFactory.create(
                articleId,
                s.outlet(),
                outletKey,
                "https://example.test/" + articleId,
                date,
                "Title " + articleId,
                text,
                text.length(),
                "fixture.jsonl",
                "hash-" + articleId,
                articleId,
                true));
        String accusationId = articleId + ":A:0";
        claims.add(
            claim(
                articleId,
                accusationId,
                "ACCUSATION",
                s.accuser(),
                s.accused(),
                s.offence(),
                category,
                s.accusationCue(),
                s.accusationSentence(),
                null,
                s.outlet(),
                outletKey,
                date));
        groups.put(accusationId, group);
        if (i < answered) {
          String denialId = articleId + ":D:" + (s.accusationSentence().length() + 1);
          claims.add(
              claim(
                  articleId,
                  denialId,
                  "DENIAL",
                  s.accused(),
                  s.accuser(),
                  random.nextBoolean() ? s.offence() : null,
                  category,
                  s.denialCue(),
                  s.denialSentence(),
                  accusationId,
                  s.outlet(),
                  outletKey,
                  date));
          groups.put(denialId, group);
        }
      }
    }

    Row claim(
        String articleId,
        String claimId,
        String kind,
        Actor source,
        Actor target,
        String offence,
        String category,
        String cue,
        String sentence,
        String denies,
        String outlet,
        String outletKey,
        Date date) {
      return RowFactory.create(
          articleId,
          claimId,
          kind,
          source.name(),
          null,
          source.type(),
          source.country(),
          target.name(),
          null,
          target.type(),
          target.country(),
          offence,
          category,
          cue,
          random.nextInt(5) == 0,
          null,
          random.nextInt(5) == 0,
          0.9,
          0,
          sentence,
          0,
          sentence.length(),
          "fixture",
          denies,
          outlet,
          outletKey,
          date);
    }

    <T> T pick(List<T> options) {
      return options.get(random.nextInt(options.size()));
    }

    static final List<Actor> STATES =
        List.of(
            new Actor("Atlantis", "state", "ATL"),
            new Actor("Borduria", "state", "BOR"),
            new Actor("Carpathia", "state", "CRP"),
            new Actor("Druvia", "state", "DRV"),
            new Actor("Elbonia", "state", "ELB"));

    public static Story cyber(Fixture f) {
      Actor accuser = f.pick(STATES);
      Actor accused;
      do {
        accused = f.pick(STATES);
      } while (accused.equals(accuser));
      String offence =
          f.pick(
              List.of(
                  "cyberattack on banks",
                  "cyberattack on the power grid",
                  "cyberattack on hospitals",
                  "ransomware cyberattack",
                  "cyberattack on election systems"));
      String cue = f.pick(List.of("accused", "blamed", "attributed"));
      String denial = f.pick(List.of("smear", "smear campaign", "slander"));
      return new Story(
          accuser,
          accused,
          offence,
          cue,
          denial,
          f.pick(List.of("Harbor Gazette", "Harbor Gazette", "Capital Ledger")),
          accuser.name() + " " + cue + " " + accused.name() + " of the " + offence + ".",
          accused.name() + " called it a " + denial + ".");
    }

    /**
     * A state accuses another of an attack the wording does not name the kind of; the accused calls
     * it fabricated. Planted twice, with two offence categories.
     */
    public static Story strike(Fixture f) {
      Actor accuser = f.pick(STATES);
      Actor accused;
      do {
        accused = f.pick(STATES);
      } while (accused.equals(accuser));
      String offence =
          f.pick(
              List.of(
                  "attack on the capital",
                  "attack on the port",
                  "strike on the airbase",
                  "attack on the border town"));
      String cue = f.pick(List.of("accused", "blamed", "held responsible"));
      String denial = f.pick(List.of("fabricated", "fabrication", "staged"));
      return new Story(
          accuser,
          accused,
          offence,
          cue,
          denial,
          f.pick(List.of("Wire Service", "Wire Service", "Capital Ledger")),
          accuser.name() + " " + cue + " " + accused.name() + " for the " + offence + ".",
          accused.name() + " said the accusation was " + denial + ".");
    }

    public static Story prosecution(Fixture f) {
      String country = f.pick(List.of("ATL", "BOR", "CRP"));
      Actor prosecutor =
          new Actor(
              f.pick(List.of("Miriam Castellano", "Jon Ardent", "Lise Morel")), "person", country);
      Actor official =
          new Actor(
              f.pick(List.of("Victor Osei", "Dale Kettering", "Ana Pruitt", "Tom Vasco")),
              "person",
              country);
      String offence =
          f.pick(List.of("bribery", "bribery and fraud", "embezzlement and bribery", "fraud"));
      String cue = f.pick(List.of("charged", "indicted"));
      String denial = f.pick(List.of("witch hunt", "politically motivated"));
      return new Story(
          prosecutor,
          official,
          offence,
          cue,
          denial,
          f.pick(List.of("Lakeside Tribune", "Lakeside Tribune", "Valley Post")),
          "Prosecutor "
              + prosecutor.name()
              + " "
              + cue
              + " "
              + official.name()
              + " with "
              + offence
              + ".",
          official.name() + " called the case a " + denial + ".");
    }

    public static Story bombing(Fixture f) {
      Actor state = f.pick(STATES);
      Actor group =
          new Actor(
              f.pick(List.of("Red Dawn Front", "Northern Brigades", "Sword of the Valley")),
              "group",
              null);
      String offence =
          f.pick(List.of("bombing of the market", "suicide bombing", "car bombing", "bombing"));
      String cue = f.pick(List.of("blamed", "held responsible"));
      String denial = f.pick(List.of("nothing to do with", "denied"));
      return new Story(
          state,
          group,
          offence,
          cue,
          denial,
          f.pick(List.of("Capital Ledger", "Capital Ledger", "Harbor Gazette", "Wire Service")),
          state.name() + " " + cue + " " + group.name() + " for the " + offence + ".",
          group.name() + " said it had " + denial + " it.");
    }

    public static Story pollution(Fixture f) {
      String country = f.pick(List.of("ATL", "BOR"));
      Actor regulator =
          new Actor(
              f.pick(List.of("Environment Agency", "River Authority", "Water Board")),
              "org",
              country);
      Actor company =
          new Actor(
              f.pick(List.of("Kestrel Mining Corp", "Orbis Chemicals", "Delta Paper Mills")),
              "org",
              country);
      String offence =
          f.pick(
              List.of(
                  "pollution of the river",
                  "illegal dumping and pollution",
                  "pollution",
                  "toxic pollution of groundwater"));
      String cue = f.pick(List.of("accused", "alleged"));
      String denial = f.pick(List.of("baseless", "without merit"));
      return new Story(
          regulator,
          company,
          offence,
          cue,
          denial,
          f.pick(List.of("Valley Post", "Valley Post", "Lakeside Tribune", "Wire Service")),
          "The " + regulator.name() + " " + cue + " " + company.name() + " of " + offence + ".",
          company.name() + " called the claims " + denial + ".");
    }
  }
}
