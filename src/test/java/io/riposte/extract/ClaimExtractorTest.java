package io.riposte.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.riposte.io.ReferenceFiles;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Golden tests of the claim rules on short made-up sentences, one line per claim: {@code
 * [s<sentence>] KIND source="..." target="..." cue="..." pass=...}, compared order-insensitively.
 * The lexicons are the repository's; the gazetteer is a small one here, so gazetteer edits do not
 * move these tests.
 */
class ClaimExtractorTest {

  private static final LocalDate DATE = LocalDate.of(2017, 12, 21);

  static final List<String> ACTORS =
      List.of(
          "actor_id\tname\ttype\tcountry\taliases\tdemonyms\tmetonyms\tvalid_from\tvalid_to\trole",
          "state:USA\tUnited States\tstate\tUSA\tUnited States|U.S.|US|the United States"
              + "\tAmerican|Americans\tWashington|White House|the White House|Trump administration"
              + "|U.S. officials\t\t\tstate",
          "state:PRK\tNorth Korea\tstate\tPRK\tNorth Korea|DPRK\tNorth Korean\tPyongyang\t\t\tstate",
          "state:SYR\tSyria\tstate\tSYR\tSyria\tSyrian\tDamascus|Syrian government\t\t\tstate",
          "state:RUS\tRussia\tstate\tRUS\tRussia\tRussian\tMoscow|Kremlin\t\t\tstate",
          "person:tom-becker\tTom Becker\tperson\tUSA\tTom Becker|Becker\t\t\t2017\t2018"
              + "\thomeland security adviser",
          "person:donald-trump\tDonald Trump\tperson\tUSA\tDonald Trump|Trump|President Trump"
              + "\t\t\t2017\t2021\thead of state",
          "org:acme-news\tAcme News\torg\tUSA\tAcme News\t\t\t\t\tmedia");

  static final List<String> INCIDENTS =
      List.of(
          "incident_id\toffence\taliases\tyear\tcategory",
          "harbor-gate\tharbor gate cyberattack\tHarbor Gate hack|Harbor Gate\t2017\tcyberattack");

  static CueLexicon lexicon() {
    Path dir = Paths.get(System.getProperty("riposte.repo", "."), "data");
    return CueLexicon.load(f -> DevHarness.lines(dir.resolve(f)));
  }

  private static final Gazetteer GAZETTEER = Gazetteer.parse(ACTORS, INCIDENTS);
  private static final CueLexicon LEXICON = lexicon();
  private static final ClaimExtractor EXTRACTOR = new ClaimExtractor(GAZETTEER, LEXICON);
  private static final TestDocuments DOCS =
      new TestDocuments(GAZETTEER.phrases(), LEXICON.phrases());

  private static List<Claim> claims(String text) {
    return EXTRACTOR.extract(DOCS.document("t1", text, DATE));
  }

  private static List<String> golden(String text) {
    return claims(text).stream().map(ClaimExtractorTest::line).collect(Collectors.toList());
  }

  static String line(Claim c) {
    return String.format(
        "[s%d] %s source=\"%s\" target=\"%s\" cue=\"%s\" pass=%s",
        c.sentenceIndex(), c.kind(), c.sourceActor(), c.targetActor(), c.cue(), c.resolvedBy());
  }

  // ---------------------------------------------------------------- accusation frames

  @Test
  void activeAccusationNamesAccuserAndAccused() {
    assertThat(golden("The United States accused North Korea of the Harbor Gate hack."))
        .as("svo-active")
        .containsExactlyInAnyOrder(
            "[s0] ACCUSATION source=\"United States\" target=\"North Korea\" cue=\"accused\""
                + " pass=svo-active");
  }

  @Test
  void passiveWithAgentAndWithout() {
    assertThat(golden("North Korea was blamed by Washington for the outage."))
        .containsExactlyInAnyOrder(
            "[s0] ACCUSATION source=\"United States\" target=\"North Korea\" cue=\"blamed\""
                + " pass=passive-by");
    assertThat(golden("Syria has been accused of using chemical weapons."))
        .containsExactlyInAnyOrder(
            "[s0] ACCUSATION source=\"null\" target=\"Syria\" cue=\"accused\""
                + " pass=passive-unattributed");
  }

