package io.riposte.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RunRecordTest {

  /** Regression: --conf spark.hadoop.fs.s3a.secret.key=... was written to _run.json in clear. */
  @Test
  void secretLookingConfValuesAreRedacted() {
    assertThat(
            RunRecord.redact(
                List.of(
                    "run",
                    "--conf",
                    "spark.hadoop.fs.s3a.secret.key=AKIAXYZ",
                    "--conf=spark.hadoop.fs.s3a.access.key=ID123",
                    "--conf",
                    "spark.ssl.keyStorePassword=pw",
                    "--conf",
                    "spark.authenticate.token=t0k",
                    "--conf",
                    "spark.sql.shuffle.partitions=8",
                    "--output",
                    "out/key")))
        .containsExactly(
            "run",
            "--conf",
            "spark.hadoop.fs.s3a.secret.key=***",
            "--conf=spark.hadoop.fs.s3a.access.key=***",
            "--conf",
            "spark.ssl.keyStorePassword=***",
            "--conf",
            "spark.authenticate.token=***",
            "--conf",
            "spark.sql.shuffle.partitions=8",
            "--output",
            "out/key");
  }
}
