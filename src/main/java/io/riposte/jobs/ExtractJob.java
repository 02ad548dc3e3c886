package io.riposte.jobs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.riposte.extract.ClaimExtractor;
import io.riposte.extract.CueLexicon;
import io.riposte.extract.CuePrefilter;
import io.riposte.extract.Gazetteer;
import io.riposte.io.Outputs;
import io.riposte.io.ReferenceFiles;
import io.riposte.io.Tables;
import io.riposte.offence.OffenceCategoriser;
import io.riposte.run.RunRecord;
import io.riposte.stages.CategoriseOffences;
import io.riposte.stages.ExtractClaims;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** The {@code extract} job: the {@code articles} table to the {@code claims} table. */
public final class ExtractJob {

  /** Where to read and write, and the reference data override. */
  public record Config(String output, String reference) {}

  /** Counts of one extract run. */
  public record Result(long articles, Map<String, Long> claimsByKind) {
    public long claims() {
      return claimsByKind.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  private ExtractJob() {}

  /** Runs the job and fills the record's "extract" section and {@code claims_out}. */
  public static Result run(SparkSession spark, Config config, RunRecord record) {
    ReferenceFiles reference = new ReferenceFiles(config.reference());
    Gazetteer gazetteer =
        Gazetteer.parse(
            reference.lines("gazetteer/actors.tsv"), reference.lines("gazetteer/incidents.tsv"));
    CueLexicon lexicon = CueLexicon.load(reference::lines);
    PipelineModel nlp = ExtractClaims.nlpPipeline(spark, gazetteer.phrases());

    Outputs outputs = new Outputs(spark, config.output());
    Dataset<Row> articles = outputs.read(Tables.ARTICLES);
    OffenceCategoriser offences = OffenceCategoriser.load(reference::lines);
    Dataset<Row> claims =
        CategoriseOffences.apply(
            ExtractClaims.claims(
                ExtractClaims.annotate(
                    ExtractClaims.balance(
                        ExtractClaims.candidates(articles, new CuePrefilter(lexicon.phrases()))),
                    nlp),
                new ClaimExtractor(gazetteer, lexicon)),
            offences);
    outputs.write(Tables.CLAIMS, claims);

    Map<String, Long> byKind = new TreeMap<>();
    for (Row r : outputs.read(Tables.CLAIMS).groupBy("kind").count().collectAsList()) {
      byKind.put(r.getString(0), r.getLong(1));
    }
    Result result = new Result(articles.count(), byKind);
    ObjectNode section = record.section("extract");
    section.put("articles", result.articles());
    section.put("claims", result.claims());
    result.claimsByKind().forEach(section::put);
    section.put("actor_phrases", gazetteer.phrases().size());
    section.put("cue_phrases", lexicon.phrases().size());
    ObjectNode categories = section.putObject("offence_categories");
    for (Row r :
        outputs
            .read(Tables.CLAIMS)
            .groupBy(Tables.OFFENCE_CATEGORY)
            .count()
            .orderBy(Tables.OFFENCE_CATEGORY)
            .collectAsList()) {
      categories.put(r.isNullAt(0) ? "(none)" : r.getString(0), r.getLong(1));
    }
    record.json().put("claims_out", result.claims());
    return result;
  }
}