  @Test
  void attributedToAndBlamedOn() {
    assertThat(golden("The White House attributed the Harbor Gate hack to North Korea."))
        .containsExactlyInAnyOrder(
            "[s0] ACCUSATION source=\"United States\" target=\"North Korea\" cue=\"attributed\""
                + " pass=svo-active");
    assertThat(golden("Damascus blamed it on Russia."))
        .containsExactlyInAnyOrder(
            "[s0] ACCUSATION source=\"Syria\" target=\"Russia\" cue=\"blamed\" pass=svo-active");
  }

  @Test
  void reportedPredicateTakesTheSpeakerAsAccuser() {
    assertThat(golden("Russia said the Syrian government was responsible for the raid."))
        .containsExactlyInAnyOrder(
            "[s0] ACCUSATION source=\"Russia\" target=\"Syria\" cue=\"responsible for\""
                + " pass=reported-speech");
  }

  @Test
  void vagueAccuserIsUnspecified() {
    assertThat(golden("Critics accused Trump of lying to Congress."))
        .containsExactlyInAnyOrder(
            "[s0] ACCUSATION source=\"null\" target=\"Donald Trump\" cue=\"accused\""
                + " pass=svo-active");
  }

  @Test
  void unlistedPersonsKeepTheirFullName() {
    assertThat(golden("Sen. Ted Cruz accused Acme News of publishing lies. Cruz said so twice."))
        .containsExactlyInAnyOrder(
            "[s0] ACCUSATION source=\"Ted Cruz\" target=\"Acme News\" cue=\"accused\""
                + " pass=svo-active");
    Claim c = claims("Sen. Ted Cruz accused Acme News of publishing lies.").get(0);
    assertThat(c.sourceType()).isEqualTo("person");
    assertThat(c.sourceCountry()).isNull();
    assertThat(c.targetCountry()).isEqualTo("USA");
  }

  // ---------------------------------------------------------------- traps

  @Test
  void refusalsAreNotDenials() {
    assertThat(golden("Russia denied a visa to the American reporter.")).as("visa").isEmpty();
    assertThat(golden("Syria denied entry to the inspectors.")).as("entry").isEmpty();
    assertThat(golden("Becker was denied bail on Friday.")).as("bail").isEmpty();
    assertThat(golden("North Korea denied the request for a meeting.")).as("request").isEmpty();
  }

  @Test
  void rejectingProposalsOrAppealsIsNotADenial() {
    assertThat(golden("Syria rejected the proposal for new talks.")).as("proposal").isEmpty();
    assertThat(golden("The court rejected the appeal filed by Acme News.")).as("appeal").isEmpty();
  }

  @Test
  void chargingMoneyIsNotAnAccusation() {
    assertThat(golden("Acme News charged $10 for the special edition.")).isEmpty();
    assertThat(golden("Acme News charged John Doyle with fraud."))
        .containsExactlyInAnyOrder(
            "[s0] ACCUSATION source=\"Acme News\" target=\"John Doyle\" cue=\"charged\""
                + " pass=svo-active");
  }

  @Test
  void negatedAccusationsAreNotMade() {
    assertThat(golden("The United States did not accuse North Korea of the hack.")).isEmpty();
    assertThat(golden("Washington has not blamed Russia for the outage.")).isEmpty();
  }

  @Test
  void stoppingShortOfBlamingIsNotBlaming() {
    assertThat(golden("The White House stopped short of blaming Russia for the outage.")).isEmpty();
  }

  @Test
  void noOneHasBlamedIsNotBlaming() {
    assertThat(golden("No one has blamed North Korea for the outage so far.")).isEmpty();
  }

  @Test
  void questionsAndConditionalsAreHypothetical() {
    assertThat(golden("Was North Korea behind the Harbor Gate hack?")).as("question").isEmpty();
    assertThat(golden("Did Washington accuse Russia of the hack?")).as("question 2").isEmpty();
    assertThat(
            golden(
                "If North Korea is responsible for the hack, Washington said, sanctions will"
                    + " follow."))
        .as("conditional")
        .isEmpty();
  }

  @Test
  void denyingANonAccusationIsNotADenial() {
    assertThat(golden("Syria denied that talks had stalled.")).isEmpty();
  }

  // ---------------------------------------------------------------- denials, quotes, coref

  @Test
  void denialOfInvolvement() {
    assertThat(golden("Russia denied any involvement in the Harbor Gate hack."))
        .containsExactlyInAnyOrder(
            "[s0] DENIAL source=\"Russia\" target=\"null\" cue=\"denied\" pass=svo-active");
  }

