package io.riposte.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Byte-level checks and decoding for inputs read as bytes (text and HTML pages, JSON lines) or
 * streamed (CSV).
 */
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

  /** The windows-1252 character of each byte (U+FFFD for the five it leaves undefined). */
  private static final char[] CP1252 = new char[256];

  static {
    for (int b = 0; b < 256; b++) {
      CP1252[b] = new String(new byte[] {(byte) b}, WINDOWS_1252).charAt(0);
    }
  }

  /**
   * A stream decoded as UTF-8 (a leading byte-order mark dropped), where a byte that does not start
   * a valid UTF-8 sequence is read as windows-1252: for streamed inputs (CSV) that cannot be
   * decoded whole first. Bounded work per byte: a sequence is at most 4 bytes.
   */
  static java.io.Reader utf8OrWindows1252(java.io.InputStream raw) {
    return new Utf8OrWindows1252(raw);
  }

  private static final class Utf8OrWindows1252 extends java.io.Reader {
    private final java.io.BufferedInputStream in;
    private int pendingLow = -1;
    private boolean started;

    Utf8OrWindows1252(java.io.InputStream raw) {
      this.in = new java.io.BufferedInputStream(raw, 64 * 1024);
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws java.io.IOException {
      if (!started) {
        started = true;
        in.mark(3);
        if (!(in.read() == 0xEF && in.read() == 0xBB && in.read() == 0xBF)) {
          in.reset();
        }
      }
      if (len == 0) {
        return 0;
      }
      int n = 0;
      while (n < len) {
        if (pendingLow >= 0) {
          cbuf[off + n++] = (char) pendingLow;
          pendingLow = -1;
          continue;
        }
        int b = in.read();
        if (b < 0) {
          return n == 0 ? -1 : n;
        }
        if (b < 0x80) {
          cbuf[off + n++] = (char) b;
          continue;
        }
        int more =
            b >= 0xC2 && b <= 0xDF
                ? 1
                : b >= 0xE0 && b <= 0xEF ? 2 : b >= 0xF0 && b <= 0xF4 ? 3 : 0;
        int cp = more == 1 ? b & 0x1F : more == 2 ? b & 0x0F : b & 0x07;
        boolean ok = more > 0;
        in.mark(3);
        for (int k = 0; ok && k < more; k++) {
          int c = in.read();
          ok = c >= 0 && (c & 0xC0) == 0x80;
          cp = (cp << 6) | (c & 0x3F);
        }
        ok =
            ok
                && !(more == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF)))
                && !(more == 3 && (cp < 0x10000 || cp > 0x10FFFF));
        if (!ok) {
          if (more > 0) {
            in.reset();
          }
          cbuf[off + n++] = CP1252[b];
        } else if (cp >= 0x10000) {
          char[] pair = Character.toChars(cp);
          cbuf[off + n++] = pair[0];
          pendingLow = pair[1];
        } else {
          cbuf[off + n++] = (char) cp;
        }
        if (in.available() == 0) {
          break; // hand back what is decoded rather than block for more
        }
      }
      return n;
    }

    @Override
    public void close() throws java.io.IOException {
      in.close();
    }
  }

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
