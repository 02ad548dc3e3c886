package io.riposte.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.io.ReferenceFiles;
import org.junit.jupiter.api.Test;

class TextCleanerTest {

  private final TextCleaner cleaner =
      new TextCleaner(Boilerplate.parse(ReferenceFiles.bundled().lines("boilerplate.tsv")));

  @Test
  void markupBecomesTextWithBlockAndLineBreaks() {
    assertThat(TextCleaner.markupToText("<p>a<br>b</p><div>c<p>d</p>e</div><script>x=1</script>"))
        .isEqualTo("a\n\nb\n\ncd\n\ne\n\n");
    assertThat(TextCleaner.markupToText("<ul><li>one</li><li>t &amp; w</li></ul><h4>h</h4>tail"))
        .isEqualTo("one\n\nt & w\n\nh\n\ntail");
  }

  /** Regression: jsoup after() per element was quadratic (40,000 paragraphs: 16 s). */
  @Test
  void markupCleanUpIsLinearInTheNumberOfSiblings() {
    StringBuilder html = new StringBuilder();
    for (int i = 0; i < 100_000; i++) {
      html.append("<p>paragraph ").append(i).append("<br>x</p>");
    }
    String text =
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
            java.time.Duration.ofSeconds(10), () -> TextCleaner.markupToText(html.toString()));
    assertThat(text).startsWith("paragraph 0\n\nx\n\nparagraph 1").hasSizeGreaterThan(1_500_000);
  }

  @Test
  void removesBoilerplateLinesAndTheTrailingBlock() {
    String raw =
        "The ministry denied the report on Tuesday.\n\nAdvertisement\n\nStory Continued Below\n\n"
            + "Officials said the talks would go on.\n\nCLICK HERE TO GET THE HARBOR GAZETTE APP\n\n"
            + "A second paragraph with enough words to matter here.\n\n"
            + "Copyright © 2019 The Harbor Gazette, LLC. Click here for reprint permission.\n\n"
            + "The Harbor Gazette Comment Policy\n\nClick to Read More and View Comments";
    assertThat(cleaner.clean(raw))
        .isEqualTo(
            "The ministry denied the report on Tuesday.\n\n"
                + "Officials said the talks would go on.\n\n"
                + "A second paragraph with enough words to matter here.");
  }

  @Test
  void keepsLongParagraphsThatMentionBoilerplateWords() {
    String paragraph =
        "Advertisement revenue fell sharply, the company said, and its newsletter lost readers"
            + " after a year in which the firm was accused of misleading investors about"
            + " subscriber numbers, a charge it denied in a statement issued late on Friday.";
    assertThat(cleaner.clean(paragraph)).isEqualTo(paragraph);
  }

  @Test
  void decodesEntitiesAndEscapedMarkup() {
    assertThat(cleaner.clean("Tom &amp; Jerry &quot;said&quot; it&#8217;s fine"))
        .isEqualTo("Tom & Jerry \"said\" it’s fine");
    assertThat(cleaner.clean("&lt;p&gt;First.&lt;/p&gt;&lt;p&gt;Second.&lt;/p&gt;"))
        .isEqualTo("First.\n\nSecond.");
  }

  @Test
  void repairsDoubleEncodedUtf8AndKeepsGoodCharacters() {
    assertThat(cleaner.clean("Itâ€™s â€œbaselessâ€\u009d, said Ã‰lodie — café"))
        .isEqualTo("It’s “baseless”, said Élodie — café");
  }

  @Test
  void normalisesWhitespaceAndQuotes() {
    assertThat(cleaner.clean("  One\u00A0two\t three \r\n\r\n\r\n„Four“ «five»\u200B  "))
        .isEqualTo("One two three\n\n“Four“ “five”");
  }

  @Test
  void nullIsEmpty() {
    assertThat(cleaner.clean(null)).isEmpty();
  }
}
