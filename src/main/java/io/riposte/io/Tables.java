package io.riposte.io;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The on-disk tables: one schema each, declared here and nowhere else. Every column carries its
 * meaning as a {@code comment} in the field metadata; {@code docs/data-dictionary.md} is checked
 * against these declarations by a test.
 */
public final class Tables {

  private Tables() {}

  /**
   * A named output table: its folder name under the output root, its fixed schema and its layout.
   *
   * @param partitionColumn column whose values name the sub-folders ({@code year=2018/}), or null
   *     for an unpartitioned table; it must be the schema's last column, where Spark puts partition
   *     columns when it reads the table back
   * @param sortColumns columns the rows are sorted by within each file (the main lookup keys), so
   *     Parquet min/max statistics let readers skip row groups; empty for no sort
   */
  public record Table(
      String name,
      StructType schema,
      String description,
      String partitionColumn,
      List<String> sortColumns) {

    public Table {
      List<String> names = List.of(schema.fieldNames());
      if (partitionColumn != null && !partitionColumn.equals(names.get(names.size() - 1))) {
        throw new IllegalArgumentException(
            "table "
                + name
                + ": partition column must be the last column, got '"
                + partitionColumn
                + "' in "
                + names);
      }
      for (String c : sortColumns) {
        if (!names.contains(c)) {
          throw new IllegalArgumentException(
              "table " + name + ": sort column '" + c + "' is not one of " + names);
        }
      }
      sortColumns = List.copyOf(sortColumns);
    }

    /** An unpartitioned, unsorted table. */
    public Table(String name, StructType schema, String description) {
      this(name, schema, description, null, List.of());
    }

    /** True when the table is written in one sub-folder per value of {@link #partitionColumn}. */
    public boolean partitioned() {
      return partitionColumn != null;
    }
  }

  public static final Table ARTICLES =
      new Table(
          "articles",
          schema(
              col(
                  "article_id",
                  StringType,
                  false,
                  "Source id when the input has one, else a stable hash of outlet, url, title and text."),
              col(
                  "outlet",
                  StringType,
                  true,
                  "Outlet label as it appears in the input (the reference name when the label is a known alias)."),
              col(
                  "outlet_key",
                  StringType,
                  true,
                  "Canonical outlet key from data/outlets.tsv, or the normalised label for unknown outlets."),
              col("url", StringType, true, "Article URL when known."),
              col(
                  "published_date",
                  DateType,
                  true,
                  "Publication date; null when missing or impossible."),
              col("title", StringType, true, "Headline when known."),
              col(
                  "text",
                  StringType,
                  false,
                  "Cleaned article text: boilerplate removed, entities decoded, whitespace and quotes normalised. Claim offsets refer to it."),
              col("n_chars", IntegerType, false, "Length of text in characters."),
              col("source_file", StringType, false, "File the record was read from."),
              col(
                  "content_hash",
                  StringType,
                  false,
                  "SHA-256 (hex) of the text lower-cased with punctuation and whitespace folded; equal for exact copies."),
              col(
                  "dup_group",
                  StringType,
                  false,
                  "article_id of the primary copy of the story: shared by exact and near-duplicate (syndicated) copies."),
              col(
                  "is_primary",
                  BooleanType,
                  false,
                  "True for exactly one article of each dup_group: the earliest, then the smallest article_id.")),
          "One row per accepted input article, duplicates included (the outlet matters).");

  public static final Table REJECTS =
      new Table(
          "rejects",
          schema(
              col("source_file", StringType, false, "File the record was read from."),
              col(
                  "position",
                  LongType,
                  true,
                  "Where in the file: byte offset of the line (JSON lines), record number from 1 (CSV), row number (Parquet), 0 for whole-file formats."),
              col("format", StringType, false, "Input format: jsonl, csv, parquet, text, html."),
              col(
                  "reason",
                  StringType,
                  false,
                  "Reason code: MALFORMED_RECORD, EMPTY_TEXT, TOO_SHORT, OVERSIZE, BINARY_CONTENT, DUPLICATE_ID, PROCESSING_ERROR."),
              col("message", StringType, false, "Human-readable detail."),
              col(
                  "raw_snippet",
                  StringType,
                  true,
                  "Start of the raw record, at most 500 characters.")),
          "One row per input record that did not become an article, with the reason.");

