package io.riposte.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.SparkTests;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DataDictionaryTest {

  @Test
  void docsMatchTheSchemasInCode() throws Exception {
    Path doc = SparkTests.repo().resolve("docs/data-dictionary.md");
    assertThat(Files.readString(doc))
        .as(
            "docs/data-dictionary.md is stale: regenerate it with"
                + " 'jobs/riposte dictionary > docs/data-dictionary.md'")
        .isEqualTo(DataDictionary.markdown());
  }

  @Test
  void everyColumnIsDescribed() {
    for (Tables.Table t : Tables.ALL) {
      for (var f : t.schema().fields()) {
        assertThat(Tables.comment(f)).as(t.name() + "." + f.name()).isNotBlank();
      }
    }
  }

  @Test
  void everyColumnHasAnExample() {
    for (Tables.Table t : Tables.ALL) {
      for (var f : t.schema().fields()) {
        assertThat(Tables.example(f))
            .as("example of %s.%s (declare one next to its comment in Tables)", t.name(), f.name())
            .isNotBlank();
      }
    }
  }
}
