package io.riposte.extract.offence;

import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.extract.offence.OffenceCategoriser.Categorised;
import io.riposte.extract.offence.OffenceCategoriser.ClaimText;
import io.riposte.io.ReferenceFiles;
import java.util.List;
import org.junit.jupiter.api.Test;

class OffenceCategoriserTest {

  static final OffenceCategoriser CATEGORISER =
      OffenceCategoriser.load(ReferenceFiles.bundled()::lines);

  @Test
  void passesInOrder() {
    List<ClaimText> claims =
        List.of(
            new ClaimText(
                "a:A:0",
                "ACCUSATION",
                "launching a chemical attack",
                "Atlantis accused Borduria of launching a chemical attack.",
                null),
            // Pass 2: the denial's own sentence says "lies", its accusation says what is alleged.
            new ClaimText(
                "a:D:60",
                "DENIAL",
                null,
                "Borduria called the accusation lies and fabrications.",
                "a:A:0"),
            // Pass 3: no offence phrase, the sentence names the act.
            new ClaimText(
                "a:A:120", "ACCUSATION", null, "Carpathia blamed Druvia for the hacking.", null),
            // Pass 4: nothing in phrase or sentence; the article is about chemical weapons.
            new ClaimText(
                "a:A:180",
                "ACCUSATION",
                "being behind what he called an",
                "Elbonia said Borduria was behind what he called an outrage.",
                null));
    assertThat(CATEGORISER.categorise(claims))
        .containsExactly(
            new Categorised("chemical attack", OffenceCategory.CHEMICAL_WEAPONS),
            new Categorised(null, OffenceCategory.CHEMICAL_WEAPONS),
            new Categorised(null, OffenceCategory.CYBERATTACK),
            new Categorised(null, OffenceCategory.CHEMICAL_WEAPONS));
    assertThat(CATEGORISER.categorise(claims).get(0).categoryKey()).isEqualTo("chemical_weapons");
  }

  @Test
  void nothingFitsGivesNull() {
    assertThat(
            CATEGORISER.categorise(
                List.of(
                    new ClaimText(
                        "b:A:0",
                        "ACCUSATION",
                        "tax plan",
                        "Critics attacked the tax plan.",
                        null))))
        .containsExactly(new Categorised("tax plan", null));
  }

  @Test
  void aNamedIncidentGivesItsCategoryWhenPhraseAndSentenceDoNot() {
    // "benghazi attack" is an incident of gazetteer/incidents.tsv whose category is terrorism.
    assertThat(
            CATEGORISER.categorise(
                List.of(
                    new ClaimText(
                        "c:A:0",
                        "ACCUSATION",
                        "Benghazi attack",
                        "The committee blamed the State Department for the Benghazi attack.",
                        null))))
        .containsExactly(new Categorised("Benghazi attack", OffenceCategory.TERRORISM));
    // The sentence comes first: the phrase may name an incident of another sentence.
    assertThat(
            CATEGORISER.categorise(
                List.of(
                    new ClaimText(
                        "d:A:0",
                        "ACCUSATION",
                        "dnc hack",
                        "The author accused investigators of coercing false testimony.",
                        null))))
        .containsExactly(new Categorised("dnc hack", OffenceCategory.LYING));
  }
}
