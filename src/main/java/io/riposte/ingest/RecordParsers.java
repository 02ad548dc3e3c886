package io.riposte.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.riposte.ingest.FieldMapping.Field;
import io.riposte.ingest.html.HtmlArticle;
import io.riposte.ingest.html.HtmlArticleExtractor;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Parsers from input formats to {@link RawRecord}s: one JSON line, a CSV stream, one raw text page,
 * one HTML page. Plain Java, one instance per partition (not thread-safe).
 */
public final class RecordParsers {

  private final FieldMapping mapping;
  private final int maxRecordChars;
  private final ObjectMapper json = new ObjectMapper();

  /**
   * @param maxRecordChars a raw record longer than this becomes an {@code OVERSIZE} reject
   */
  public RecordParsers(FieldMapping mapping, int maxRecordChars) {
    this.mapping = mapping;
    this.maxRecordChars = maxRecordChars;
  }

  /**
   * Every record of a JSON-lines stream, read in bounded memory ({@link ByteLines}): a line of more
   * than {@link #maxLineBytes()} bytes is an {@code OVERSIZE} reject without being kept whole; a
   * line that is not valid UTF-8 is read as windows-1252; a read failure (truncated or corrupt
   * gzip, gzip bomb) keeps the records before it and ends the file with one {@code CORRUPT_FILE}
   * (or, for a bomb, {@code OVERSIZE}) reject at the offset of the interrupted line.
   */
  public Iterator<RawRecord> jsonLines(InputStream in, String sourceFile) {
    ByteLines lines = new ByteLines(in, maxLineBytes());
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return lines.hasNext();
      }

