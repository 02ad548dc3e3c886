package io.riposte.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvCellsTest {

  @ParameterizedTest(name = "[{0}]")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "=HYPERLINK(\"http://x\")|'=HYPERLINK(\"http://x\")",
        "+1-555|'+1-555",
        "-2+3|'-2+3",
        "@SUM(A1)|'@SUM(A1)",
        "plain text|plain text",
        "a=b|a=b",
        "'quoted|'quoted"
      })
  void formulaCellsGetALeadingApostrophe(String cell, String expected) {
    assertThat(CsvCells.neutralise(cell)).isEqualTo(expected);
  }

  @Test
  void tabAndCarriageReturnStartsAreNeutralisedToo() {
    assertThat(CsvCells.neutralise("\tx")).isEqualTo("'\tx");
    assertThat(CsvCells.neutralise("\rx")).isEqualTo("'\rx");
    assertThat(CsvCells.neutralise((String) null)).isNull();
    assertThat(CsvCells.neutralise("")).isEmpty();
  }
}
