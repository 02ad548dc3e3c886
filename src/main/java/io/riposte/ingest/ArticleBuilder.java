package io.riposte.ingest;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;

/**
 * Turns a parsed {@link RawRecord} into an {@link Article} or a reject: cleans the text, checks it,
 * resolves the outlet and date, and assigns the article id and content hash. Plain Java, one
 * instance per partition.
 */
public final class ArticleBuilder implements Serializable {

  private static final long serialVersionUID = 1L;

  /** An accepted article before duplicate marking. */
  public record Article(
      String articleId,
      String outlet,
      String outletKey,
      String url,
      LocalDate publishedDate,
      PublishedDate.Status dateStatus,
      String title,
      String text,
      String sourceFile,
      String contentHash) {}

  /** Exactly one of {@code article} and {@code reject} is set. */
  public record Result(Article article, RawRecord reject) {}

  /** Limits applied to every record. */
  public record Limits(int minChars, int maxChars) implements Serializable {
    public Limits {
      if (minChars < 0 || maxChars <= minChars) {
        throw new IllegalArgumentException(
            "expected 0 <= min-chars < max-chars, got " + minChars + " and " + maxChars);
      }
    }
  }

  private final TextCleaner cleaner;
  private final Outlets outlets;
  private final Limits limits;
  private final LocalDate runDate;

  /** A builder for a run on today's date (UTC), which bounds valid publication dates. */
  public ArticleBuilder(TextCleaner cleaner, Outlets outlets, Limits limits) {
    this(cleaner, outlets, limits, LocalDate.now(java.time.ZoneOffset.UTC));
  }

  /** A builder for a run on {@code runDate}: later dates than the day after are invalid. */
  public ArticleBuilder(TextCleaner cleaner, Outlets outlets, Limits limits, LocalDate runDate) {
    this.cleaner = cleaner;
    this.outlets = outlets;
    this.limits = limits;
    this.runDate = runDate;
  }

  /** Builds the article of {@code raw}; a record already rejected by its parser passes through. */
  public Result build(RawRecord raw) {
    if (raw.rejectReason() != null) {
      return new Result(null, raw);
    }
    if (raw.text() == null) {
      return reject(raw, RejectReason.EMPTY_TEXT, "no text field", summary(raw));
    }
    String binary = binaryText(raw.text());
    if (binary != null) {
      return reject(raw, RejectReason.BINARY_CONTENT, binary, raw.text());
    }
    if (raw.text().length() > limits.maxChars()) {
      return reject(
          raw,
          RejectReason.OVERSIZE,
          "text of " + raw.text().length() + " characters exceeds the cap of " + limits.maxChars(),
          raw.text());
    }
    String text = cleaner.clean(raw.text());
    if (text.isEmpty()) {
      return reject(raw, RejectReason.EMPTY_TEXT, "text is empty after cleaning", raw.text());
    }
    if (text.length() < limits.minChars()) {
      return reject(
          raw,
          RejectReason.TOO_SHORT,
          "text of " + text.length() + " characters is under the minimum of " + limits.minChars(),
          raw.text());
    }
    Outlets.Outlet outlet = outlets.resolve(raw.outlet(), raw.url());
    PublishedDate.Parsed date = PublishedDate.parse(raw.date(), runDate);
    String title = raw.title() == null ? null : blankToNull(cleaner.clean(raw.title()));
    String url = blankToNull(raw.url());
    String hash = contentHash(text);
    String id =
        raw.id() != null && !raw.id().isBlank()
            ? raw.id().strip()
            : "h" + sha256(outlet.key() + "\n" + url + "\n" + title + "\n" + hash).substring(0, 16);
    return new Result(
        new Article(
            id,
            outlet.label(),
            outlet.key(),
            url,
            date.date(),
            date.status(),
            title,
            text,
            raw.sourceFile(),
            hash),
        null);
  }

  /**
   * SHA-256 of the text with case, punctuation and white space folded, so that copies differing
   * only in typography hash alike.
   */
  public static String contentHash(String text) {
    StringBuilder folded = new StringBuilder(text.length());
    boolean gap = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        if (gap && folded.length() > 0) {
          folded.append(' ');
        }
        gap = false;
        folded.append(Character.toLowerCase(c));
      } else {
        gap = true;
      }
    }
    return sha256(folded.toString());
  }

  /** Why a decoded text field looks binary (NULs, control characters, U+FFFD), or null. */
  static String binaryText(String text) {
    int bad = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 0) {
        return "text contains NUL characters";
      }
      if (c == '\uFFFD' || (c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
        bad++;
      }
    }
    return bad >= 5 && bad > text.length() * Content.MAX_BAD_SHARE * 2
        ? "text has " + bad + " control or undecodable characters in " + text.length()
        : null;
  }

  private static Result reject(RawRecord raw, RejectReason reason, String message, String shown) {
    return new Result(
        null,
        RawRecord.rejected(raw.sourceFile(), raw.position(), raw.format(), reason, message, shown));
  }

  private static String summary(RawRecord raw) {
    return "id=" + raw.id() + " title=" + raw.title();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String sha256(String s) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
