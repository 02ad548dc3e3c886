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
}
