package io.riposte.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;

import com.johnsnowlabs.nlp.DocumentAssembler;
import com.johnsnowlabs.nlp.annotators.Tokenizer;
import com.johnsnowlabs.nlp.annotators.sbd.pragmatic.SentenceDetector;
import io.riposte.extract.ClaimExtractor;
import io.riposte.extract.ExtractClaims;
import io.riposte.extract.GuardExtraction;
import io.riposte.io.Outputs;
import io.riposte.io.ReferenceFiles;
import io.riposte.io.Tables;
import io.riposte.run.PeakHeap;
import io.riposte.spark.Sessions;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Extract stage cost against a bare Spark NLP pass, in one JVM over the same articles table:
 *
 * <ul>
 *   <li>bare: DocumentAssembler, SentenceDetector, Tokenizer over every article, summing the number
 *       of sentences and tokens (so all of it runs);
 *   <li>extract: the extract stage as the job runs it (prefilter, NLP with actor matching, claim
 *       extraction), counting the claims.
 * </ul>
 *
 * <p>Both read the articles spread the same way ({@link ExtractClaims#balance}).
 *
 * <p>Arguments: an output root holding {@code articles/} (from {@code ingest}), then the number of
 * rounds (default 1), then which passes: {@code both} (default) or {@code bare}. With both, each
 * round runs both, extract first, and prints seconds and the ratio. With {@code bare}, each round
 * runs the bare pass alone ({@code jobs/bench.sh} takes the extract seconds from the extract job)
 * and prints {@code round R: bare DocumentAssembler -> SentenceDetector -> Tokenizer S s (N
 * articles, N sentences, N tokens)}.
 */
public final class ExtractBenchmark {

  private ExtractBenchmark() {}

  public static void main(String[] args) {
    if (args.length < 1) {
      System.err.println("usage: ExtractBenchmark OUTPUT_ROOT [ROUNDS] [both|bare]");
      System.exit(2);
    }
    PeakHeap.reportAtExitIfAsked();
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    String passes = args.length > 2 ? args[2] : "both";
    if (!passes.equals("both") && !passes.equals("bare")) {
      System.err.println("ExtractBenchmark: passes must be both or bare, got " + passes);
      System.exit(2);
    }
    SparkSession spark = Sessions.create("riposte extract benchmark", null, Map.of());
    try {
      Dataset<Row> articles = new Outputs(spark, args[0]).read(Tables.ARTICLES);
      long n = articles.count();
      if (passes.equals("bare")) {
        PipelineModel bare = barePipeline(articles);
        for (int round = 1; round <= rounds; round++) {
          long t0 = System.nanoTime();
          Row sizes = bareSizes(bare, articles);
          System.out.printf(
              Locale.ROOT,
              "round %d: bare DocumentAssembler -> SentenceDetector -> Tokenizer %.2f s"
                  + " (%d articles, %d sentences, %d tokens)%n",
              round,
              (System.nanoTime() - t0) / 1e9,
              n,
              sizes.getLong(0),
              sizes.getLong(1));
        }
        return;
      }
      ReferenceFiles reference = ReferenceFiles.bundled();
      ClaimExtractor extractor = ClaimExtractor.parsed(reference::lines);
      ExtractClaims extract = ExtractClaims.fit(spark, extractor);
      PipelineModel bare = barePipeline(articles);
      System.out.printf("articles: %d (%s)%n", n, args[0]);
      for (int round = 1; round <= rounds; round++) {
        long t0 = System.nanoTime();
        long candidates = extract.candidates(articles).count();
        double prefilterSeconds = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        long claims = extract.transform(articles).transform(GuardExtraction::claims).count();
        double extractSeconds = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        Row sizes = bareSizes(bare, articles);
        double bareSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(
            "round %d: prefilter alone %.1f s (%d of %d articles are candidates, %.1f%%)%n",
            round, prefilterSeconds, candidates, n, 100.0 * candidates / n);
        System.out.printf(
            "round %d: extract stage %.1f s (%d claims); bare DocumentAssembler -> SentenceDetector"
                + " -> Tokenizer %.1f s (%d sentences, %d tokens); ratio extract/bare = %.2f%n",
            round,
            extractSeconds,
            claims,
            bareSeconds,
            sizes.getLong(0),
            sizes.getLong(1),
            extractSeconds / bareSeconds);
      }
    } finally {
      spark.stop();
    }
  }

  /** Runs the bare pipeline over every article: the number of sentences and of tokens. */
  private static Row bareSizes(PipelineModel bare, Dataset<Row> articles) {
    return bare.transform(ExtractClaims.balance(articles).select("text"))
        .agg(sum(size(col("sentence"))), sum(size(col("token"))))
        .first();
  }

  private static PipelineModel barePipeline(Dataset<Row> articles) {
    DocumentAssembler document = new DocumentAssembler();
    document.setInputCol("text");
    document.setOutputCol("document");
    SentenceDetector sentences = new SentenceDetector();
    sentences.setInputCols(new String[] {"document"});
    sentences.setOutputCol("sentence");
    Tokenizer tokenizer = new Tokenizer();
    tokenizer.setInputCols(new String[] {"sentence"});
    tokenizer.setOutputCol("token");
    return new Pipeline()
        .setStages(new PipelineStage[] {document, sentences, tokenizer})
        .fit(articles.select("text").limit(1));
  }
}