  public static final Table CLAIMS =
      new Table(
          "claims",
          schema(
              col("article_id", StringType, false, "Article the claim was found in."),
              col(
                  "claim_id",
                  StringType,
                  false,
                  "Stable id: article_id, kind and character offsets."),
              col("kind", StringType, false, "ACCUSATION or DENIAL."),
              col(
                  "source_actor",
                  StringType,
                  true,
                  "Accuser (ACCUSATION) or denier (DENIAL), canonical name."),
              col(
                  "source_actor_id",
                  StringType,
                  true,
                  "Gazetteer id of the source actor (e.g. state:USA), null for actors not in the gazetteer."),
              col("source_type", StringType, true, "state, person, org, group, or null."),
              col(
                  "source_country",
                  StringType,
                  true,
                  "ISO 3166-1 alpha-3 of the source actor's state, or null."),
              col(
                  "target_actor",
                  StringType,
                  true,
                  "Accused (ACCUSATION) or accuser whose accusation is rejected (DENIAL); null when unknown."),
              col(
                  "target_actor_id",
                  StringType,
                  true,
                  "Gazetteer id of the target actor, or null."),
              col("target_type", StringType, true, "state, person, org, group, or null."),
              col(
                  "target_country",
                  StringType,
                  true,
                  "ISO 3166-1 alpha-3 of the target actor's state, or null."),
              col(
                  "offence",
                  StringType,
                  true,
                  "Short normalised phrase for what is alleged, e.g. 'wannacry cyberattack'."),
              col(
                  "cue",
                  StringType,
                  false,
                  "The cue words that triggered the claim, as in the text."),
              col("quoted", BooleanType, false, "True when the claim is inside a quotation."),
              col(
                  "speaker",
                  StringType,
                  true,
                  "Speaker of the quotation, as named in the text, when quoted."),
              col(
                  "hedged",
                  BooleanType,
                  false,
                  "True when hedged (suspected, likely, reportedly, ...)."),
              col("confidence", DoubleType, false, "Rule confidence in [0, 1]."),
              col(
                  "sentence_index",
                  IntegerType,
                  false,
                  "Index of the sentence in the article, from 0."),
              col("sentence", StringType, false, "The sentence that carries the cue."),
              col("begin", IntegerType, false, "Start offset of the sentence in articles.text."),
              col(
                  "end",
                  IntegerType,
                  false,
                  "End offset (exclusive) of the sentence in articles.text."),
              col(
                  "resolved_by",
                  StringType,
                  false,
                  "Name of the rule pass that decided the actors."),
              col(
                  "denies_claim_id",
                  StringType,
                  true,
                  "For a DENIAL: claim_id of the accusation it answers, or null."),
              col("outlet", StringType, true, "Article's outlet label."),
              col("outlet_key", StringType, true, "Article's outlet key."),
              col("published_date", DateType, true, "Article's publication date.")),
          "One row per accusation or denial found in an article.");

  /** Comment shared by the accuser/accused columns of the aggregate tables. */
  private static final String NULL_ACTOR =
      " Null when the claim does not name this actor (null actors are kept and grouped"
          + " together, not dropped).";

