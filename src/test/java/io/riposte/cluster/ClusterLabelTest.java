package io.riposte.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.cluster.ClusterLabel.Pattern;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterLabelTest {

  @Test
  void theCategoryComesFirstThenADominantPair() {
    Pattern p =
        new Pattern(
            10,
            "cyberattack",
            9,
            null,
            0,
            "United States -> North Korea",
            6,
            "state -> state",
            10,
            List.of("wannacry", "cyberattack", "banks", "hospitals"),
            "smear",
            6,
            0.5);
    // "cyberattack" is not repeated as a term.
    assertThat(ClusterLabel.of(p))
        .isEqualTo(
            "cyberattack (wannacry, banks): United States -> North Korea; denied 50%, 'smear'");
  }

  @Test
  void withoutADominantPairTheTypePatternNamesIt() {
    Pattern p =
        new Pattern(
            10,
            "chemical_weapons",
            5,
            "military_attack",
            3,
            "Atlantis -> Borduria",
            4,
            "state -> state",
            7,
            List.of("chemical", "douma"),
            "denied",
            10,
            0.41);
    assertThat(ClusterLabel.of(p))
        .isEqualTo("chemical weapons (douma): state -> state; denied 41%, 'denied'");
  }

  @Test
  void withoutADominantPatternASideWhoseTypeMostShareIsNamed() {
    // 10 claims: no pair and no type pattern holds 5, but 8 accuse a state.
    Pattern p =
        new Pattern(
            10,
            "military_attack",
            10,
            null,
            0,
            "A -> Iran",
            2,
            "person -> state",
            4,
            "person",
            4,
            "state",
            8,
            List.of("invasion"),
            null,
            10,
            0.1);
    assertThat(ClusterLabel.of(p))
        .isEqualTo("military attack (invasion): mixed -> state; denied 10%");
    Pattern neither =
        new Pattern(
            10,
            "military_attack",
            10,
            null,
            0,
            "A -> Iran",
            2,
            "person -> state",
            4,
            "person",
            4,
            "state",
            4,
            List.of("invasion"),
            null,
            10,
            0.1);
    assertThat(ClusterLabel.of(neither))
        .isEqualTo("military attack (invasion): mixed actors; denied 10%");
  }

  @Test
  void noDominantCategoryNamesTheTwoLargestAndMostWithoutOneIsNotCategorised() {
    Pattern mixed =
        new Pattern(
            10,
            "corruption",
            4,
            ClusterLabel.NO_CATEGORY,
            3,
            "A -> B",
            4,
            "person -> none",
            7,
            List.of("bribery"),
            null,
            10,
            0.0);
    assertThat(ClusterLabel.of(mixed))
        .isEqualTo(
            "corruption 40% / offence not categorised 30% (bribery): person -> unnamed; not denied");
    Pattern none =
        new Pattern(
            9,
            ClusterLabel.NO_CATEGORY,
            8,
            "lying",
            1,
            "A -> B",
            2,
            "state -> org",
            4,
            List.of(),
            "nothing to do with",
            0,
            null);
    assertThat(ClusterLabel.of(none))
        .isEqualTo("offence not categorised: mixed actors; denials only, 'nothing to do with'");
  }

  @Test
  void longLabelsAreCut() {
    String pair = "The Extraordinarily Long Name Of A Ministry -> Another Very Long Organisation";
    Pattern p =
        new Pattern(
            2,
            "corruption",
            2,
            null,
            0,
            pair,
            2,
            "org -> org",
            2,
            List.of("embezzlement", "conspiracy", "fraud"),
            null,
            2,
            1.0);
    String label = ClusterLabel.of(p);
    assertThat(label)
        .hasSize(ClusterLabel.MAX_LENGTH)
        .startsWith("corruption (embezzlement, conspiracy): The Extraordinarily")
        .endsWith("…");
  }

  @Test
  void outletLabelNamesTheMainPatternAndTheDenialShare() {
    assertThat(ClusterLabel.ofOutlets(2, "cyberattack: state -> state; denied 80%", 0.456, 0.6))
        .isEqualTo(
            "mostly #2 (46% of claims); gives the denial for 60% of accusations:"
                + " cyberattack: state -> state; denied 80%");
    assertThat(ClusterLabel.ofOutlets(0, "x", 1.0, null))
        .isEqualTo("mostly #0 (100% of claims); no accusations: x");
    assertThat(ClusterLabel.ofOutlets(1, "y".repeat(200), 0.5, 0.5))
        .hasSize(ClusterLabel.OUTLET_MAX_LENGTH)
        .endsWith("y…");
  }
}
