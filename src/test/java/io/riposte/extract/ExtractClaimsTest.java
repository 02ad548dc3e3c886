package io.riposte.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExtractClaimsTest {

  @Test
  void punctuationIsSplitOffTokensButAbbreviationsKeepTheirPeriod() {
    // "the U.S.,” the" as Spark NLP's tokenizer leaves it: one token for U.S.,”
    List<Token> tokens =
        ExtractClaims.tokens(List.of(4, 12), List.of(9, 14), List.of("U.S.,”", "the"));
    assertThat(tokens)
        .containsExactly(
            new Token(4, 8, "U.S."),
            new Token(8, 9, ","),
            new Token(9, 10, "”"),
            new Token(12, 15, "the"));
  }

  @Test
  void leadingQuotesAndLoneCharactersSurvive() {
    assertThat(ExtractClaims.tokens(List.of(0, 6), List.of(4, 6), List.of("“Fake", ",")))
        .containsExactly(new Token(0, 1, "“"), new Token(1, 5, "Fake"), new Token(6, 7, ","));
  }

  @Test
  void sentencesAreCutToTheirTokensAndCountedInTheWholeArticle() {
    // The NLP read "   ...   \n\nThe contractor was charged." with the quote before it blanked:
    // its sentence began in the blanks (s18-20 of the sample gave a sentence starting with the
    // closing quote of the blanked one).
    String text = "He said so. \"The people deserved better.\"\n\nThe contractor was charged.";
    int the = text.indexOf("The contractor");
    List<Token> tokens =
        List.of(
            new Token(the, the + 3, "The"),
            new Token(text.indexOf("charged"), text.length() - 1, "charged"),
            new Token(text.length() - 1, text.length(), "."));
    assertThat(ExtractClaims.trim(List.of(new Span(12, text.length()), new Span(0, 3)), tokens))
        .as("the first sentence trimmed, the second without tokens dropped")
        .containsExactly(new Span(the, text.length()));

    int[] starts = ExtractClaims.sentenceStarts(text);
    assertThat(starts).containsExactly(0, 12, the);
    assertThat(ExtractClaims.sentenceIndex(starts, the)).isEqualTo(2);
    assertThat(ExtractClaims.sentenceIndex(starts, 14)).isEqualTo(1);
  }
}