  public static final Table DYAD_COUNTS =
      new Table(
          "dyad_counts",
          schema(
              col(
                  "month",
                  DateType,
                  true,
                  "First day of the month of the article's publication date; null for undated articles."),
              col(
                  "accuser",
                  StringType,
                  true,
                  "Who accuses: source_actor of an ACCUSATION, target_actor of a DENIAL (the accuser whose accusation is denied)."
                      + NULL_ACTOR),
              col("accuser_actor_id", StringType, true, "Gazetteer id of the accuser, or null."),
              col("accuser_type", StringType, true, "state, person, org, group, or null."),
              col(
                  "accuser_country",
                  StringType,
                  true,
                  "ISO 3166-1 alpha-3 of the accuser's state, or null."),
              col(
                  "accused",
                  StringType,
                  true,
                  "Who is accused: target_actor of an ACCUSATION, source_actor of a DENIAL (the denier)."
                      + NULL_ACTOR),
              col("accused_actor_id", StringType, true, "Gazetteer id of the accused, or null."),
              col("accused_type", StringType, true, "state, person, org, group, or null."),
              col(
                  "accused_country",
                  StringType,
                  true,
                  "ISO 3166-1 alpha-3 of the accused's state, or null."),
              col(
                  "kind",
                  StringType,
                  false,
                  "ACCUSATION (accuser accuses accused) or DENIAL (accused denies accuser's accusation)."),
              col("outlet_key", StringType, true, "Outlet key of the articles."),
              col(
                  "outlet",
                  StringType,
                  true,
                  "One label of the outlet: the smallest label seen for outlet_key in articles."),
              col(
                  "n_claims",
                  LongType,
                  false,
                  "Claims in this row. Every claim is in exactly one row: sums over any rows are claim counts."),
              col(
                  "n_articles",
                  LongType,
                  false,
                  "Distinct articles with such a claim, copies of one story included. Additive over months and outlets for one dyad and kind."),
              col(
                  "n_unique_stories",
                  LongType,
                  false,
                  "Distinct stories (dup_group): each story of a dyad and kind counts once in the whole table, in the row of its first copy carrying the claim (earliest date, then smallest article_id); other copies count 0. So sums over months and outlets give distinct stories, and sum(n_articles) - sum(n_unique_stories) is the number of repeated copies."),
              col(
                  "year",
                  IntegerType,
                  true,
                  "Year of month (partition folder year=YYYY; __HIVE_DEFAULT_PARTITION__ for undated).")),
          "Claims per month, accuser -> accused dyad, kind and outlet.",
          "year",
          List.of("accuser", "accused", "month", "kind", "outlet_key"));

  public static final Table OUTLET_COVERAGE =
      new Table(
          "outlet_coverage",
          schema(
              col("outlet_key", StringType, true, "Outlet key."),
              col(
                  "outlet",
                  StringType,
                  true,
                  "One label of the outlet: the smallest label seen for outlet_key in articles."),
              col(
                  "month",
                  DateType,
                  true,
                  "First day of the publication month; null for undated articles."),
              col(
                  "n_articles",
                  LongType,
                  false,
                  "Articles, duplicate copies included. Every article is in exactly one row."),
              col(
                  "n_primary_articles",
                  LongType,
                  false,
                  "Articles that are the primary copy of their story (is_primary)."),
              col(
                  "n_with_accusation",
                  LongType,
                  false,
                  "Articles with at least one ACCUSATION claim."),
              col("n_with_denial", LongType, false, "Articles with at least one DENIAL claim."),
              col(
                  "n_accusation_articles_reporting_denial",
                  LongType,
                  false,
                  "Articles with at least one accusation answered by a denial in the same article (a DENIAL whose denies_claim_id is that accusation). Divide by n_with_accusation for the share of accusing articles that give the denial.")),
          "Articles per outlet and month with the counts behind coverage ratios; every count is additive (sum over outlets or months, then divide).",
          null,
          List.of("outlet_key", "month"));

