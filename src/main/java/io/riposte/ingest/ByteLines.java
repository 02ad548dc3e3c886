package io.riposte.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The lines of a byte stream with their byte offsets, read in bounded memory: a line longer than
 * {@code maxLineBytes} is skipped to its end without being kept ({@link Line#oversize}), and a read
 * failure (a truncated or corrupt gzip stream, a limit passed) ends the iteration with one last
 * {@link Line#fault} line at the offset of the line it interrupted. Blank lines are skipped.
 */
public final class ByteLines implements Iterator<ByteLines.Line> {

  /**
   * One line: its bytes (without the line break), or the length of an oversize line, or a fault.
   *
   * @param offset byte offset of the line's start in the (decompressed) stream
   * @param bytes the line, null when oversize or a fault
   * @param length the line's length in bytes (for an oversize line: at least this many)
   * @param fault the read failure that ended the stream, else null
   */
  public record Line(long offset, byte[] bytes, long length, IOException fault) {
    public boolean oversize() {
      return bytes == null && fault == null;
    }
  }

  private final InputStream in;
  private final int maxLineBytes;
  private final byte[] buf = new byte[64 * 1024];
  private int pos;
  private int end;
  private long consumed;
  private boolean done;
  private Line next;

  public ByteLines(InputStream in, int maxLineBytes) {
    this.in = in;
    this.maxLineBytes = maxLineBytes;
  }

  @Override
  public boolean hasNext() {
    if (next == null && !done) {
      next = advance();
    }
    return next != null;
  }

  @Override
  public Line next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Line l = next;
    next = null;
    return l;
  }

  private Line advance() {
    while (true) {
      long start = consumed + pos;
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      long length = 0;
      boolean over = false;
      boolean blank = true;
      try {
        while (true) {
          if (pos == end) {
            consumed += end;
            pos = 0;
            end = 0;
            int n = in.read(buf);
            if (n < 0) {
              done = true;
              break;
            }
            end = n;
          }
          int from = pos;
          while (pos < end && buf[pos] != '\n') {
            pos++;
          }
          int n = pos - from;
          length += n;
          if (!over) {
            if (length > maxLineBytes) {
              over = true;
              line = null;
            } else {
              line.write(buf, from, n);
            }
          }
          for (int i = from; i < from + n && blank; i++) {
            blank = Character.isWhitespace(buf[i]);
          }
          if (pos < end) {
            pos++;
            break;
          }
        }
      } catch (IOException e) {
        done = true;
        return new Line(start, null, length, e);
      }
      if (over) {
        return new Line(start, null, length, null);
      }
      if (!blank) {
        byte[] bytes = line.toByteArray();
        int n = bytes.length;
        if (n > 0 && bytes[n - 1] == '\r') {
          bytes = java.util.Arrays.copyOf(bytes, n - 1);
        }
        return new Line(start, bytes, length, null);
      }
      if (done) {
        return null;
      }
    }
  }
}
