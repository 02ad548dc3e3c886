package io.riposte.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.riposte.io.ReferenceFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The parser path on the golden files of src/test/resources/frames (one per frame), with the real
 * ClearNLP models, loaded once for the test JVM; and the frame table's load-time checks.
 */
class ParsedFramesTest {

  private static final ReferenceFiles REFERENCE = ReferenceFiles.bundled();
  private static final ClaimExtractor EXTRACTOR =
      ClaimExtractor.parsed(REFERENCE::lines).parserOnly();

  /** Rules first, then the parser: the extractor the jobs run (golden files in frames/hybrid). */
  private static final ClaimExtractor HYBRID = ClaimExtractor.parsed(REFERENCE::lines);

  private static final TestDocuments DOCS =
      new TestDocuments(
          EXTRACTOR.gazetteer().phrases(), CueLexicon.load(REFERENCE::lines).phrases());

  @TestFactory
  Stream<DynamicTest> goldenFiles() throws IOException {
    return golden(Paths.get("src/test/resources/frames"), EXTRACTOR);
  }

  @TestFactory
  Stream<DynamicTest> hybridGoldenFiles() throws IOException {
    return golden(Paths.get("src/test/resources/frames/hybrid"), HYBRID);
  }

  /**
   * The staged parse: a candidate sentence without a frame's lemma is dropped on its tags (no tree,
   * no roles); a conditional one on its tree (no roles).
   */
  @Test
  void sentencesAreParsedOnlyAsFarAsTheFramesRead() {
    FrameReader reader =
        new FrameReader(Frames.load(REFERENCE::lines), WordClasses.load(REFERENCE::lines));
    Parse plain =
        ClearNlpParser.get()
            .parse(List.of("The", "weather", "was", "warm", "in", "the", "capital", "."));

    assertThat(reader.hits(plain)).isEmpty();
    assertThat(plain.treeRead()).isFalse();

    Parse conditional =
        ClearNlpParser.get()
            .parse(List.of("If", "Iran", "denied", "the", "report", ",", "talks", "would", "end"));

    assertThat(reader.hits(conditional)).isEmpty();
    assertThat(conditional.treeRead()).isTrue();
    assertThat(conditional.rolesRead()).isFalse();

    Parse denial = ClearNlpParser.get().parse(List.of("Iran", "denied", "the", "report", "."));

    assertThat(reader.hits(denial)).extracting(h -> h.frame().kind()).containsExactly("DENIAL");
  }

  /**
   * Frame words that cannot fire are dropped on the words alone: "called" without an insult or a
   * falsehood about an accusation, and a wrongdoing verb with nobody to say it (no reporting verb,
   * no quotation with a speaker). Given a speaker, the same wrongdoing verb is read.
   */
  @Test
  void frameWordsThatCannotFireAreDroppedBeforeTheTree() {
    FrameReader reader =
        new FrameReader(Frames.load(REFERENCE::lines), WordClasses.load(REFERENCE::lines));
    Parse calledFor =
        ClearNlpParser.get().parse(List.of("The", "mayor", "called", "for", "calm", "."));

    assertThat(reader.hits(calledFor)).isEmpty();
    assertThat(calledFor.treeRead()).isFalse();

    List<String> attack = List.of("Rebels", "attacked", "the", "convoy", ".");
    Parse unsaid = ClearNlpParser.get().parse(attack);

    assertThat(reader.hits(unsaid, false)).isEmpty();
    assertThat(unsaid.treeRead()).isFalse();

    Parse quoted = ClearNlpParser.get().parse(attack);

    assertThat(reader.hits(quoted, true))
        .extracting(h -> h.frame().name())
        .containsExactly("@wrongdoing.V");
    assertThat(quoted.treeRead()).isTrue();
  }

  private static Stream<DynamicTest> golden(Path dir, ClaimExtractor extractor) throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
          if (!lines.get(i).startsWith("> ")) {
            continue;
          }
          String text = lines.get(i).substring(2);
          List<String> expected = new ArrayList<>();
          for (int k = i + 1; k < lines.size() && !lines.get(k).startsWith("> "); k++) {
            if (!lines.get(k).isBlank()) {
              expected.add(lines.get(k));
            }
          }
          String name = f.getFileName() + ":" + (i + 1);
          tests.add(
              DynamicTest.dynamicTest(
                  name,
                  () ->
                      assertThat(claims(extractor, text))
                          .as("claims of %s: %s", name, text)
                          .containsExactlyInAnyOrderElementsOf(expected)));
        }
      }
    }
    return tests.stream();
  }

  private static List<String> claims(ClaimExtractor extractor, String text) {
    Document doc = DOCS.document("golden", text, LocalDate.of(2019, 6, 1));
    List<String> out = new ArrayList<>();
    for (Claim c : extractor.extract(doc)) {
      out.add(
          String.format(
              "%s \"%s\" -> %s by=%s",
              c.kind(),
              c.sourceActor(),
              c.targetActor() == null || c.kind().equals(Claim.DENIAL)
                  ? "-"
                  : "\"" + c.targetActor() + "\"",
              c.resolvedBy()));
    }
    return out;
  }

  @Test
  void bundledFrameTableLoadsEveryRow() {
    Frames frames = Frames.load(REFERENCE::lines);
    assertThat(frames.all()).as("frames").hasSizeGreaterThan(30);
    assertThat(frames.forms()).as("gate forms").contains("accused", "blamed", "denies", "behind");
    assertThat(frames.ofClass(Frames.WRONGDOING_CLASS, 'V')).as("@wrongdoing verb").isNotNull();
  }

  @Test
  void unknownRoleFailsNamingTheLine() {
    List<String> lines =
        List.of(
            "lemma\tpos\tkind\tsource\ttarget\toffence\trequires\tnegated\tweight\tforms",
            "accuse\tV\tACCUSATION\tA0\tA1\t-\t-\tdrop\t0.9\taccused",
            "blame\tV\tACCUSATION\tA9\tA1\t-\t-\tdrop\t0.9\tblamed");
    assertThatThrownBy(() -> Frames.parse(lines))
        .hasMessageContaining("lexicons/frames.tsv data line 3 (blame)")
        .hasMessageContaining("unknown role A9");
  }

  @Test
  void unknownRequirementAndKindFailNamingTheLine() {
    String header = "lemma\tpos\tkind\tsource\ttarget\toffence\trequires\tnegated\tweight\tforms";
    assertThatThrownBy(
            () ->
                Frames.parse(List.of(header, "deny\tV\tDENIAL\tA0\t-\t-\tclaimy\tdrop\t1\tdenied")))
        .hasMessageContaining("data line 2 (deny)")
        .hasMessageContaining("unknown requirement claimy");
    assertThatThrownBy(
            () -> Frames.parse(List.of(header, "deny\tV\tREFUSAL\tA0\t-\t-\t-\tdrop\t1\tdenied")))
        .hasMessageContaining("unknown kind REFUSAL");
  }

  @Test
  void unknownWordClassFailsNamingTheLine() {
    assertThatThrownBy(
            () -> WordClasses.parse(List.of("class\tlemmas", "SPEAKING\tsay|tell"), List.of("h")))
        .hasMessageContaining("lexicons/word_classes.tsv data line 2")
        .hasMessageContaining("unknown class SPEAKING");
  }
}
