package io.riposte.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CandidateWindowsTest {

  private static final CandidateWindows WINDOWS =
      new CandidateWindows(
          List.of("accused", "denied", "nothing to do with"),
          List.of("bribery", "hacked"),
          List.of("said", "according"));

  /** The sentences of a kept text that are not blank, stripped. */
  private static List<String> keptSentences(String kept) {
    return CandidateWindows.split(kept).stream()
        .map(s -> kept.substring(s[0], s[1]).strip())
        .filter(s -> !s.isEmpty())
        .toList();
  }

  private static String filler(int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 1; i <= n; i++) {
      b.append("rain fell on day ").append(i).append(" of the month. ");
    }
    return b.toString();
  }

  @Test
  void keepsTheCandidateItsNeighboursAndTheLead() {
    String text =
        "Lead one. Lead two. "
            + filler(6)
            + "Before three. Before two. Before one. The mayor accused the council of fraud. "
            + "After one. "
            + filler(4);
    CandidateWindows.Kept kept = WINDOWS.keep(text);

    assertThat(keptSentences(kept.text()))
        .containsExactly(
            "Lead one.",
            "Lead two.",
            "Before three.",
            "Before two.",
            "Before one.",
            "The mayor accused the council of fraud.",
            "After one.");
    assertThat(kept.candidates()).isEqualTo(1);
    int cue = kept.text().indexOf("The mayor");
    assertThat(text.substring(kept.original(cue), kept.original(cue) + 9))
        .as("offsets map back")
        .isEqualTo("The mayor");
    assertThat(kept.text().length())
        .as("ten filler sentences cut to a space each")
        .isEqualTo(text.length() - filler(6).length() - filler(4).length() + 10);
  }

  @Test
  void everyCharacterOfTheWindowsMapsBackToItself() {
    String text =
        "Lead one. Lead two.\n"
            + filler(4)
            + "\n\n"
            + filler(3)
            + "The mayor accused the council. \u201cIt was bribery,\u201d she said.\n"
            + filler(5)
            + "\nThe council denied it. "
            + filler(2);
    CandidateWindows.Kept kept = WINDOWS.keep(text);

    assertThat(kept.jumps()).isNotEmpty();
    int previous = -1;
    for (int i = 0; i < kept.text().length(); i++) {
      char c = kept.text().charAt(i);
      int at = kept.original(i);
      assertThat(at).as("offset %d maps forward", i).isGreaterThan(previous);
      previous = at;
      if (c != ' ') {
        assertThat(text.charAt(at)).as("offset %d", i).isEqualTo(c);
      }
    }
  }

  @Test
  void keepsTheFirstSentenceNamingASurname() {
    // "Fairfax denied" resolves to the full name given paragraphs earlier.
    String text =
        "Lead one. Lead two. Lt. Gov. Justin Fairfax spoke in Richmond on Monday. "
            + filler(8)
            + "Fairfax denied it.";
    List<String> kept = keptSentences(WINDOWS.keep(text).text());

    assertThat(kept).contains("Lt. Gov. Justin Fairfax spoke in Richmond on Monday.");
    assertThat(kept).doesNotContain("rain fell on day 1 of the month.");
  }

  @Test
  void wrongdoingNeedsAReportingWordOrAQuote() {
    String plain = "Lead one. Lead two. " + filler(5) + "The bribery trial opened. " + filler(5);
    String reported =
        "Lead one. Lead two. " + filler(5) + "Officials said bribery was rife. " + filler(5);
    String quoted =
        "Lead one. Lead two. " + filler(5) + "\u201cThey hacked our servers.\u201d " + filler(5);

    assertThat(WINDOWS.keep(plain).candidates()).isZero();
    assertThat(WINDOWS.keep(plain).text()).as("nothing to read").isEmpty();
    assertThat(WINDOWS.keep(reported).candidates()).isEqualTo(1);
    assertThat(WINDOWS.keep(quoted).candidates()).isEqualTo(1);
  }

  @Test
  void cuttingKeepsLineBreaksAndAWhollyKeptTextIsTheSame() {
    String text =
        "Lead one.\nrain today.\nmore rain.\n"
            + filler(3)
            + "\n"
            + "snow today.\nstill snow.\nThe envoy said Moscow had nothing to do with it.";
    String kept = WINDOWS.keep(text).text();
    assertThat(kept.chars().filter(c -> c == '\n').count())
        .isEqualTo(text.chars().filter(c -> c == '\n').count());
    assertThat(kept).doesNotContain("rain fell on day 1");

    String short_ = "The mayor accused the council. The council denied it.";
    assertThat(WINDOWS.keep(short_).text()).isSameAs(short_);
  }

  @Test
  void splitCoversTheTextInLinearSpans() {
    String text = "One. \u201cTwo?\u201d Three!\nU.S. officials met Sen. Warren. Four";
    assertThat(CandidateWindows.split(text))
        .extracting(s -> text.substring(s[0], s[1]))
        .containsExactly(
            "One.", " \u201cTwo?\u201d", " Three!", "U.S. officials met Sen. Warren.", " Four");
  }
}
