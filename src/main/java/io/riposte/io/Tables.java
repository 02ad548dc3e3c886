package io.riposte.io;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.List;
import org.apache.spark.sql.types.DataType;
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

  /** A named output table: its folder name under the output root and its fixed schema. */
  public record Table(String name, StructType schema, String description) {}

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

  /** Every table the pipeline writes, in the order the jobs produce them. */
  public static final List<Table> ALL = List.of(ARTICLES, REJECTS, CLAIMS);

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
