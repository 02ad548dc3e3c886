package io.riposte.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.SparkTests;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

/** The ingest stage that keeps article ids unique. */
class BuildArticlesSparkTest {

  private static Row built(String id, String file, long position, String text, String reason) {
    return RowFactory.create(
        id,
        "Daily Planet",
        "daily-planet",
        null,
        null,
        "missing",
        null,
        text,
        text.length(),
        file,
        "h-" + text,
        position,
        "jsonl",
        reason,
        reason == null ? null : "rejected earlier",
        reason == null ? null : text);
  }

  @Test
  void aSecondRowWithATakenIdIsRejectedWithAMessageAndItsText() {
    Dataset<Row> rows =
        SparkTests.session()
            .createDataFrame(
                List.of(
                    built("a1", "file:/in/b.jsonl", 0, "The mayor denied the report.", null),
                    built("a1", "file:/in/a.jsonl", 7, "The council accused the mayor.", null),
                    built("a2", "file:/in/a.jsonl", 8, "x", "TOO_SHORT"),
                    built("a3", "file:/in/a.jsonl", 9, "The port reopened.", null)),
                BuildArticles.BUILT);

    List<Row> out =
        BuildArticles.rejectDuplicateIds(rows)
            .select("article_id", "source_file", "reason", "message", "raw_snippet")
            .orderBy("source_file", "article_id")
            .collectAsList();

    assertThat(out)
        .extracting(Row::toString)
        .containsExactly(
            "[a1,file:/in/a.jsonl,null,null,null]",
            "[a2,file:/in/a.jsonl,TOO_SHORT,rejected earlier,x]",
            "[a3,file:/in/a.jsonl,null,null,null]",
            "[a1,file:/in/b.jsonl,DUPLICATE_ID,article_id 'a1' is already taken,"
                + "The mayor denied the report.]");
    assertThat(BuildArticles.rejectDuplicateIds(rows).columns())
        .containsExactly(BuildArticles.BUILT.fieldNames());
  }
}
