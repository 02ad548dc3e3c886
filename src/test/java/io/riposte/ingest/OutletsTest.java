package io.riposte.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OutletsTest {

  private final Outlets outlets =
      Outlets.parse(
          List.of(
              "outlet_key\tname\taliases\tdomains",
              "fox-news\tFox News\tFox News|Fox Online News\tfoxnews.com",
              "washington-times\tThe Washington Times\tWashington Times\twashingtontimes.com"));

  @Test
  void aliasesMapToOneKey() {
    assertThat(outlets.resolve("Fox Online News", null))
        .isEqualTo(new Outlets.Outlet("Fox Online News", "fox-news"));
    assertThat(outlets.resolve("fox  news", null).key()).isEqualTo("fox-news");
    assertThat(outlets.resolve("The Washington Times", null).key()).isEqualTo("washington-times");
  }

  @Test
  void urlHostDecidesWhenTheLabelIsUnknownOrMissing() {
    assertThat(outlets.resolve(null, "https://www.foxnews.com/politics/x"))
        .isEqualTo(new Outlets.Outlet("Fox News", "fox-news"));
    assertThat(outlets.resolve("www.washingtontimes.com", null).key())
        .isEqualTo("washington-times");
    assertThat(outlets.resolve(null, "https://video.foxnews.com/v/1").key()).isEqualTo("fox-news");
  }

  @Test
  void unknownOutletsPassThroughNormalised() {
    assertThat(outlets.resolve("Guest Writer - Right", null))
        .isEqualTo(new Outlets.Outlet("Guest Writer - Right", "guest-writer-right"));
    assertThat(outlets.resolve(null, "https://news.example.org/a").key())
        .isEqualTo("news-example-org");
    assertThat(outlets.resolve(null, null)).isEqualTo(new Outlets.Outlet(null, null));
  }
}