  public static final Table EPISODES =
      new Table(
          "episodes",
          schema(
              col(
                  "episode_id",
                  StringType,
                  false,
                  "Stable id: first 16 hex digits of SHA-256 of accuser, accused, offence and first_accusation_date."),
              col(
                  "accuser",
                  StringType,
                  true,
                  "Accuser (source_actor of the accusations)." + NULL_ACTOR),
              col("accuser_actor_id", StringType, true, "Gazetteer id of the accuser, or null."),
              col(
                  "accuser_country",
                  StringType,
                  true,
                  "ISO 3166-1 alpha-3 of the accuser's state, or null."),
              col(
                  "accused",
                  StringType,
                  true,
                  "Accused (target_actor of the accusations)." + NULL_ACTOR),
              col("accused_actor_id", StringType, true, "Gazetteer id of the accused, or null."),
              col(
                  "accused_country",
                  StringType,
                  true,
                  "ISO 3166-1 alpha-3 of the accused's state, or null."),
              col(
                  "offence",
                  StringType,
                  true,
                  "Offence of the accusations, lower-cased and trimmed; null when the accusations name none (those form their own bucket per dyad)."),
              col(
                  "first_accusation_date",
                  DateType,
                  false,
                  "Earliest publication date of an accusation of the episode."),
              col(
                  "last_accusation_date",
                  DateType,
                  false,
                  "Latest publication date of an accusation of the episode; the episode takes denials up to this date plus the window."),
              col(
                  "first_denial_date",
                  DateType,
                  true,
                  "Earliest publication date of a denial of the episode; null when never denied."),
              col(
                  "days_to_denial",
                  IntegerType,
                  true,
                  "first_denial_date - first_accusation_date in days (0: denied in the first reports); null when never denied."),
              col("n_accusations", LongType, false, "Accusation claims of the episode."),
              col(
                  "n_accusation_articles",
                  LongType,
                  false,
                  "Articles reporting the accusation, copies included."),
              col(
                  "n_accusation_stories",
                  LongType,
                  false,
                  "Distinct stories (dup_group) reporting the accusation."),
              col(
                  "n_accusation_outlets",
                  LongType,
                  false,
                  "Distinct outlets (outlet_key) reporting the accusation."),
              col("n_denials", LongType, false, "Denial claims of the episode."),
              col("n_denial_articles", LongType, false, "Articles reporting a denial."),
              col("n_denial_outlets", LongType, false, "Distinct outlets reporting a denial."),
              col(
                  "example_claim_ids",
                  DataTypes.createArrayType(StringType),
                  false,
                  "Up to 5 claim_ids of the episode (accusations and denials), the smallest in sort order."),
              col(
                  "year",
                  IntegerType,
                  false,
                  "Year of first_accusation_date (partition folder year=YYYY).")),
          "Accusation-denial episodes: accusations of one accuser, accused and offence whose dates are no more than --episode-window-days apart (default 30), with the denials that answer them. Dated accusations only. A denial linked to an accusation (denies_claim_id) joins that accusation's episode; another dated denial joins the episode of its accused (the denier) whose span [first accusation, last accusation + window] holds its date, with the same accuser and offence, where a null accuser or offence on the denial matches any (exact matches first, then the latest episode). Undated or unmatched denials are in no episode (counted in _run.json).",
          "year",
          List.of("accuser", "accused", "first_accusation_date"));

  public static final Table ACTOR_SUMMARY =
      new Table(
          "actor_summary",
          schema(
              col("actor", StringType, false, "Canonical actor name, as in claims."),
              col("actor_id", StringType, true, "Gazetteer id, or null for actors not in it."),
              col("actor_type", StringType, true, "state, person, org, group, or null."),
              col(
                  "actor_country",
                  StringType,
                  true,
                  "ISO 3166-1 alpha-3 of the actor's state, or null."),
              col(
                  "n_accusing",
                  LongType,
                  false,
                  "ACCUSATION claims with this actor as accuser (copies of a story each count)."),
              col("n_accused", LongType, false, "ACCUSATION claims with this actor as accused."),
              col("n_denying", LongType, false, "DENIAL claims with this actor as the denier."),
              col(
                  "top_counterparts",
                  DataTypes.createArrayType(StringType),
                  false,
                  "Up to 5 actors on the other side of this actor's claims (either role, both kinds), as 'Name (claims)', most claims first, ties by name; unnamed counterparts left out.")),
          "One row per actor named in a claim (accuser, accused or denier).",
          null,
          List.of("actor"));

