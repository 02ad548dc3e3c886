package io.riposte.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Byte-level checks and decoding for whole-file inputs (text and HTML pages). */
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
    String decoded = decode(bytes, n);
    long replaced = decoded.chars().filter(c -> c == '\uFFFD').count();
    if (!decoded.isEmpty() && replaced > decoded.length() * MAX_BAD_SHARE) {
      return "not decodable as UTF-8: "
          + replaced
          + " invalid sequences in the first "
          + n
          + " bytes";
    }
    return null;
  }

  /** UTF-8 with a byte-order mark dropped and invalid sequences replaced by U+FFFD. */
  static String decode(byte[] bytes) {
    return decode(bytes, bytes.length);
  }

  /** The same as {@link #decode}, for a lossy preview in a reject. */
  static String lossy(byte[] bytes) {
    return decode(bytes, Math.min(bytes.length, RawRecord.SNIPPET_CHARS * 4));
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
