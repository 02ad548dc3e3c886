package io.riposte.extract;

import static org.apache.spark.sql.functions.col;

import com.johnsnowlabs.nlp.DocumentAssembler;
import com.johnsnowlabs.nlp.annotators.TextMatcher;
import com.johnsnowlabs.nlp.annotators.Tokenizer;
import com.johnsnowlabs.nlp.annotators.TokenizerModel;
import com.johnsnowlabs.nlp.annotators.sbd.pragmatic.SentenceDetector;
import com.johnsnowlabs.nlp.util.io.ReadAs;
import io.riposte.io.Tables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Articles to claims. Three steps, all lazy:
 *
 * <ol>
 *   <li>{@link #candidates}: only articles whose text contains a cue word go on (a plain-Java scan,
 *       about the cost of reading the text); the rest cannot hold a claim.
 *   <li>{@link #annotate}: Spark NLP's DocumentAssembler, SentenceDetector, Tokenizer and a
 *       TextMatcher over the actor gazetteer's phrases.
 *   <li>{@link #claims}: the plain-Java {@link ClaimExtractor} per article in {@code
 *       mapPartitions}, built once per partition; its claims become rows of the claims table.
 * </ol>
 */
public final class ExtractClaims {

  /**
   * The article columns the claims of an article are made from: an article equal to an earlier one
   * on all of them has the same claims.
   */
  public static final List<String> INPUT_COLUMNS =
      List.of("article_id", "text", "published_date", "outlet", "outlet_key");

  private ExtractClaims() {}

  /** The articles that contain at least one cue phrase. */
  public static Dataset<Row> candidates(Dataset<Row> articles, CuePrefilter prefilter) {
    return articles
        .select(INPUT_COLUMNS.stream().map(functions::col).toArray(Column[]::new))
        .filter((FilterFunction<Row>) r -> prefilter.matches(r.getString(1)));
  }

  /**
   * The ids ({@code article_id}, one column) of the {@code articles} that are in {@code earlier}
   * with the same {@link #INPUT_COLUMNS}: their earlier claims are theirs.
   */
  public static Dataset<Row> unchangedIds(Dataset<Row> articles, Dataset<Row> earlier) {
    Dataset<Row> a = articles.alias("a");
    Dataset<Row> e = earlier.alias("e");
    Column same = null;
    for (String c : INPUT_COLUMNS) {
      Column eq = col("a." + c).eqNullSafe(col("e." + c));
      same = same == null ? eq : same.and(eq);
    }
    return a.join(e, same, "left_semi").select(col("a.article_id").as("article_id"));
  }

  /**
   * Spreads articles over at least {@code 4 x} the cluster's default parallelism, hashed on {@code
   * article_id} (deterministic): the articles table may come in a few large files, and the NLP work
   * per article is what dominates the stage, so a few partitions would leave cores idle.
   */
  public static Dataset<Row> balance(Dataset<Row> articles) {
    int cores = articles.sparkSession().sparkContext().defaultParallelism();
    int partitions = Math.max(articles.rdd().getNumPartitions(), 4 * cores);
    return articles.repartition(partitions, col("article_id"));
  }

  /**
   * Fits the NLP pipeline once: rule-based annotators only (nothing is downloaded), the actor
   * phrases tokenised by the same tokenizer as the text so that "U.S." matches as "U.S" + ".".
   */
  public static PipelineModel nlpPipeline(SparkSession spark, List<String> actorPhrases) {
    DocumentAssembler document = new DocumentAssembler();
    document.setInputCol("text");
    document.setOutputCol("document");
    document.setCleanupMode("disabled");
    SentenceDetector sentences = new SentenceDetector();
    sentences.setInputCols(new String[] {"document"});
    sentences.setOutputCol("sentence");
    Tokenizer tokenizer = new Tokenizer();
    tokenizer.setInputCols(new String[] {"sentence"});
    tokenizer.setOutputCol("token");
    Dataset<Row> empty = spark.createDataset(List.of("x"), Encoders.STRING()).toDF("text");
    TokenizerModel tokenizerModel =
        tokenizer.fit(
            new Pipeline()
                .setStages(new PipelineStage[] {document, sentences})
                .fit(empty)
                .transform(empty));
    TextMatcher actors = new TextMatcher();
    actors.setInputCols(new String[] {"sentence", "token"});
    actors.setOutputCol("actors");
    actors.setCaseSensitive(true);
    actors.setMergeOverlapping(false);
    actors.setBuildFromTokens(false);
    actors.setTokenizer(tokenizerModel);
    actors.setEntities(
        phrasesFile(actorPhrases).toString(),
        ReadAs.TEXT(),
        scala.collection.immutable.Map$.MODULE$.<String, String>empty().updated("format", "text"));
    return new Pipeline()
        .setStages(new PipelineStage[] {document, sentences, tokenizerModel, actors})
        .fit(empty);
  }

  /** Adds the sentence, token and actor annotation columns. */
  public static Dataset<Row> annotate(Dataset<Row> candidates, PipelineModel nlp) {
    return nlp.transform(candidates)
        .select(
            col("article_id"),
            col("text"),
            col("published_date"),
            col("outlet"),
            col("outlet_key"),
            col("sentence.begin").as("sentence_begin"),
            col("sentence.end").as("sentence_end"),
            col("token.begin").as("token_begin"),
            col("token.end").as("token_end"),
            col("token.result").as("token_text"),
            col("actors.begin").as("actor_begin"),
            col("actors.end").as("actor_end"));
  }

  /**
   * Claims of the annotated articles, in the columns of {@link Tables#EXTRACTED_CLAIMS} (the claims
   * table before {@link CategoriseOffences}).
   */
  public static Dataset<Row> claims(Dataset<Row> annotated, ClaimExtractor extractor) {
    FlatMapFunction<Row, Row> extract = row -> claimsOf(extractor, row).iterator();
    return annotated.flatMap(extract, Encoders.row(Tables.EXTRACTED_CLAIMS));
  }

  static List<Row> claimsOf(ClaimExtractor extractor, Row r) {
    Document doc =
        new Document(
            r.getString(0),
            r.getString(1),
            r.isNullAt(2) ? null : r.<Date>getAs(2).toLocalDate(),
            spans(r.getList(5), r.getList(6)),
            tokens(r.getList(7), r.getList(8), r.getList(9)),
            spans(r.getList(10), r.getList(11)),
            List.of());
    List<Row> out = new ArrayList<>();
    for (Claim c : extractor.extract(doc)) {
      out.add(
          RowFactory.create(
              c.articleId(),
              c.claimId(),
              c.kind(),
              c.sourceActor(),
              c.sourceActorId(),
              c.sourceType(),
              c.sourceCountry(),
              c.targetActor(),
              c.targetActorId(),
              c.targetType(),
              c.targetCountry(),
              c.offence(),
              c.cue(),
              c.quoted(),
              c.speaker(),
              c.hedged(),
              c.confidence(),
              c.sentenceIndex(),
              c.sentence(),
              c.begin(),
              c.end(),
              c.resolvedBy(),
              c.deniesClaimId(),
              r.get(3),
              r.get(4),
              r.get(2)));
    }
    return out;
  }

  /** Spark NLP's inclusive ends to exclusive ends. */
  private static List<Span> spans(List<Integer> begins, List<Integer> ends) {
    List<Span> out = new ArrayList<>(begins.size());
    for (int i = 0; i < begins.size(); i++) {
      out.add(new Span(begins.get(i), ends.get(i) + 1));
    }
    return out;
  }

  /**
   * Spark NLP's tokens with inclusive ends made exclusive, and quotes, brackets and clause
   * punctuation split off: the default tokenizer leaves "U.S.,”" as one token after an
   * abbreviation, and the extractor needs "U.S." on its own.
   */
  static List<Token> tokens(List<Integer> begins, List<Integer> ends, List<String> texts) {
    List<Token> out = new ArrayList<>(begins.size());
    for (int i = 0; i < begins.size(); i++) {
      String t = texts.get(i);
      int begin = begins.get(i);
      if (t.length() != ends.get(i) + 1 - begin) {
        out.add(new Token(begin, ends.get(i) + 1, t));
        continue;
      }
      int b = 0;
      int e = t.length();
      while (b < e - 1 && LEADING.indexOf(t.charAt(b)) >= 0) {
        out.add(new Token(begin + b, begin + b + 1, t.substring(b, b + 1)));
        b++;
      }
      int tail = e;
      while (tail - 1 > b && TRAILING.indexOf(t.charAt(tail - 1)) >= 0) {
        tail--;
      }
      out.add(new Token(begin + b, begin + tail, t.substring(b, tail)));
      for (int k = tail; k < e; k++) {
        out.add(new Token(begin + k, begin + k + 1, t.substring(k, k + 1)));
      }
    }
    return out;
  }

  private static final String LEADING = "“\"‘([";
  private static final String TRAILING = ",”\";:)]!?";

  /** The phrases, one per line, in a local file for the TextMatcher to read on the driver. */
  private static Path phrasesFile(List<String> phrases) {
    try {
      Path file = Files.createTempFile("riposte-actor-phrases", ".txt");
      file.toFile().deleteOnExit();
      Files.write(file, new TreeSet<>(phrases), StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the actor phrases for the TextMatcher", e);
    }
  }
}
