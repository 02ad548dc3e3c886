package io.riposte.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Byte-level checks and decoding for inputs read as bytes (text and HTML pages, JSON lines). */
final class Content {

  /** How many leading bytes the binary check reads. */
  static final int SAMPLE_BYTES = 64 * 1024;

  /** Share of control characters or invalid UTF-8 sequences above which a file is binary. */
  static final double MAX_BAD_SHARE = 0.01;

  private Content() {}

  /** Why {@code bytes} is not text, or null when it is. */
  static String binaryReason(byte[] bytes) {
    int n = Math.min(bytes.length, SAMPLE_BYTES);
    int control = 0;
    for (int i = 0; i < n; i++) {
      int b = bytes[i] & 0xFF;
      if (b == 0) {
        return "contains NUL bytes";
      }
      if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
        control++;
      }
    }
    if (n > 0 && control > n * MAX_BAD_SHARE) {
      return "binary content: " + control + " control bytes in the first " + n;
    }
    String decoded = decode(java.util.Arrays.copyOf(bytes, n), false);
    long replaced = decoded.chars().filter(c -> c == '\uFFFD').count();
    if (!decoded.isEmpty() && replaced > decoded.length() * MAX_BAD_SHARE) {
      return "not decodable as UTF-8 nor windows-1252: "
          + replaced
          + " invalid sequences in the first "
          + n
          + " bytes";
    }
    return null;
  }

  /**
   * The text of {@code bytes}: UTF-8 (a byte-order mark dropped) when they are valid UTF-8; else
   * the charset an HTML page declares ({@code <meta charset>}, when {@code html} and the JVM knows
   * it); else windows-1252 (a superset of latin-1, the usual charset of old news pages). Bytes that
   * none of them maps become U+FFFD.
   */
  static String decode(byte[] bytes, boolean html) {
    int from = bom(bytes, bytes.length);
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, from, bytes.length - from))
          .toString();
    } catch (CharacterCodingException e) {
      Charset fallback = html ? declaredCharset(bytes) : null;
      return new String(bytes, fallback != null ? fallback : WINDOWS_1252);
    }
  }

  /** The same as {@link #decode(byte[], boolean)} for a plain text page. */
  static String decode(byte[] bytes) {
    return decode(bytes, false);
  }

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private static final java.util.regex.Pattern META_CHARSET =
      java.util.regex.Pattern.compile(
          "(?i)<meta[^>]{0,200}?charset\\s*=\\s*[\"']?([A-Za-z0-9_.:-]{1,40})");

  /** The charset declared in the first 4 KB of an HTML page, or null (unknown, or UTF-8). */
  static Charset declaredCharset(byte[] bytes) {
    String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
    java.util.regex.Matcher m = META_CHARSET.matcher(head);
    if (!m.find()) {
      return null;
    }
    try {
      Charset c = Charset.forName(m.group(1));
      return c.equals(StandardCharsets.UTF_8) ? null : c;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The same as {@link #decode}, for a lossy preview in a reject. */
  static String lossy(byte[] bytes) {
    return decode(bytes, Math.min(bytes.length, RawRecord.SNIPPET_CHARS * 4));
  }

  private static int bom(byte[] bytes, int length) {
    return length >= 3
            && (bytes[0] & 0xFF) == 0xEF
            && (bytes[1] & 0xFF) == 0xBB
            && (bytes[2] & 0xFF) == 0xBF
        ? 3
        : 0;
  }

  private static String decode(byte[] bytes, int length) {
    int from =
        length >= 3
                && (bytes[0] & 0xFF) == 0xEF
                && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF
            ? 3
            : 0;
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    try {
      return decoder.decode(ByteBuffer.wrap(bytes, from, length - from)).toString();
    } catch (CharacterCodingException e) {
      throw new IllegalStateException("a REPLACE decoder never throws", e);
    }
  }
}