  /** Comment shared by the silhouette and k columns of the cluster tables. */
  private static final String CHOSEN_K =
      " Null (silhouette) or 1 (k) when the input was too small to compare several k: one cluster"
          + " of everything.";

  public static final Table CLUSTERS =
      new Table(
          "clusters",
          schema(
              col(
                  "cluster_id",
                  IntegerType,
                  false,
                  "Cluster number: 0 is the largest cluster, then by size (ties by smallest claim_id). Numbers are stable for one input, not across inputs."),
              col(
                  "label",
                  StringType,
                  false,
                  "Short readable label 'actors: offence terms; denial', e.g. 'state -> state: cyberattack, banks; denied 80%, 'smear''. Actors are the top actor pair when it has at least half of the claims, else the top actor-type pattern when it has, else 'mixed actors'."),
              col("size", LongType, false, "Claims in the cluster (accusations and denials)."),
              col("n_accusations", LongType, false, "ACCUSATION claims in the cluster."),
              col("n_denials", LongType, false, "DENIAL claims in the cluster."),
              col(
                  "share_denied",
                  DoubleType,
                  true,
                  "Share of the cluster's accusations answered by a denial in the same article (a DENIAL whose denies_claim_id is the accusation); null when the cluster has no accusations."),
              col(
                  "top_actor_pairs",
                  DataTypes.createArrayType(StringType),
                  false,
                  "Up to 3 dyads 'accuser -> accused' (oriented as in dyad_counts, so a denial counts under the accusation it answers; '(unnamed)' for an actor the claim does not name), most claims first, ties by text."),
              col(
                  "top_terms",
                  DataTypes.createArrayType(StringType),
                  false,
                  "Up to 5 offence words that mark the cluster (claims in the cluster with the word x ln(1 + all claims / claims with the word)), best first, ties by word."),
              col(
                  "top_outlets",
                  DataTypes.createArrayType(StringType),
                  false,
                  "Up to 3 outlets with the most claims in the cluster, most first, ties by name."),
              col(
                  "representative_claim_ids",
                  DataTypes.createArrayType(StringType),
                  false,
                  "Up to 3 claims closest to the cluster centre, closest first (ties by claim_id), one per distinct sentence (wire copies of a sentence count once)."),
              col(
                  "representative_sentences",
                  DataTypes.createArrayType(StringType),
                  false,
                  "The sentences of representative_claim_ids, in the same order."),
              col(
                  "silhouette",
                  DoubleType,
                  true,
                  "Silhouette (squared Euclidean) of the whole clustering at the chosen k, the same in every row; in [-1, 1], higher is better separated."
                      + CHOSEN_K),
              col(
                  "k",
                  IntegerType,
                  false,
                  "Number of clusters chosen (the k of the highest silhouette in --k-min..--k-max, ties to the smaller k)."
                      + CHOSEN_K)),
          "Patterns of claims: accusations and denials grouped with Spark MLlib k-means on their actor types, country relation and pair, kind, whether answered by a denial, hedging, quotation, and the TF-IDF of offence words and of accusation and denial cues (an accusation carries the cues of its linked denials, a denial those of its accusation, so both fall in one pattern). One row per cluster.",
          null,
          List.of("cluster_id"));

  public static final Table CLAIM_CLUSTERS =
      new Table(
          "claim_clusters",
          schema(
              col("claim_id", StringType, false, "Claim (claims.claim_id)."),
              col("article_id", StringType, false, "Article of the claim."),
              col("cluster_id", IntegerType, false, "Cluster of the claim (clusters.cluster_id)."),
              col(
                  "distance",
                  DoubleType,
                  false,
                  "Euclidean distance from the claim's feature vector to its cluster's centre; smaller is more typical.")),
          "The cluster of every claim: exactly one row per row of claims.",
          null,
          List.of("cluster_id", "claim_id"));

