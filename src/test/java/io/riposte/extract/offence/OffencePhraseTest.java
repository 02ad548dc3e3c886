package io.riposte.extract.offence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.riposte.io.ReferenceFiles;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OffencePhraseTest {

  static final OffencePhrase PHRASE = OffencePhrase.load(ReferenceFiles.bundled()::lines);

  @ParameterizedTest(name = "''{0}'' -> ''{1}''")
  @CsvSource(
      delimiter = '|',
      nullValues = "NULL",
      value = {
        // Issue 15's example: a clause with no noun phrase of the act left.
        "being behind what he called an | NULL",
        "launching a chemical attack | chemical attack",
        "strike regardless of whether it was | strike",
        "airstrikes in this airspace given their | airstrikes in this airspace",
        // An actor left in front of the act.
        "president bashar al-assad for the incident | incident",
        "responsible for the ransomware attack on the hospital | ransomware attack on the hospital",
        "wannacry cyberattack | wannacry cyberattack",
        "use of chemical weapons | use of chemical weapons",
        "lying to congress as he said | lying to congress",
        "the | NULL",
        "'   ' | NULL"
      })
  void cutsToTheNounPhraseOfWhatIsAlleged(String phrase, String expected) {
    assertThat(PHRASE.trim(phrase)).as(phrase).isEqualTo(expected);
  }

  @Test
  void nullStaysNull() {
    assertThat(PHRASE.trim(null)).isNull();
  }

  @Test
  void unknownWordClassFailsNamingFileAndLine() {
    assertThatThrownBy(() -> OffencePhrase.parse(List.of("class\twords", "LEADING\tof|for")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("offences/phrase_words.tsv")
        .hasMessageContaining("unknown class 'LEADING'")
        .hasMessageContaining("LEADING\tof|for");
  }
}
