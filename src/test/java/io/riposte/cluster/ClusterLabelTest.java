package io.riposte.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.cluster.ClusterLabel.Pattern;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterLabelTest {

  @Test
  void aDominantPairNamesTheCluster() {
    Pattern p =
        new Pattern(
            10,
            "United States -> North Korea",
            6,
            "state -> state",
            10,
            List.of("wannacry", "cyberattack", "banks", "hospitals"),
            "smear",
            6,
            0.5);
    assertThat(ClusterLabel.of(p))
        .isEqualTo(
            "United States -> North Korea: wannacry, cyberattack, banks; denied 50%, 'smear'");
  }

  @Test
  void withoutADominantPairTheTypePatternNamesIt() {
    Pattern p =
        new Pattern(
            10, "Atlantis -> Borduria", 4, "person -> none", 7, List.of("bribery"), null, 10, 0.0);
    assertThat(ClusterLabel.of(p)).isEqualTo("person -> unnamed: bribery; not denied");
  }

  @Test
  void mixedActorsNoOffenceAndDenialsOnly() {
    Pattern p =
        new Pattern(9, "A -> B", 2, "state -> org", 4, List.of(), "nothing to do with", 0, null);
    assertThat(ClusterLabel.of(p))
        .isEqualTo("mixed actors: no offence named; denials only, 'nothing to do with'");
  }

  @Test
  void longLabelsAreCut() {
    String pair = "The Extraordinarily Long Name Of A Ministry -> Another Very Long Organisation";
    Pattern p =
        new Pattern(
            2,
            pair,
            2,
            "org -> org",
            2,
            List.of("embezzlement", "conspiracy", "fraud"),
            null,
            2,
            1.0);
    String label = ClusterLabel.of(p);
    assertThat(label).hasSize(ClusterLabel.MAX_LENGTH).startsWith(pair).endsWith("…");
  }

  @Test
  void outletLabelNamesTheMainPatternAndTheDenialShare() {
    assertThat(ClusterLabel.ofOutlets(2, "state -> state: cyberattack; denied 80%", 0.456, 0.6))
        .isEqualTo(
            "mostly #2 (46% of claims); gives the denial for 60% of accusations:"
                + " state -> state: cyberattack; denied 80%");
    assertThat(ClusterLabel.ofOutlets(0, "x", 1.0, null))
        .isEqualTo("mostly #0 (100% of claims); no accusations: x");
    assertThat(ClusterLabel.ofOutlets(1, "y".repeat(200), 0.5, 0.5))
        .hasSize(ClusterLabel.OUTLET_MAX_LENGTH)
        .endsWith("y…");
  }
}
