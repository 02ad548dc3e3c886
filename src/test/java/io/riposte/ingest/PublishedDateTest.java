package io.riposte.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.ingest.PublishedDate.Status;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PublishedDateTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2017-12-21|2017-12-21",
        "2017-12-21T14:03:00Z|2017-12-21",
        "2017-12-21T23:30:00-05:00|2017-12-21",
        "2017-12-21 14:03|2017-12-21",
        "12/21/2017|2017-12-21",
        "4/5/17|2017-04-05",
        "Thursday, December 21, 2017|2017-12-21",
        "December 21, 2017|2017-12-21",
        "Dec. 21, 2017|2017-12-21",
        "Sept. 3, 2019|2019-09-03",
        "21 December 2017|2017-12-21",
        "Wed 05 Apr 2017|2017-04-05",
        "Tue, 19 Dec 2017 14:03:00 GMT|2017-12-19",
        "Tue, 19 Dec 2017 14:03:00 +0000|2017-12-19",
        "December 21st, 2017|2017-12-21",
        "1513814400|2017-12-21",
        "1513814400000|2017-12-21"
      })
  void parsesCommonFormats(String raw, String expected) {
    assertThat(PublishedDate.parse(raw))
        .as(raw)
        .isEqualTo(new PublishedDate.Parsed(LocalDate.parse(expected), Status.OK));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "2018-02-30",
        "2017-13-01",
        "13/45/2017",
        "1066-10-14",
        "yesterday",
        "Thursday",
        "2017-12-32T00:00:00Z"
      })
  void impossibleOrUnknownDatesAreInvalid(String raw) {
    assertThat(PublishedDate.parse(raw).status()).as(raw).isEqualTo(Status.INVALID);
    assertThat(PublishedDate.parse(raw).date()).isNull();
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(strings = {"", "  "})
  void blankIsMissing(String raw) {
    assertThat(PublishedDate.parse(raw).status()).isEqualTo(Status.MISSING);
    assertThat(PublishedDate.parse(null).status()).isEqualTo(Status.MISSING);
  }

  /** Regression: the AllSides run had months up to 2050-09 from 2-digit years and epoch values. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "0000-01-01|INVALID|",
        "0|INVALID|",
        "000000000|INVALID|",
        "9999-12-31|INVALID|",
        "1989-12-31|INVALID|",
        "1990-01-01|OK|1990-01-01",
        "2026-12-05|OK|2026-12-05",
        "2026-12-06|INVALID|",
        "3/4/18|OK|2018-03-04",
        "3/4/27|INVALID|",
        "3/4/50|INVALID|",
        "3/4/95|OK|1995-03-04",
        "2524608000|INVALID|",
        "946684800|OK|2000-01-01"
      })
  void datesOutsideTheRunWindowAreInvalid(String raw, String status, String date) {
    PublishedDate.Parsed parsed = PublishedDate.parse(raw, LocalDate.of(2026, 12, 4));
    assertThat(parsed.status()).as(raw).isEqualTo(Status.valueOf(status));
    assertThat(parsed.date()).as(raw).isEqualTo(date == null ? null : LocalDate.parse(date));
  }
}