      @Override
      public RawRecord next() {
        ByteLines.Line l = lines.next();
        if (l.fault() != null) {
          return corrupt(sourceFile, l.offset(), "jsonl", l.fault());
        }
        if (l.oversize()) {
          return RawRecord.rejected(
              sourceFile,
              l.offset(),
              "jsonl",
              RejectReason.OVERSIZE,
              "line longer than the cap of " + maxLineBytes() + " bytes (not read whole)",
              null);
        }
        return jsonLine(Content.decode(l.bytes()), sourceFile, l.offset());
      }
    };
  }

  /** Longest record, in characters (whole pages: in bytes). */
  public int maxRecordChars() {
    return maxRecordChars;
  }

  /** Longest JSON line kept, in bytes: two bytes per character of the record cap. */
  public int maxLineBytes() {
    return (int) Math.min(Integer.MAX_VALUE - 64L, 2L * maxRecordChars);
  }

  /**
   * The reject for the rest of a file after a read failure at {@code position}: {@code OVERSIZE}
   * for a passed expansion limit (gzip bomb), {@code CORRUPT_FILE} for anything else.
   */
  public static RawRecord corrupt(
      String sourceFile, long position, String format, Throwable fault) {
    boolean bomb = fault instanceof InputLimits.LimitExceeded;
    return RawRecord.rejected(
        sourceFile,
        position,
        format,
        bomb ? RejectReason.OVERSIZE : RejectReason.CORRUPT_FILE,
        (bomb ? "file " : "file unreadable from here on, records before kept: ")
            + fault.getClass().getSimpleName()
            + ": "
            + fault.getMessage(),
        null);
  }

  /** One JSON-lines record; {@code offset} is the line's byte offset in the file. */
  public RawRecord jsonLine(String line, String sourceFile, long offset) {
    if (line.length() > maxRecordChars) {
      return oversize(sourceFile, offset, "jsonl", line);
    }
    JsonNode node;
    try {
      node = json.readTree(line);
    } catch (JsonProcessingException e) {
      return RawRecord.rejected(
          sourceFile,
          offset,
          "jsonl",
          RejectReason.MALFORMED_RECORD,
          "invalid JSON: " + e.getOriginalMessage(),
          line);
    }
    if (node == null || !node.isObject()) {
      return RawRecord.rejected(
          sourceFile,
          offset,
          "jsonl",
          RejectReason.MALFORMED_RECORD,
          "expected a JSON object, got " + (node == null ? "nothing" : node.getNodeType()),
          line);
    }
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    int[] index = mapping.resolve(names);
    String[] values = new String[Field.values().length];
    for (Field f : Field.values()) {
      int i = index[f.ordinal()];
      JsonNode v = i < 0 ? null : node.get(names.get(i));
      values[f.ordinal()] =
          v == null || v.isNull() ? null : v.isValueNode() ? v.asText() : v.toString();
    }
    return fields(sourceFile, offset, "jsonl", values);
  }

  /**
   * All records of one CSV file (header first, RFC 4180 quoting, multi-line fields). A row with the
   * wrong number of fields becomes a MALFORMED_RECORD; a parse failure rejects the rest of the file
   * as one MALFORMED_RECORD at the failing record. Positions are record numbers from 1. Bytes that
   * are not UTF-8 are read as windows-1252.
   */
  public Iterator<RawRecord> csv(InputStream in, String sourceFile) {
    // UTF-8, with windows-1252 for the bytes that are not: latin-1 exports read right.
    Reader reader = Content.utf8OrWindows1252(in);
    CSVParser parser;
    try {
      parser =
          CSVFormat.RFC4180
              .builder()
              .setHeader()
              .setSkipHeaderRecord(true)
              .setAllowMissingColumnNames(true)
              .setIgnoreEmptyLines(true)
              .setTrim(false)
              .get()
              .parse(reader);
    } catch (IOException | RuntimeException e) {
      return List.of(
              RawRecord.rejected(
                  sourceFile,
                  0L,
                  "csv",
                  RejectReason.MALFORMED_RECORD,
                  "unreadable CSV header: " + e.getMessage(),
                  null))
          .iterator();
    }
    List<String> header = parser.getHeaderNames();
    int[] index = mapping.resolve(header);
    Iterator<CSVRecord> records = parser.iterator();
    return new Iterator<>() {
      private long number = 0;
      private boolean failed = false;
      private RuntimeException pending;

      @Override
      public boolean hasNext() {
        if (failed) {
          return false;
        }
        try {
          return pending != null || records.hasNext();
        } catch (UncheckedIOException | IllegalStateException e) {
          pending = e;
          return true;
        }
      }

      @Override
      public RawRecord next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        number++;
        CSVRecord record;
        try {
          if (pending != null) {
            throw pending;
          }
          record = records.next();
        } catch (UncheckedIOException e) {
          failed = true;
          Throwable cause = e.getCause();
          if (cause instanceof java.io.EOFException
              || cause instanceof java.util.zip.ZipException
              || cause instanceof InputLimits.LimitExceeded) {
            return corrupt(sourceFile, number, "csv", cause);
          }
          return RawRecord.rejected(
              sourceFile,
              number,
              "csv",
              RejectReason.MALFORMED_RECORD,
              "CSV parse failed, rest of file skipped: " + e.getMessage(),
              null);
        } catch (IllegalStateException e) {
          failed = true;
          return RawRecord.rejected(
              sourceFile,
              number,
              "csv",
              RejectReason.MALFORMED_RECORD,
              "CSV parse failed, rest of file skipped: " + e.getMessage(),
              null);
        }
        String raw = String.join(",", record.toList());
        if (record.size() != header.size()) {
          return RawRecord.rejected(
              sourceFile,
              number,
              "csv",
              RejectReason.MALFORMED_RECORD,
              "expected " + header.size() + " fields, got " + record.size(),
              raw);
        }
        if (raw.length() > maxRecordChars) {
          return oversize(sourceFile, number, "csv", raw);
        }
        String[] values = new String[Field.values().length];
        for (Field f : Field.values()) {
          int i = index[f.ordinal()];
          values[f.ordinal()] = i < 0 ? null : record.get(i);
        }
        return fields(sourceFile, number, "csv", values);
      }
    };
  }

  /** One column-mapped row of a Parquet table (already strings), {@code row} from 0. */
  public RawRecord columns(Map<String, String> row, String sourceFile, long rowNumber) {
    List<String> names = new ArrayList<>(row.keySet());
    int[] index = mapping.resolve(names);
    String[] values = new String[Field.values().length];
    for (Field f : Field.values()) {
      int i = index[f.ordinal()];
      values[f.ordinal()] = i < 0 ? null : row.get(names.get(i));
    }
    String text = values[Field.TEXT.ordinal()];
    if (text != null && text.length() > maxRecordChars) {
      return oversize(sourceFile, rowNumber, "parquet", text);
    }
    return fields(sourceFile, rowNumber, "parquet", values);
  }

  /**
   * A raw text page as scraped: an optional header line "- Outlet - Thursday, December 21, 2017",
   * then the body. The date is what follows the last " - " of the header.
   */
  public RawRecord textPage(byte[] bytes, String sourceFile) {
    String failure = Content.binaryReason(bytes);
    if (failure != null) {
      return RawRecord.rejected(
          sourceFile, 0L, "text", RejectReason.BINARY_CONTENT, failure, Content.lossy(bytes));
    }
    if (bytes.length > maxRecordChars) {
      return oversize(sourceFile, 0L, "text", Content.lossy(bytes));
    }
    String content = Content.decode(bytes);
    int start = 0;
    while (start < content.length() && Character.isWhitespace(content.charAt(start))) {
      start++;
    }
    int eol = content.indexOf('\n', start);
    String first = (eol < 0 ? content.substring(start) : content.substring(start, eol)).strip();
    String outlet = null;
    String date = null;
    String body = content;
    if (first.startsWith("- ") && first.indexOf(" - ", 2) > 0) {
      int sep = first.lastIndexOf(" - ");
      outlet = first.substring(2, sep).strip();
      date = first.substring(sep + 3).strip();
      body = eol < 0 ? "" : content.substring(eol + 1);
    }
    String[] values = new String[Field.values().length];
    values[Field.OUTLET.ordinal()] = outlet;
    values[Field.DATE.ordinal()] = date;
    values[Field.TEXT.ordinal()] = body;
    return fields(sourceFile, 0L, "text", values);
  }

  /** A raw HTML page: main text, title, outlet, date and URL through the HTML extractor. */
  public RawRecord htmlPage(byte[] bytes, String sourceFile) {
    if (bytes.length > maxRecordChars) {
      return oversize(sourceFile, 0L, "html", Content.lossy(bytes));
    }
    String failure = Content.binaryReason(bytes);
    if (failure != null) {
      return RawRecord.rejected(
          sourceFile, 0L, "html", RejectReason.BINARY_CONTENT, failure, Content.lossy(bytes));
    }
    HtmlArticle page = HtmlArticleExtractor.extract(Content.decode(bytes, true), null);
    String[] values = new String[Field.values().length];
    values[Field.URL.ordinal()] = page.url();
    values[Field.OUTLET.ordinal()] = page.siteName();
    values[Field.DATE.ordinal()] = page.publishedRaw();
    values[Field.TITLE.ordinal()] = page.title();
    values[Field.TEXT.ordinal()] = page.text();
    return fields(sourceFile, 0L, "html", values);
  }

  private RawRecord oversize(String sourceFile, long position, String format, String raw) {
    return RawRecord.rejected(
        sourceFile,
        position,
        format,
        RejectReason.OVERSIZE,
        "record of " + raw.length() + " characters exceeds the cap of " + maxRecordChars,
        raw);
  }

  private static RawRecord fields(String sourceFile, long position, String format, String[] v) {
    return new RawRecord(
        sourceFile,
        position,
        format,
        v[Field.ID.ordinal()],
        v[Field.URL.ordinal()],
        v[Field.OUTLET.ordinal()],
        v[Field.DATE.ordinal()],
        v[Field.TITLE.ordinal()],
        v[Field.TEXT.ordinal()],
        null,
        null,
        null);
  }
}
