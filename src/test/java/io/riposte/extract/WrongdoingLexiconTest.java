package io.riposte.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code data/lexicons/wrongdoing.tsv} is exactly what {@link WrongdoingLexiconGenerator} makes
 * from WordNet 3.1 and the seed and stop-list files, and it holds the wrongdoing words it is meant
 * for and none of the everyday words the filters are meant to keep out.
 */
class WrongdoingLexiconTest {

  static Path dir;
  static List<String> generated;
  static Set<String> forms;

  @BeforeAll
  static void generate() throws Exception {
    dir = Paths.get(System.getProperty("riposte.repo", "."), WrongdoingLexiconGenerator.DIR);
    generated = WrongdoingLexiconGenerator.generate(dir);
    forms =
        generated.stream()
            .filter(l -> !l.startsWith("#"))
            .skip(1)
            .map(l -> l.split("\t")[0])
            .collect(Collectors.toSet());
  }

  @Test
  void theFileIsWhatTheGeneratorMakes() throws Exception {
    List<String> file =
        Files.readAllLines(dir.resolve(WrongdoingLexiconGenerator.OUTPUT), StandardCharsets.UTF_8);
    assertThat(file)
        .as("regenerate with WrongdoingLexiconGenerator (see data/lexicons/README.md)")
        .containsExactlyElementsOf(generated);
  }

  @Test
  void rowsAreSortedLowerCaseAndWellFormed() {
    List<String> rows = generated.stream().filter(l -> !l.startsWith("#")).toList();
    assertThat(rows.get(0)).isEqualTo("form\tlemma\tpos\tsynset");
    List<String> data = rows.subList(1, rows.size());
    assertThat(data).isSorted().doesNotHaveDuplicates().hasSizeBetween(1000, 4000);
    assertThat(data)
        .allSatisfy(
            l -> {
              String[] f = l.split("\t", -1);
              assertThat(f).hasSize(4);
              assertThat(f[0]).isEqualTo(f[0].toLowerCase()).doesNotContainPattern("[0-9]");
              assertThat(f[2]).isIn("noun", "verb", "adj");
              assertThat(f[3]).matches("[a-z_' -]+\\.(noun|verb|adj)\\.[0-9]+");
            });
  }

  @Test
  void holdsTheWrongdoingWordsOfTheBrief() {
    assertThat(forms)
        .contains(
            "meddled",
            "liars",
            "bribery",
            "tortured",
            "rigged",
            "rigging",
            "cover-up",
            "covered up",
            "war crimes",
            "corruption",
            "lied",
            "lying",
            "stole",
            "stolen",
            "kidnapped",
            "colluded",
            "interference",
            "harassment",
            "racist",
            "murderers",
            "massacred",
            "illegal",
            "acts of terrorism");
  }

  @Test
  void leavesOutEverydayWordsAndSins() {
    assertThat(forms)
        .doesNotContain(
            "charge",
            "fire",
            "use",
            "used",
            "play",
            "hit",
            "shot",
            "shoot",
            "strike",
            "run",
            "take",
            "pass",
            "trip",
            "ring",
            "spin",
            "anger",
            "pride",
            "lay",
            "off",
            "con",
            "stone",
            "execute",
            "gas",
            "hoax",
            "witch-hunt",
            "smear");
  }
}
