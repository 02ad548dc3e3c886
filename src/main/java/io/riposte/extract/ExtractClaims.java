package io.riposte.extract;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.udf;

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
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Articles to claims, as an MLlib-style estimator and its model: {@link #fit} prepares on the
 * driver, once per run, what the stage needs (the Spark NLP pipeline fitted with the actor
 * gazetteer's phrases, the cue prefilter); {@link #transform} is then a pure, lazy {@code Dataset
 * -> Dataset} step, chained in the job with {@code articles.transform(extract::transform)}:
 *
 * <ol>
 *   <li>{@link #candidates}: only articles whose text contains a cue word go on (a plain-Java scan,
 *       about the cost of reading the text); the rest cannot hold a claim.
 *   <li>{@link GuardExtraction#capText}: the text cut to the NLP cap.
 *   <li>{@link #window}: the windows around candidate sentences (a plain-Java scan): Spark NLP
 *       reads only those, and {@link #claimsOf} maps its offsets back to the article.
 *   <li>{@link #balance}: spread over the cores.
 *   <li>{@link #annotate}: Spark NLP's DocumentAssembler, SentenceDetector, Tokenizer and a
 *       TextMatcher over the actor gazetteer's phrases.
 *   <li>{@link GuardExtraction#apply}: the plain-Java {@link ClaimExtractor} per article ({@link
 *       #claimsOf}), one article's failure caught as a row of its own.
 * </ol>
 *
 * <p>A fit, not a static {@code apply}: the NLP pipeline must be fitted with a session and the
 * phrases written to a local file for the TextMatcher, which a pure stage may not do; fitting once
 * keeps that out of {@link #transform}.
 */
public final class ExtractClaims {

  // Columns of annotate's rows besides the articles columns it keeps.
  static final String SENTENCE_BEGIN = "sentence_begin";
  static final String SENTENCE_END = "sentence_end";
  static final String TOKEN_BEGIN = "token_begin";
  static final String TOKEN_END = "token_end";
  static final String TOKEN_TEXT = "token_text";
  static final String ACTOR_BEGIN = "actor_begin";
  static final String ACTOR_END = "actor_end";

  /**
   * The articles columns the stage reads, which the claims of an article are made from: an article
   * equal to an earlier one on all of them has the same claims.
   */
  public static final List<String> INPUT_COLUMNS =
      List.of(
          Tables.ARTICLE_ID, Tables.TEXT, Tables.PUBLISHED_DATE, Tables.OUTLET, Tables.OUTLET_KEY);

  private static final String[] ARTICLE_COLUMNS = INPUT_COLUMNS.toArray(String[]::new);

  private final PipelineModel nlp;
  private final ClaimExtractor extractor;
  private final CuePrefilter prefilter;
  private final CandidateWindows windows;

  /** The column the NLP pipeline reads: the text cut to its windows. */
  static final String WINDOWS = "nlp_text";

  /** {@link CandidateWindows.Kept#jumps} of {@link #WINDOWS}: its offsets back to the article. */
  static final String JUMPS = "nlp_jumps";

  private static final StructType KEPT =
      new StructType()
          .add(WINDOWS, DataTypes.StringType, true)
          .add(JUMPS, DataTypes.createArrayType(DataTypes.IntegerType, false), false);

  private ExtractClaims(
      PipelineModel nlp,
      ClaimExtractor extractor,
      CuePrefilter prefilter,
      CandidateWindows windows) {
    this.nlp = nlp;
    this.extractor = extractor;
    this.prefilter = prefilter;
    this.windows = windows;
  }

  /** Fits the NLP pipeline to the extractor's gazetteer and builds its cue prefilter. */
  public static ExtractClaims fit(SparkSession spark, ClaimExtractor extractor) {
    return new ExtractClaims(
        nlpPipeline(spark, extractor.gazetteer().phrases()),
        extractor,
        new CuePrefilter(extractor.prefilterPhrases()),
        extractor.windows());
  }

  /**
   * Articles rows (the articles table) to the outcome rows of {@link GuardExtraction#apply}: the
   * claims in the columns of {@link Tables#EXTRACTED_CLAIMS}, plus one row per article whose
   * extraction failed. {@link GuardExtraction#claims} and {@link GuardExtraction#errors} split
   * them.
   */
  public Dataset<Row> transform(Dataset<Row> articles) {
    ClaimExtractor perArticle = extractor;
    return articles
        .transform(this::candidates)
        .transform(GuardExtraction::capText)
        .transform(this::window)
        .transform(ExtractClaims::balance)
        .transform(this::annotate)
        .transform(annotated -> GuardExtraction.apply(annotated, perArticle));
  }

  /** The articles that contain at least one cue phrase, in the columns the stage reads. */
  public Dataset<Row> candidates(Dataset<Row> articles) {
    CuePrefilter cues = prefilter;
    return articles
        .select(cols(ARTICLE_COLUMNS))
        .filter((FilterFunction<Row>) r -> cues.matches(r.<String>getAs(Tables.TEXT)));
  }

  /**
   * Adds {@link #WINDOWS}, the text the NLP pipeline reads (see {@link CandidateWindows}), and
   * {@link #JUMPS}, and keeps only articles with a window: one without a candidate sentence cannot
   * hold a claim.
   */
  Dataset<Row> window(Dataset<Row> candidates) {
    CandidateWindows w = windows;
    // Marked nondeterministic (it is not) so that the optimizer does not inline it into the filter
    // and the projections: one scan per article.
    UserDefinedFunction keep =
        udf(
                (UDF1<String, Row>)
                    t -> {
                      CandidateWindows.Kept k = w.keep(t);
                      return RowFactory.create(k.text(), k.jumps());
                    },
                KEPT)
            .asNondeterministic();
    return candidates
        .withColumn("kept", keep.apply(col(Tables.TEXT)))
        .withColumn(WINDOWS, col("kept." + WINDOWS))
        .withColumn(JUMPS, col("kept." + JUMPS))
        .drop("kept")
        .where(length(col(WINDOWS)).gt(0));
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
    return a.join(e, same, "left_semi").select(col("a." + Tables.ARTICLE_ID).as(Tables.ARTICLE_ID));
  }

  /**
   * Spreads articles over at least {@code 4 x} the cluster's default parallelism, hashed on {@code
   * article_id} (deterministic): the articles table may come in a few large files, and the NLP work
   * per article is what dominates the stage, so a few partitions would leave cores idle.
   */
  public static Dataset<Row> balance(Dataset<Row> articles) {
    int cores = articles.sparkSession().sparkContext().defaultParallelism();
    int partitions = Math.max(articles.rdd().getNumPartitions(), 4 * cores);
    return articles.repartition(partitions, col(Tables.ARTICLE_ID));
  }

  /**
   * Fits the NLP pipeline once: rule-based annotators only (nothing is downloaded), the actor
   * phrases tokenised by the same tokenizer as the text so that "U.S." matches as "U.S" + ".".
   */
  private static PipelineModel nlpPipeline(SparkSession spark, List<String> actorPhrases) {
    DocumentAssembler document = new DocumentAssembler();
    document.setInputCol(WINDOWS);
    document.setOutputCol("document");
    document.setCleanupMode("disabled");
    SentenceDetector sentences = new SentenceDetector();
    sentences.setInputCols(new String[] {"document"});
    sentences.setOutputCol("sentence");
    Tokenizer tokenizer = new Tokenizer();
    tokenizer.setInputCols(new String[] {"sentence"});
    tokenizer.setOutputCol("token");
    Dataset<Row> empty = spark.createDataset(List.of("x"), Encoders.STRING()).toDF(WINDOWS);
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
  Dataset<Row> annotate(Dataset<Row> candidates) {
    return nlp.transform(candidates)
        .select(
            col(Tables.ARTICLE_ID),
            col(Tables.TEXT),
            col(Tables.PUBLISHED_DATE),
            col(Tables.OUTLET),
            col(Tables.OUTLET_KEY),
            col(JUMPS),
            col("sentence.begin").as(SENTENCE_BEGIN),
            col("sentence.end").as(SENTENCE_END),
            col("token.begin").as(TOKEN_BEGIN),
            col("token.end").as(TOKEN_END),
            col("token.result").as(TOKEN_TEXT),
            col("actors.begin").as(ACTOR_BEGIN),
            col("actors.end").as(ACTOR_END));
  }

  /**
   * The claims of one annotated article (a row of {@link #annotate}), as rows of {@link
   * Tables#EXTRACTED_CLAIMS} (the claims table before {@link CategoriseOffences}).
   */
  static List<Row> claimsOf(ClaimExtractor extractor, Row r) {
    Date published = r.getAs(Tables.PUBLISHED_DATE);
    String text = r.getAs(Tables.TEXT);
    int[] jumps = ints(list(r, JUMPS));
    List<Token> tokens =
        tokens(
            original(list(r, TOKEN_BEGIN), jumps),
            original(list(r, TOKEN_END), jumps),
            list(r, TOKEN_TEXT));
    Document doc =
        new Document(
            r.getAs(Tables.ARTICLE_ID),
            text,
            published == null ? null : published.toLocalDate(),
            trim(
                spans(
                    original(list(r, SENTENCE_BEGIN), jumps),
                    original(list(r, SENTENCE_END), jumps)),
                tokens),
            tokens,
            spans(original(list(r, ACTOR_BEGIN), jumps), original(list(r, ACTOR_END), jumps)),
            List.of());
    List<Claim> claims = extractor.extract(doc);
    int[] starts = claims.isEmpty() ? new int[0] : sentenceStarts(text);
    List<Row> out = new ArrayList<>();
    for (Claim c : claims) {
      out.add(
          Tables.row(Tables.EXTRACTED_CLAIMS)
              .set(Tables.ARTICLE_ID, c.articleId())
              .set(Tables.CLAIM_ID, c.claimId())
              .set(Tables.KIND, c.kind())
              .set(Tables.SOURCE_ACTOR, c.sourceActor())
              .set("source_actor_id", c.sourceActorId())
              .set("source_type", c.sourceType())
              .set("source_country", c.sourceCountry())
              .set(Tables.TARGET_ACTOR, c.targetActor())
              .set("target_actor_id", c.targetActorId())
              .set("target_type", c.targetType())
              .set("target_country", c.targetCountry())
              .set("offence", c.offence())
              .set("cue", c.cue())
              .set("quoted", c.quoted())
              .set("speaker", c.speaker())
              .set("hedged", c.hedged())
              .set("confidence", c.confidence())
              .set("sentence_index", sentenceIndex(starts, c.begin()))
              .set("sentence", c.sentence())
              .set("begin", c.begin())
              .set("end", c.end())
              .set("resolved_by", c.resolvedBy())
              .set("denies_claim_id", c.deniesClaimId())
              .set(Tables.OUTLET, r.getAs(Tables.OUTLET))
              .set(Tables.OUTLET_KEY, r.getAs(Tables.OUTLET_KEY))
              .set(Tables.PUBLISHED_DATE, published)
              .build());
    }
    return out;
  }

  /**
   * Sentences cut to their first and last token: the NLP read the windowed text, where a sentence
   * may begin in the space left for a cut one. Sentences without a token are dropped.
   */
  static List<Span> trim(List<Span> sentences, List<Token> tokens) {
    List<Span> out = new ArrayList<>(sentences.size());
    int t = 0;
    for (Span s : sentences) {
      while (t < tokens.size() && tokens.get(t).begin() < s.begin()) {
        t++;
      }
      int first = t;
      while (t < tokens.size() && tokens.get(t).end() <= s.end()) {
        t++;
      }
      if (t > first) {
        out.add(new Span(tokens.get(first).begin(), tokens.get(t - 1).end()));
      }
    }
    return out;
  }

  /**
   * Where the article's sentences start, as {@link CandidateWindows#split} finds them over the
   * whole text (blank spans skipped): the NLP read only the windows, so its sentence count is not
   * the article's.
   */
  static int[] sentenceStarts(String text) {
    List<int[]> spans = CandidateWindows.split(text);
    int[] starts = new int[spans.size()];
    int n = 0;
    for (int[] s : spans) {
      int b = s[0];
      while (b < s[1] && Character.isWhitespace(text.charAt(b))) {
        b++;
      }
      if (b < s[1]) {
        starts[n++] = b;
      }
    }
    return Arrays.copyOf(starts, n);
  }

  /** The index of the article sentence holding offset {@code begin} (0 before the first). */
  static int sentenceIndex(int[] starts, int begin) {
    int i = Arrays.binarySearch(starts, begin);
    return Math.max(0, i >= 0 ? i : -i - 2);
  }

  /**
   * Offsets into the windowed text mapped to the article's: Spark NLP's inclusive ends too, which
   * fall on a character of the windows, never in a cut.
   */
  static List<Integer> original(List<Integer> offsets, int[] jumps) {
    if (jumps.length == 0) {
      return offsets;
    }
    List<Integer> out = new ArrayList<>(offsets.size());
    for (int o : offsets) {
      out.add(CandidateWindows.original(jumps, o));
    }
    return out;
  }

  private static int[] ints(List<Integer> values) {
    int[] out = new int[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i);
    }
    return out;
  }

  private static <T> List<T> list(Row r, String column) {
    return r.getList(r.fieldIndex(column));
  }

  private static Column[] cols(String[] names) {
    return Arrays.stream(names).map(n -> col(n)).toArray(Column[]::new);
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
