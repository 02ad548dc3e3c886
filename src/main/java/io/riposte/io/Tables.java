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

  /** Column name of the offence category, in claims and the tables built from them. */
  public static final String OFFENCE_CATEGORY = "offence_category";

  // Column names shared by several tables (one constant per name; the tables below use them).
  public static final String ARTICLE_ID = "article_id";
  public static final String CLAIM_ID = "claim_id";
  public static final String KIND = "kind";
  public static final String OUTLET = "outlet";
  public static final String OUTLET_KEY = "outlet_key";
  public static final String PUBLISHED_DATE = "published_date";
  public static final String TEXT = "text";
  public static final String SOURCE_ACTOR = "source_actor";
  public static final String TARGET_ACTOR = "target_actor";
  public static final String ACCUSER = "accuser";
  public static final String ACCUSED = "accused";
  public static final String SOURCE_FILE = "source_file";

  /**
   * Column holding the id of the run that wrote a row ({@link #INPUT_FILES}): the only column whose
   * values differ between two runs over the same input, left out when tables are compared.
   */
  public static final String RUN_ID = "run_id";

  public static final String MONTH = "month";

  /**
   * How every table writes an actor that a claim does not name ({@code Claim.UNSPECIFIED}): null.
   * Printed in the data dictionary's header.
   */
  public static final String UNNAMED_ACTOR =
      "An actor a claim does not name (a vague accuser such as \"critics\" or \"officials\", a"
          + " passive without its agent, the unknown accuser of a denial) is null, in claims and in"
          + " every table built from them.";

  /** Field metadata key of a column's example value. */
  private static final String EXAMPLE = "example";

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
                  ARTICLE_ID,
                  StringType,
                  false,
                  "Source id when the input has one, else a stable hash of outlet, url, title and text.",
                  "s18-03"),
              col(
                  OUTLET,
                  StringType,
                  true,
                  "Outlet label as it appears in the input (the reference name when the label is a known alias).",
                  "Wire Service International"),
              col(
                  OUTLET_KEY,
                  StringType,
                  true,
                  "Canonical outlet key from data/outlets.tsv, or the normalised label for unknown outlets.",
                  "wire-service-international"),
              col(
                  "url",
                  StringType,
                  true,
                  "Article URL when known.",
                  "https://wsi-news.example/story/2018/04/14/us-britain-france-strike-syria"),
              col(
                  PUBLISHED_DATE,
                  DateType,
                  true,
                  "Publication date; null when missing or impossible.",
                  "2018-04-14"),
              col(
                  "title",
                  StringType,
                  true,
                  "Headline when known.",
                  "U.S., Britain and France strike Syria over suspected chemical attack"),
              col(
                  TEXT,
                  StringType,
                  false,
                  "Cleaned article text: boilerplate removed, entities decoded, whitespace and quotes normalised. Claim offsets refer to it.",
                  "DAMASCUS, Syria (WSI) — The United States, Britain and France launched missile strikes on ..."),
              col("n_chars", IntegerType, false, "Length of text in characters.", "1888"),
              col(
                  SOURCE_FILE,
                  StringType,
                  false,
                  "File the record was read from.",
                  "file:/data/sample/news-2018.jsonl"),
              col(
                  "content_hash",
                  StringType,
                  false,
                  "SHA-256 (hex) of the text lower-cased with punctuation and whitespace folded; equal for exact copies.",
                  "1b58703db293543e09e6..."),
              col(
                  "dup_group",
                  StringType,
                  false,
                  "article_id of the primary copy of the story: shared by exact and near-duplicate (syndicated) copies.",
                  "s18-03"),
              col(
                  "is_primary",
                  BooleanType,
                  false,
                  "True for exactly one article of each dup_group: the earliest, then the smallest article_id.",
                  "true")),
          "One row per accepted input article, duplicates included (the outlet matters).");

  public static final Table REJECTS =
      new Table(
          "rejects",
          schema(
              col(
                  SOURCE_FILE,
                  StringType,
                  false,
                  "File the record was read from.",
                  "file:/data/sample/news-2018.jsonl"),
              col(
                  "position",
                  LongType,
                  true,
                  "Where in the file: byte offset of the line (JSON lines, in the decompressed stream for .gz), record number from 1 (CSV), row number (Parquet), 0 for whole-file formats. For CORRUPT_FILE, where reading failed (0 for a Parquet file without a valid footer; for a damaged one, the rows read).",
                  "13917"),
              col(
                  "format",
                  StringType,
                  false,
                  "Input format: jsonl, csv, parquet, text, html.",
                  "jsonl"),
              col(
                  "reason",
                  StringType,
                  false,
                  "Reason code: MALFORMED_RECORD, EMPTY_TEXT, TOO_SHORT, OVERSIZE, BINARY_CONTENT, CORRUPT_FILE, DUPLICATE_ID, PROCESSING_ERROR.",
                  "TOO_SHORT"),
              col(
                  "message",
                  StringType,
                  false,
                  "Human-readable detail.",
                  "text of 174 characters is under the minimum of 200"),
              col(
                  "raw_snippet",
                  StringType,
                  true,
                  "Start of the raw record, at most 500 characters.",
                  "Alder Bay ferries resumed normal service on Tuesday morning after ...")),
          "One row per input record that did not become an article, with the reason.");

  public static final Table INPUT_FILES =
      new Table(
          "input_files",
          schema(
              col(
                  "path",
                  StringType,
                  false,
                  "Input file as listed from --input (fully qualified); articles.source_file and rejects.source_file name the same file.",
                  "file:/data/sample/news-2018.jsonl"),
              col(
                  "format",
                  StringType,
                  false,
                  "Input format: jsonl, csv, parquet, text, html.",
                  "jsonl"),
              col(
                  "size_bytes",
                  LongType,
                  false,
                  "File size in bytes when it was read (on disk, compressed for .gz).",
                  "35874"),
              col(
                  "modified_ms",
                  LongType,
                  false,
                  "File modification time when it was read, in milliseconds since 1970-01-01 UTC. A run with --incremental reads a known path again when its size or modification time changed.",
                  "1546246800000"),
              col(
                  "records_in",
                  LongType,
                  false,
                  "Records read from the file: accepted + rejected. Summed over the table, it is the rows of articles plus the rows of rejects.",
                  "22"),
              col(
                  "accepted",
                  LongType,
                  false,
                  "Records of the file that are rows of articles.",
                  "19"),
              col(
                  "rejected",
                  LongType,
                  false,
                  "Records of the file that are rows of rejects.",
                  "3"),
              col(
                  "dates_missing",
                  LongType,
                  false,
                  "Accepted records of the file without a date.",
                  "1"),
              col(
                  "dates_invalid",
                  LongType,
                  false,
                  "Accepted records of the file whose date was impossible or out of range (published_date null).",
                  "1"),
              col(
                  "settings",
                  StringType,
                  false,
                  "The settings the file's articles and claims were made with (JSON: Riposte version, --reference, --format, --field, --min-chars, --max-chars, near-duplicate search; extractor when a run used --extractor rules). A run with --incremental refuses an output made with other settings.",
                  "{\"riposte_version\":\"0.1.0\",\"reference\":null,...}"),
              col(
                  RUN_ID,
                  StringType,
                  true,
                  "Id of the run that read the file (the run_id of its _run.json); null when the ingest job was called outside a run (tests, notebooks).",
                  "20181231T090000Z-4f2a9c1d")),
          "One row per input file read into the output, by this run or (with --incremental) an earlier one: what it was when read and what became of its records.",
          null,
          List.of("path"));

  public static final Table CLAIMS =
      new Table(
          "claims",
          schema(
              col(ARTICLE_ID, StringType, false, "Article the claim was found in.", "s18-03"),
              col(
                  CLAIM_ID,
                  StringType,
                  false,
                  "Stable id: article_id, kind and character offsets.",
                  "s18-03:D:966"),
              col(KIND, StringType, false, "ACCUSATION or DENIAL.", "DENIAL"),
              col(
                  SOURCE_ACTOR,
                  StringType,
                  true,
                  "Accuser (ACCUSATION) or denier (DENIAL), canonical name; null when the claim does not name it (\"critics said\").",
                  "Syria"),
              col(
                  "source_actor_id",
                  StringType,
                  true,
                  "Gazetteer id of the source actor (e.g. state:USA), null for actors not in the gazetteer.",
                  "state:SYR"),
              col("source_type", StringType, true, "state, person, org, group, or null.", "state"),
              col(
                  "source_country",
                  StringType,
                  true,
                  "ISO 3166-1 alpha-3 of the source actor's state, or null.",
                  "SYR"),
              col(
                  TARGET_ACTOR,
                  StringType,
                  true,
                  "Accused (ACCUSATION) or accuser whose accusation is rejected (DENIAL); null when the claim does not name it.",
                  "Donald Trump"),
              col(
                  "target_actor_id",
                  StringType,
                  true,
                  "Gazetteer id of the target actor, or null.",
                  "person:donald-trump"),
              col("target_type", StringType, true, "state, person, org, group, or null.", "person"),
              col(
                  "target_country",
                  StringType,
                  true,
                  "ISO 3166-1 alpha-3 of the target actor's state, or null.",
                  "USA"),
              col(
                  "offence",
                  StringType,
                  true,
                  "Short normalised phrase for what is alleged, cut to its noun phrase (clause words such as 'being behind what he called' removed); null when none is left.",
                  "april 7 attack"),
              col(
                  OFFENCE_CATEGORY,
                  StringType,
                  true,
                  "What is alleged, one of the categories of data/offences/categories.tsv (chemical_weapons, cyberattack, election_interference, corruption, sexual_misconduct, ...), read from the offence phrase, else (a denial) the accusation it answers, else the sentence, else the category most claims of the article have; null when nothing fits.",
                  "chemical_weapons"),
              col(
                  "cue",
                  StringType,
                  false,
                  "The cue words that triggered the claim, as in the text.",
                  "denied"),
              col(
                  "quoted",
                  BooleanType,
                  false,
                  "True when the claim is inside a quotation.",
                  "false"),
              col(
                  "speaker",
                  StringType,
                  true,
                  "Speaker of the quotation, as named in the text, when quoted.",
                  "President Donald Trump"),
              col(
                  "hedged",
                  BooleanType,
                  false,
                  "True when hedged (suspected, likely, reportedly, ...).",
                  "false"),
              col("confidence", DoubleType, false, "Rule confidence in [0, 1].", "0.85"),
              col(
                  "sentence_index",
                  IntegerType,
                  false,
                  "Index of the sentence in the article, from 0, sentences split at line breaks"
                      + " and at `. ! ?` before white space (not after initials or titles:"
                      + " \"U.S.\", \"Sen.\"). `begin`/`end` locate the evidence exactly.",
                  "4"),
              col(
                  "sentence",
                  StringType,
                  false,
                  "The sentence that carries the cue.",
                  "The Syrian government has denied using chemical weapons in Douma and says the attack was staged ..."),
              col(
                  "begin",
                  IntegerType,
                  false,
                  "Start offset of the sentence in articles.text.",
                  "940"),
              col(
                  "end",
                  IntegerType,
                  false,
                  "End offset (exclusive) of the sentence in articles.text.",
                  "1097"),
              col(
                  "resolved_by",
                  StringType,
                  false,
                  "Name of the rule pass that decided the actors.",
                  "svo-active"),
              col(
                  "denies_claim_id",
                  StringType,
                  true,
                  "For a DENIAL: claim_id of the accusation it answers, or null.",
                  "s18-03:A:433"),
              col(
                  OUTLET,
                  StringType,
                  true,
                  "Article's outlet label.",
                  "Wire Service International"),
              col(
                  OUTLET_KEY,
                  StringType,
                  true,
                  "Article's outlet key.",
                  "wire-service-international"),
              col(PUBLISHED_DATE, DateType, true, "Article's publication date.", "2018-04-14")),
          "One row per accusation or denial found in an article.");

  /**
   * The claims as the extractor emits them: the columns of {@link #CLAIMS} without those the {@code
   * CategoriseOffences} stage adds ({@link #OFFENCE_CATEGORY}).
   */
  public static final StructType EXTRACTED_CLAIMS = without(CLAIMS.schema(), OFFENCE_CATEGORY);

  /** Comment shared by the accuser/accused columns of the aggregate tables. */
  private static final String NULL_ACTOR =
      " Null when the claim does not name this actor (null actors are kept and grouped"
          + " together, not dropped).";

  /** Comment of the month columns of the tables counted per month of publication. */
  private static final String MONTH_OF_PUBLICATION =
      "First day of the month of the article's publication date; null for undated articles.";

  /** Comment of the offence category columns of the tables that count claims. */
  private static final String CATEGORY_OF_CLAIMS =
      "Offence category of the claims (claims.offence_category); null when none fits.";

  /** Comment of the outlet label columns of the tables built from articles and claims. */
  private static final String LABEL_OF_OUTLET =
      "The outlet's label: the one most of its articles carry (ties to the smallest), the same in"
          + " every table.";

  public static final Table DYAD_COUNTS =
      new Table(
          "dyad_counts",
          schema(
              col(MONTH, DateType, true, MONTH_OF_PUBLICATION, "2017-10-01"),
              col(
                  ACCUSER,
                  StringType,
                  true,
                  "Who accuses: source_actor of an ACCUSATION, target_actor of a DENIAL (the accuser whose accusation is denied)."
                      + NULL_ACTOR,
                  "United States"),
              col(
                  "accuser_actor_id",
                  StringType,
                  true,
                  "Gazetteer id of the accuser, or null.",
                  "state:USA"),
              col("accuser_type", StringType, true, "state, person, org, group, or null.", "state"),
              col(
                  "accuser_country",
                  StringType,
                  true,
                  "ISO 3166-1 alpha-3 of the accuser's state, or null.",
                  "USA"),
              col(
                  ACCUSED,
                  StringType,
                  true,
                  "Who is accused: target_actor of an ACCUSATION, source_actor of a DENIAL (the denier)."
                      + NULL_ACTOR,
                  "Cuba"),
              col(
                  "accused_actor_id",
                  StringType,
                  true,
                  "Gazetteer id of the accused, or null.",
                  "state:CUB"),
              col("accused_type", StringType, true, "state, person, org, group, or null.", "state"),
              col(
                  "accused_country",
                  StringType,
                  true,
                  "ISO 3166-1 alpha-3 of the accused's state, or null.",
                  "CUB"),
              col(
                  KIND,
                  StringType,
                  false,
                  "ACCUSATION (accuser accuses accused) or DENIAL (accused denies accuser's accusation).",
                  "DENIAL"),
              col(OFFENCE_CATEGORY, StringType, true, CATEGORY_OF_CLAIMS, "cyberattack"),
              col(OUTLET_KEY, StringType, true, "Outlet key of the articles.", "daily-meridian"),
              col(OUTLET, StringType, true, LABEL_OF_OUTLET, "The Daily Meridian"),
              col(
                  "n_claims",
                  LongType,
                  false,
                  "Claims in this row. Every claim is in exactly one row: sums over any rows are claim counts.",
                  "2"),
              col(
                  "n_articles",
                  LongType,
                  false,
                  "Distinct articles with such a claim, copies of one story included. Additive over months and outlets for one dyad, kind and offence category.",
                  "1"),
              col(
                  "n_unique_stories",
                  LongType,
                  false,
                  "Distinct stories (dup_group): each story of a dyad, kind and offence category counts once in the whole table, in the row of its first copy carrying the claim (earliest date, then smallest article_id); other copies count 0. So sums over months and outlets give distinct stories, and sum(n_articles) - sum(n_unique_stories) is the number of repeated copies.",
                  "1"),
              col(
                  "year",
                  IntegerType,
                  true,
                  "Year of month (partition folder year=YYYY; __HIVE_DEFAULT_PARTITION__ for undated).",
                  "2017")),
          "Claims per month, accuser -> accused dyad, kind, offence category and outlet.",
          "year",
          List.of("accuser", "accused", "month", "kind", "outlet_key"));

  public static final Table OUTLET_COVERAGE =
      new Table(
          "outlet_coverage",
          schema(
              col(OUTLET_KEY, StringType, true, "Outlet key.", "northern-courier"),
              col(OUTLET, StringType, true, LABEL_OF_OUTLET, "Northern Courier"),
              col(
                  "month",
                  DateType,
                  true,
                  "First day of the publication month; null for undated articles.",
                  "2018-04-01"),
              col(
                  "n_articles",
                  LongType,
                  false,
                  "Articles, duplicate copies included. Every article is in exactly one row.",
                  "2"),
              col(
                  "n_primary_articles",
                  LongType,
                  false,
                  "Articles that are the primary copy of their story (is_primary).",
                  "1"),
              col(
                  "n_with_accusation",
                  LongType,
                  false,
                  "Articles with at least one ACCUSATION claim.",
                  "1"),
              col(
                  "n_with_denial",
                  LongType,
                  false,
                  "Articles with at least one DENIAL claim.",
                  "1"),
              col(
                  "n_accusation_articles_reporting_denial",
                  LongType,
                  false,
                  "Articles with at least one accusation answered by a denial in the same article (a DENIAL whose denies_claim_id is that accusation). Divide by n_with_accusation for the share of accusing articles that give the denial.",
                  "1")),
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
                  "Stable id: first 16 hex digits of SHA-256 of accuser, accused, offence and first_accusation_date.",
                  "2498deffc751c8a1"),
              col(
                  ACCUSER,
                  StringType,
                  true,
                  "Accuser (source_actor of the accusations)." + NULL_ACTOR,
                  "United States"),
              col(
                  "accuser_actor_id",
                  StringType,
                  true,
                  "Gazetteer id of the accuser, or null.",
                  "state:USA"),
              col(
                  "accuser_country",
                  StringType,
                  true,
                  "ISO 3166-1 alpha-3 of the accuser's state, or null.",
                  "USA"),
              col(
                  ACCUSED,
                  StringType,
                  true,
                  "Accused (target_actor of the accusations)." + NULL_ACTOR,
                  "North Korea"),
              col(
                  "accused_actor_id",
                  StringType,
                  true,
                  "Gazetteer id of the accused, or null.",
                  "state:PRK"),
              col(
                  "accused_country",
                  StringType,
                  true,
                  "ISO 3166-1 alpha-3 of the accused's state, or null.",
                  "PRK"),
              col(
                  "offence",
                  StringType,
                  true,
                  "Offence of the accusations, lower-cased and trimmed; null when the accusations name none (those form their own bucket per dyad).",
                  "wannacry cyberattack"),
              col(
                  OFFENCE_CATEGORY,
                  StringType,
                  true,
                  "Offence category most of the episode's accusations have (claims.offence_category), ties to the first in alphabetical order; null when none of them has one.",
                  "cyberattack"),
              col(
                  "first_accusation_date",
                  DateType,
                  false,
                  "Earliest publication date of an accusation of the episode.",
                  "2017-12-19"),
              col(
                  "last_accusation_date",
                  DateType,
                  false,
                  "Latest publication date of an accusation of the episode; the episode takes denials up to this date plus the window.",
                  "2017-12-19"),
              col(
                  "first_denial_date",
                  DateType,
                  true,
                  "Earliest publication date of a denial of the episode; null when never denied.",
                  "2017-12-19"),
              col(
                  "days_to_denial",
                  IntegerType,
                  true,
                  "first_denial_date - first_accusation_date in days (0: denied in the first reports); null when never denied.",
                  "0"),
              col("n_accusations", LongType, false, "Accusation claims of the episode.", "1"),
              col(
                  "n_accusation_articles",
                  LongType,
                  false,
                  "Articles reporting the accusation, copies included.",
                  "1"),
              col(
                  "n_accusation_stories",
                  LongType,
                  false,
                  "Distinct stories (dup_group) reporting the accusation.",
                  "1"),
              col(
                  "n_accusation_outlets",
                  LongType,
                  false,
                  "Distinct outlets (outlet_key) reporting the accusation.",
                  "1"),
              col("n_denials", LongType, false, "Denial claims of the episode.", "1"),
              col("n_denial_articles", LongType, false, "Articles reporting a denial.", "1"),
              col("n_denial_outlets", LongType, false, "Distinct outlets reporting a denial.", "1"),
              col(
                  "example_claim_ids",
                  DataTypes.createArrayType(StringType),
                  false,
                  "Up to 5 claim_ids of the episode (accusations and denials), the smallest in sort order.",
                  "['s18-07:A:64', 's18-07:D:805']"),
              col(
                  "year",
                  IntegerType,
                  false,
                  "Year of first_accusation_date (partition folder year=YYYY).",
                  "2017")),
          "Accusation-denial episodes: accusations of one accuser, accused and offence whose dates are no more than --episode-window-days apart (default 30), with the denials that answer them. Dated accusations only. A denial linked to an accusation (denies_claim_id) joins that accusation's episode; another dated denial joins the episode of its accused (the denier) whose span [first accusation, last accusation + window] holds its date, with the same accuser and offence, where a null accuser or offence on the denial matches any (exact matches first, then the latest episode). Undated or unmatched denials are in no episode (counted in _run.json).",
          "year",
          List.of("accuser", "accused", "first_accusation_date"));

  public static final Table ACTOR_SUMMARY =
      new Table(
          "actor_summary",
          schema(
              col("actor", StringType, false, "Canonical actor name, as in claims.", "Cuba"),
              col(
                  "actor_id",
                  StringType,
                  true,
                  "Gazetteer id, or null for actors not in it.",
                  "state:CUB"),
              col("actor_type", StringType, true, "state, person, org, group, or null.", "state"),
              col(
                  "actor_country",
                  StringType,
                  true,
                  "ISO 3166-1 alpha-3 of the actor's state, or null.",
                  "CUB"),
              col(
                  "n_accusing",
                  LongType,
                  false,
                  "ACCUSATION claims with this actor as accuser (copies of a story each count).",
                  "1"),
              col(
                  "n_accused",
                  LongType,
                  false,
                  "ACCUSATION claims with this actor as accused.",
                  "1"),
              col(
                  "n_denying",
                  LongType,
                  false,
                  "DENIAL claims with this actor as the denier.",
                  "2"),
              col(
                  "top_counterparts",
                  DataTypes.createArrayType(StringType),
                  false,
                  "Up to 5 actors on the other side of this actor's claims (either role, both kinds), as 'Name (claims)', most claims first, ties by name; unnamed counterparts left out.",
                  "['United States (4)']")),
          "One row per actor named in a claim (accuser, accused or denier).",
          null,
          List.of("actor"));

  /** The figures of the report's chart of accusations per month by offence category. */
  public static final Table OFFENCE_MONTHS =
      new Table(
          "offence_months",
          schema(
              col(MONTH, DateType, true, MONTH_OF_PUBLICATION, "2018-04-01"),
              col(OFFENCE_CATEGORY, StringType, true, CATEGORY_OF_CLAIMS, "chemical_weapons"),
              col(KIND, StringType, false, "ACCUSATION or DENIAL (claims.kind).", "ACCUSATION"),
              col(
                  "n_claims",
                  LongType,
                  false,
                  "Claims in this row. Every claim is in exactly one row: sums over any rows are claim counts.",
                  "5"),
              col(
                  "n_articles",
                  LongType,
                  false,
                  "Distinct articles with such a claim, copies of one story included. Additive over months for one category and kind (an article has one month), not over categories or kinds (an article may carry several).",
                  "3"),
              col(
                  "n_outlets",
                  LongType,
                  false,
                  "Distinct outlets (outlet_key) with such a claim in the month; articles without an outlet are not counted. Not additive: an outlet counts in every row it has a claim in.",
                  "3")),
          "Claims per month, offence category and kind (accusation or denial): the figures behind the report's chart of accusations per month by offence category.",
          null,
          List.of(MONTH, OFFENCE_CATEGORY, KIND));

  /** Comment shared by the silhouette and k columns of the cluster tables. */
  private static final String CHOSEN_K =
      " Null (silhouette) or 1 (k) when everything is one cluster (too few rows to compare several"
          + " k; for claims, one offence category too small or too alike to split).";

  public static final Table CLUSTERS =
      new Table(
          "clusters",
          schema(
              col(
                  "cluster_id",
                  IntegerType,
                  false,
                  "Cluster number: 0 is the largest cluster, then by size (ties by smallest claim_id). Numbers are stable for one input, not across inputs.",
                  "2"),
              col(
                  "label",
                  StringType,
                  false,
                  "Short readable label 'offence category (terms): actors; denial', what is alleged first, e.g. 'cyberattack (banks, grid): state -> state; denied 80%, 'smear''. The category is offence_category when it has at least half of the claims ('offence not categorised' when most claims have none), else the two largest categories with their shares of the claims ('sexual misconduct 38% / abuse of power 21%'); up to two top terms not already in it follow. Actors are the top actor pair when it has at least half of the claims, else the top actor-type pattern when it has, else 'mixed actors'.",
                  "chemical weapons (april): Donald Trump -> Syria; denied 50%, 'denied'"),
              col(
                  "size",
                  LongType,
                  false,
                  "Claims in the cluster (accusations and denials).",
                  "12"),
              col(
                  OFFENCE_CATEGORY,
                  StringType,
                  true,
                  "The offence category most claims of the cluster have (claims.offence_category), ties by name; null when most have none.",
                  "chemical_weapons"),
              col(
                  "n_offence_category",
                  LongType,
                  false,
                  "Claims of the cluster with that category (0 when offence_category is null).",
                  "11"),
              col("n_accusations", LongType, false, "ACCUSATION claims in the cluster.", "6"),
              col("n_denials", LongType, false, "DENIAL claims in the cluster.", "6"),
              col(
                  "share_denied",
                  DoubleType,
                  true,
                  "Share of the cluster's accusations answered by a denial in the same article (a DENIAL whose denies_claim_id is the accusation); null when the cluster has no accusations.",
                  "0.5"),
              col(
                  "top_actor_pairs",
                  DataTypes.createArrayType(StringType),
                  false,
                  "Up to 3 dyads 'accuser -> accused' (oriented as in dyad_counts, so a denial counts under the accusation it answers; '(unnamed)' for an actor the claim does not name), most claims first, ties by text.",
                  "['Donald Trump -> Syria', 'Donald Trump -> Bashar al-Assad']"),
              col(
                  "top_terms",
                  DataTypes.createArrayType(StringType),
                  false,
                  "Up to 5 offence words that mark the cluster (claims in the cluster with the word x ln(1 + all claims / claims with the word)), best first, ties by word.",
                  "['april', 'attack']"),
              col(
                  "top_outlets",
                  DataTypes.createArrayType(StringType),
                  false,
                  "Up to 3 outlets with the most claims in the cluster, most first, ties by name.",
                  "['Northern Courier', 'The Daily Meridian']"),
              col(
                  "representative_claim_ids",
                  DataTypes.createArrayType(StringType),
                  false,
                  "Up to 3 claims closest to the cluster centre, closest first (ties by claim_id), one per distinct sentence (wire copies of a sentence count once).",
                  "['s18-10:D:991', 's18-03:A:519']"),
              col(
                  "representative_sentences",
                  DataTypes.createArrayType(StringType),
                  false,
                  "The sentences of representative_claim_ids, in the same order.",
                  "['The Syrian government has denied using chemical weapons in Douma ...']"),
              col(
                  "silhouette",
                  DoubleType,
                  true,
                  "Silhouette (squared Euclidean) of the whole clustering, the same in every row; in [-1, 1], higher is better separated. Over all claims, or over the sample the clusters were fitted on when there are more than 20,000."
                      + CHOSEN_K,
                  "0.382"),
              col(
                  "k",
                  IntegerType,
                  false,
                  "Number of clusters: one per offence category, or --k-min..--k-max (at most one per 50 claims) for a category split by silhouette, plus one for the claims without a category."
                      + CHOSEN_K,
                  "12")),
          "Patterns of claims: accusations and denials grouped by offence category first (a cluster holds one category, or the claims without one), then within a category with k-means on their actor types, country relation and pair, kind, whether answered by a denial, hedging, quotation, and the TF-IDF of offence words and of accusation and denial cues (an accusation carries the cues of its linked denials, a denial those of its accusation, so both fall in one pattern). One row per cluster.",
          null,
          List.of("cluster_id"));

  public static final Table CLAIM_CLUSTERS =
      new Table(
          "claim_clusters",
          schema(
              col(CLAIM_ID, StringType, false, "Claim (claims.claim_id).", "s18-07:A:64"),
              col(ARTICLE_ID, StringType, false, "Article of the claim.", "s18-07"),
              col(
                  "cluster_id",
                  IntegerType,
                  false,
                  "Cluster of the claim (clusters.cluster_id).",
                  "1"),
              col(
                  "distance",
                  DoubleType,
                  false,
                  "Euclidean distance from the claim's feature vector to its cluster's centre; smaller is more typical.",
                  "0.84")),
          "The cluster of every claim: exactly one row per row of claims.",
          null,
          List.of("cluster_id", "claim_id"));

  public static final Table OUTLET_CLUSTERS =
      new Table(
          "outlet_clusters",
          schema(
              col(
                  OUTLET_KEY,
                  StringType,
                  true,
                  "Outlet key (null for claims of articles without an outlet).",
                  "harbor-gazette"),
              col(OUTLET, StringType, true, LABEL_OF_OUTLET, "Harbor Gazette"),
              col(
                  "cluster_id",
                  IntegerType,
                  false,
                  "Outlet cluster: 0 is the largest, then by size (ties by smallest outlet_key). Outlets are grouped with k-means on their coverage profile: the share of their claims in each claim cluster (which dyads and offences they report) and the share of their accusations they report with the denial.",
                  "1"),
              col(
                  "label",
                  StringType,
                  false,
                  "Readable label of the outlet cluster: the claim cluster its outlets report most, with its share of their claims, and how often they give the denial.",
                  "mostly #1 (47% of claims); gives the denial for 100% of accusations: state -> state: ..."),
              col("n_claims", LongType, false, "Claims of the outlet.", "9"),
              col("n_accusations", LongType, false, "ACCUSATION claims of the outlet.", "3"),
              col(
                  "n_accusations_denied",
                  LongType,
                  false,
                  "Accusations of the outlet reported with a denial answering them in the same article.",
                  "3"),
              col(
                  "share_denied",
                  DoubleType,
                  true,
                  "n_accusations_denied / n_accusations; null when the outlet reports no accusation.",
                  "1.0"),
              col(
                  "top_claim_clusters",
                  DataTypes.createArrayType(IntegerType),
                  false,
                  "Up to 3 claim clusters (clusters.cluster_id) with the most of the outlet's claims, most first, ties by smaller id.",
                  "[1, 8, 3]"),
              col(
                  "distance",
                  DoubleType,
                  false,
                  "Euclidean distance from the outlet's coverage profile to its cluster's centre.",
                  "0.21"),
              col(
                  "silhouette",
                  DoubleType,
                  true,
                  "Silhouette of the outlet clustering at the chosen k." + CHOSEN_K,
                  "0.392"),
              col("k", IntegerType, false, "Number of outlet clusters chosen." + CHOSEN_K, "2")),
          "Outlets grouped by how they cover the claim patterns: one row per outlet with at least one claim.",
          null,
          List.of("cluster_id", "outlet_key"));

  public static final Table EXTRACT_REJECTS =
      new Table(
          "extract_rejects",
          schema(
              col(
                  ARTICLE_ID,
                  StringType,
                  false,
                  "Article (articles.article_id) whose extraction failed or was cut short.",
                  "s18-03"),
              col(
                  "reason",
                  StringType,
                  false,
                  "EXTRACT_ERROR: the claim extractor threw on this article, which has no claims; TRUNCATED: the text was cut to the NLP cap (200,000 characters) first, claims after it are missing.",
                  "TRUNCATED"),
              col(
                  "message",
                  StringType,
                  false,
                  "The exception (EXTRACT_ERROR) or the text length and the cap (TRUNCATED).",
                  "text of 999046 characters cut to the first 200000 before the NLP")),
          "One row per article the extract job could not read whole: an extractor failure or a text over the NLP cap. Articles without a cue word are not here (they need no NLP).",
          null,
          List.of("article_id"));

  /** Every table the pipeline writes, in the order the jobs produce them. */
  public static final List<Table> ALL =
      List.of(
          ARTICLES,
          REJECTS,
          INPUT_FILES,
          CLAIMS,
          EXTRACT_REJECTS,
          DYAD_COUNTS,
          OUTLET_COVERAGE,
          EPISODES,
          ACTOR_SUMMARY,
          OFFENCE_MONTHS,
          CLUSTERS,
          CLAIM_CLUSTERS,
          OUTLET_CLUSTERS);

  /** The tables of the aggregate job. */
  public static final List<Table> AGGREGATES =
      List.of(DYAD_COUNTS, OUTLET_COVERAGE, EPISODES, ACTOR_SUMMARY, OFFENCE_MONTHS);

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

  /** A row of {@code schema} built by column name (see {@link RowBuilder}). */
  public static RowBuilder row(StructType schema) {
    return new RowBuilder(schema);
  }

  /** The comment a column was declared with. */
  public static String comment(StructField field) {
    return field.getComment().isDefined() ? field.getComment().get() : "";
  }

  /** The example value a column was declared with, as an analyst would see it; "" when none. */
  public static String example(StructField field) {
    return field.metadata().contains(EXAMPLE) ? field.metadata().getString(EXAMPLE) : "";
  }

  private static StructType without(StructType schema, String column) {
    return new StructType(
        java.util.Arrays.stream(schema.fields())
            .filter(f -> !f.name().equals(column))
            .toArray(StructField[]::new));
  }

  private static StructType schema(StructField... fields) {
    return new StructType(fields);
  }

  /**
   * A column with its meaning and an example value (both in the field metadata, so they travel with
   * the schema; the data dictionary prints them).
   */
  private static StructField col(
      String name, DataType type, boolean nullable, String comment, String example) {
    Metadata meta =
        new MetadataBuilder().putString("comment", comment).putString(EXAMPLE, example).build();
    return new StructField(name, type, nullable, meta);
  }

  /** A column without an example; {@code DataDictionaryTest} asks for one on every column. */
  private static StructField col(String name, DataType type, boolean nullable, String comment) {
    Metadata meta = new MetadataBuilder().putString("comment", comment).build();
    return new StructField(name, type, nullable, meta);
  }
}