  public static final Table OUTLET_CLUSTERS =
      new Table(
          "outlet_clusters",
          schema(
              col(
                  "outlet_key",
                  StringType,
                  true,
                  "Outlet key (null for claims of articles without an outlet)."),
              col(
                  "outlet",
                  StringType,
                  true,
                  "One label of the outlet: the smallest label seen for outlet_key in articles."),
              col(
                  "cluster_id",
                  IntegerType,
                  false,
                  "Outlet cluster: 0 is the largest, then by size (ties by smallest outlet_key). Outlets are grouped with k-means on their coverage profile: the share of their claims in each claim cluster (which dyads and offences they report) and the share of their accusations they report with the denial."),
              col(
                  "label",
                  StringType,
                  false,
                  "Readable label of the outlet cluster: the claim cluster its outlets report most, with its share of their claims, and how often they give the denial."),
              col("n_claims", LongType, false, "Claims of the outlet."),
              col("n_accusations", LongType, false, "ACCUSATION claims of the outlet."),
              col(
                  "n_accusations_denied",
                  LongType,
                  false,
                  "Accusations of the outlet reported with a denial answering them in the same article."),
              col(
                  "share_denied",
                  DoubleType,
                  true,
                  "n_accusations_denied / n_accusations; null when the outlet reports no accusation."),
              col(
                  "top_claim_clusters",
                  DataTypes.createArrayType(IntegerType),
                  false,
                  "Up to 3 claim clusters (clusters.cluster_id) with the most of the outlet's claims, most first, ties by smaller id."),
              col(
                  "distance",
                  DoubleType,
                  false,
                  "Euclidean distance from the outlet's coverage profile to its cluster's centre."),
              col(
                  "silhouette",
                  DoubleType,
                  true,
                  "Silhouette of the outlet clustering at the chosen k." + CHOSEN_K),
              col("k", IntegerType, false, "Number of outlet clusters chosen." + CHOSEN_K)),
          "Outlets grouped by how they cover the claim patterns: one row per outlet with at least one claim.",
          null,
          List.of("cluster_id", "outlet_key"));

  /** Every table the pipeline writes, in the order the jobs produce them. */
  public static final List<Table> ALL =
      List.of(
          ARTICLES,
          REJECTS,
          CLAIMS,
          DYAD_COUNTS,
          OUTLET_COVERAGE,
          EPISODES,
          ACTOR_SUMMARY,
          CLUSTERS,
          CLAIM_CLUSTERS,
          OUTLET_CLUSTERS);

  /** The tables of the aggregate job. */
  public static final List<Table> AGGREGATES =
      List.of(DYAD_COUNTS, OUTLET_COVERAGE, EPISODES, ACTOR_SUMMARY);

  /** The tables of the cluster job. */
  public static final List<Table> CLUSTER_TABLES =
      List.of(CLUSTERS, CLAIM_CLUSTERS, OUTLET_CLUSTERS);

  /** Looks a table up by folder name; fails naming the known tables. */
  public static Table byName(String name) {
    return ALL.stream()
        .filter(t -> t.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown table '"
                        + name
                        + "', expected one of "
                        + ALL.stream().map(Table::name).toList()));
  }

  /** The comment a column was declared with. */
  public static String comment(StructField field) {
    return field.getComment().isDefined() ? field.getComment().get() : "";
  }

  private static StructType schema(StructField... fields) {
    return new StructType(fields);
  }

  private static StructField col(String name, DataType type, boolean nullable, String comment) {
    Metadata meta = new MetadataBuilder().putString("comment", comment).build();
    return new StructField(name, type, nullable, meta);
  }
}
