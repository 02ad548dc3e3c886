package io.riposte.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Bounds on what one input file may expand to. A compressed file that decompresses to more than
 * {@link #MAX_EXPANSION} times its size, beyond {@link #EXPANSION_FLOOR_BYTES}, is a gzip bomb: its
 * reading stops there with a {@link LimitExceeded}, and the rest of the file becomes one reject.
 */
public final class InputLimits {

  /** Largest ratio of decompressed to compressed bytes (news text compresses 3-10 times). */
  public static final long MAX_EXPANSION = 100;

  /** Decompressed bytes any compressed file may reach whatever its ratio. */
  public static final long EXPANSION_FLOOR_BYTES = 64L * 1024 * 1024;

  private InputLimits() {}

  /** Thrown when a stream passes its limit; an {@link IOException} so readers stop on it. */
  public static final class LimitExceeded extends IOException {
    public LimitExceeded(String message) {
      super(message);
    }
  }

  /**
   * {@code decompressed} limited to what a file of {@code compressedBytes} may expand to: reading
   * past it throws {@link LimitExceeded}.
   */
  public static InputStream expansionLimited(InputStream decompressed, long compressedBytes) {
    long limit = Math.max(EXPANSION_FLOOR_BYTES, compressedBytes * MAX_EXPANSION);
    return new FilterInputStream(decompressed) {
      private long read;

      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          count(1);
        }
        return b;
      }

      @Override
      public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
          count(n);
        }
        return n;
      }

      private void count(int n) throws LimitExceeded {
        read += n;
        if (read > limit) {
          throw new LimitExceeded(
              "decompresses to more than "
                  + limit
                  + " bytes ("
                  + MAX_EXPANSION
                  + " times its "
                  + compressedBytes
                  + " compressed bytes): a gzip bomb?");
        }
      }
    };
  }
}
