package io.riposte.io;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathOverlapTest {

  /** Regression: --input /d/articles --output /d deleted the archive. */
  @ParameterizedTest(name = "{0} / {1}")
  @CsvSource({
    "/d/articles, /d",
    "/d, /d/out",
    "/d/, /d",
    "/d/x/../articles, /d",
    "/d/articles/*.jsonl, /d/articles",
    "hdfs://nn:8020/arch, hdfs://nn:8020/arch/out",
    "file:/d/a, /d"
  })
  void overlappingPathsAreRefused(String input, String output) {
    assertThatThrownBy(() -> PathOverlap.check(List.of(input), output))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("--output: '" + output + "' overlaps --input '" + input + "'");
  }

  @ParameterizedTest(name = "{0} / {1}")
  @CsvSource({
    "/d/articles, /d/out",
    "/d/art, /d/articles",
    "/d/articles/*.jsonl, /d/out",
    "hdfs://nn:8020/arch, hdfs://other:8020/arch",
    "s3a://b/arch, s3a://b/out"
  })
  void separatePathsPass(String input, String output) {
    assertThatCode(() -> PathOverlap.check(List.of(input), output)).doesNotThrowAnyException();
  }
}