  @Test
  void quoteSpeakerAndWeInsideTheQuote() {
    String text =
        "“We have nothing to do with the hack,” the spokesman for North Korea said on Friday.";
    assertThat(golden(text))
        .containsExactlyInAnyOrder(
            "[s0] DENIAL source=\"North Korea\" target=\"null\" cue=\"nothing to do with\""
                + " pass=quote-speaker");
    Claim c = claims(text).get(0);
    assertThat(c.quoted()).isTrue();
    assertThat(c.speaker()).isEqualTo("North Korea");
  }

  @Test
  void quoteSpeakerAfterSaidAndAcrossSentences() {
    String text =
        "“The outage was directed by Pyongyang. It was carried out by North Korean hackers,”"
            + " said Tom Becker.";
    assertThat(golden(text))
        .contains(
            "[s0] ACCUSATION source=\"United States\" target=\"North Korea\" cue=\"directed by\""
                + " pass=quote-speaker");
  }

  @Test
  void anaphorsResolveToTheNearestCompatibleActor() {
    String text =
        "Russia's defence ministry issued a statement on Monday. The ministry denied that its"
            + " planes had bombed the convoy.";
    assertThat(golden(text))
        .containsExactlyInAnyOrder(
            "[s1] DENIAL source=\"Russia\" target=\"null\" cue=\"denied\" pass=coref-nearest");
  }

  @Test
  void possessivesAndAdjectivesMapToTheCountry() {
    assertThat(golden("Syrian officials blamed Russian jets for the strike."))
        .containsExactlyInAnyOrder(
            "[s0] ACCUSATION source=\"Syria\" target=\"Russia\" cue=\"blamed\" pass=svo-active");
  }

  @Test
  void denialsLinkToTheAccusationTheyAnswer() {
    String text =
        "The United States accused North Korea of the Harbor Gate hack on Tuesday."
            + " Pyongyang denied the accusation and called it absurd.";
    List<Claim> claims = claims(text);
    assertThat(claims.stream().map(ClaimExtractorTest::line))
        .containsExactlyInAnyOrder(
            "[s0] ACCUSATION source=\"United States\" target=\"North Korea\" cue=\"accused\""
                + " pass=svo-active",
            "[s1] DENIAL source=\"North Korea\" target=\"United States\" cue=\"denied\""
                + " pass=svo-active");
    Claim accusation = claims.get(0);
    Claim denial = claims.get(1);
    assertThat(denial.deniesClaimId()).isEqualTo(accusation.claimId());
    assertThat(accusation.claimId()).isEqualTo("t1:A:18");
    assertThat(denial.offence()).isEqualTo("harbor gate cyberattack");
  }

  @Test
  void offenceFromIncidentAliasOrFromTheObject() {
    assertThat(
            claims("The United States accused North Korea of the Harbor Gate hack.")
                .get(0)
                .offence())
        .isEqualTo("harbor gate cyberattack");
    assertThat(claims("Critics accused Trump of lying to Congress.").get(0).offence())
        .isEqualTo("lying to congress");
  }

  @Test
  void hedgesLowerConfidence() {
    Claim plain = claims("Washington blamed Russia for the outage.").get(0);
    Claim hedged = claims("Washington reportedly blamed Russia for the outage.").get(0);
    assertThat(hedged.hedged()).isTrue();
    assertThat(plain.hedged()).isFalse();
    assertThat(hedged.confidence()).isLessThan(plain.confidence()).isBetween(0.0, 1.0);
  }

  /**
   * Seed-like scenario in our own words: an accusation, a denial answering it, a counter-charge.
   */
  @Test
  void accusationDenialAndCounterAccusation() {
    String text =
        "The White House said on Tuesday that North Korea was behind the Harbor Gate hack.\n\n"
            + "“It was directed by the government of North Korea,” said Tom Becker, the"
            + " president's homeland security adviser.\n\n"
            + "A spokesperson for North Korea's foreign ministry said on Thursday that Pyongyang"
            + " was not responsible for the attack.\n\n"
            + "“We have nothing to do with the hack, and we reject these absurd allegations of"
            + " the U.S.,” the spokesperson said.\n\n"
            + "The spokesperson also accused the United States of stirring up confrontation.";
    List<Claim> claims = claims(text);
    assertThat(claims.stream().map(ClaimExtractorTest::line))
        .containsExactlyInAnyOrder(
            "[s0] ACCUSATION source=\"United States\" target=\"North Korea\" cue=\"behind\""
                + " pass=reported-speech",
            "[s1] ACCUSATION source=\"United States\" target=\"North Korea\""
                + " cue=\"directed by\" pass=quote-speaker",
            "[s2] DENIAL source=\"North Korea\" target=\"United States\""
                + " cue=\"not responsible\" pass=reported-speech",
            "[s3] DENIAL source=\"North Korea\" target=\"United States\""
                + " cue=\"nothing to do with\" pass=quote-speaker",
            "[s4] ACCUSATION source=\"North Korea\" target=\"United States\" cue=\"accused\""
                + " pass=coref-chain");
    Map<String, Claim> byId =
        claims.stream().collect(Collectors.toMap(Claim::claimId, Function.identity()));
    for (Claim d : claims) {
      if (d.kind().equals(Claim.DENIAL)) {
        assertThat(byId.get(d.deniesClaimId()))
            .as("accusation answered by %s", d.claimId())
            .isNotNull()
            .extracting(Claim::targetActor)
            .isEqualTo("North Korea");
      }
    }
  }

  // ---------------------------------------------------------------- robustness

  @Test
  void oddInputNeverThrows() {
    assertThat(EXTRACTOR.extract(null)).isEmpty();
    assertThat(EXTRACTOR.extract(new Document("x", "", null, null, null, null, null))).isEmpty();
    assertThat(
            EXTRACTOR.extract(
                new Document(
                    "x",
                    "Russia denied it.",
                    null,
                    List.of(new Span(5, 500), new Span(-1, 2)),
                    List.of(
                        new Token(0, 6, "Russia"), new Token(3, 1, "?"), new Token(7, 900, "x")),
                    List.of(new Span(0, 6), new Span(40, 2)),
                    null)))
        .isNotNull();
    StringBuilder big = new StringBuilder();
    for (int i = 0; i < 3000; i++) {
      big.append("Washington accused Moscow of meddling. “Lies,” the Kremlin said. ");
    }
    List<Claim> many = claims(big.toString());
    assertThat(many).isNotEmpty();
  }

  @Test
  void outputIsDeterministic() {
    String text =
        "Washington accused Moscow of meddling. The Kremlin dismissed the accusations as"
            + " baseless.";
    assertThat(claims(text)).isEqualTo(claims(text));
    assertThat(claims(text).stream().map(Claim::claimId).distinct().count())
        .isEqualTo(claims(text).size());
  }

  @Test
  void cuePhrasesCoverInflections() {
    assertThat(LEXICON.phrases())
        .contains("accuse", "accuses", "accused", "accusing", "accusation", "accusations")
        .contains("deny", "denies", "denied", "denying", "nothing to do with", "baseless")
        .allMatch(p -> p.equals(p.toLowerCase()));
  }

  @Test
  void gazetteerResolvesSpellingVariants() {
    assertThat(GAZETTEER.lookup("U.S", DATE).actor().name()).isEqualTo("United States");
    assertThat(GAZETTEER.lookup("U.S.", DATE).actor().name()).isEqualTo("United States");
    assertThat(GAZETTEER.lookup("the  White House", DATE).actor().name())
        .isEqualTo("United States");
    assertThat(GAZETTEER.lookup("Harbor Gate", DATE).incident().offence())
        .isEqualTo("harbor gate cyberattack");
    assertThat(GAZETTEER.phrases()).contains("White House", "U.S.", "U.S", "Harbor Gate hack");
  }

  @Test
  void malformedReferenceFilesFailFastWithTheLine() {
    assertThatThrownBy(() -> Gazetteer.parse(List.of("id\tname"), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("actor_id");
    List<String> bad = new ArrayList<>(List.of("frame\tpattern\tweight", "VERB\taccuse\theavy"));
    assertThatThrownBy(() -> CueLexicon.parse(bad, List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("VERB\taccuse\theavy");
  }

  @Test
  void noNotActorPhraseIsAGazetteerName() {
    ReferenceFiles data = ReferenceFiles.bundled();
    List<String> known =
        Gazetteer.parse(data.lines("gazetteer/actors.tsv"), data.lines("gazetteer/incidents.tsv"))
            .phrases()
            .stream()
            .map(p -> p.toLowerCase(Locale.ROOT))
            .toList();
    assertThat(lexicon().words("NOT_ACTOR")).isNotEmpty().doesNotContainAnyElementsOf(known);
  }
}
