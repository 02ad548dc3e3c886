package io.riposte.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** Bad input is a reject: truncated gzip, oversize lines, gzip bombs, non-UTF-8 bytes. */
class BoundedReadingTest {

  private final RecordParsers parsers = new RecordParsers(FieldMapping.defaults(), 1_000);

  private static String line(String id, String text) {
    return "{\"id\":\"" + id + "\",\"text\":\"" + text + "\"}\n";
  }

  private static byte[] gzip(byte[] raw) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(raw);
    }
    return out.toByteArray();
  }

  private List<RawRecord> read(InputStream in) {
    List<RawRecord> out = new ArrayList<>();
    parsers.jsonLines(in, "f.jsonl.gz").forEachRemaining(out::add);
    return out;
  }

  private static List<String> summary(List<RawRecord> records) {
    return records.stream()
        .map(
            r ->
                r.position() + " " + (r.rejectReason() == null ? "id=" + r.id() : r.rejectReason()))
        .toList();
  }

  /** Regression: a download cut short aborted the whole job with EOFException. */
  @Test
  void truncatedGzipKeepsTheRecordsBeforeTheCutAndRejectsTheRest() throws IOException {
    StringBuilder raw = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      raw.append(line("a" + i, "text number " + i + " " + "x".repeat(i % 50)));
    }
    byte[] gz = gzip(raw.toString().getBytes(StandardCharsets.UTF_8));
    byte[] cut = Arrays.copyOf(gz, gz.length * 2 / 3);
    List<RawRecord> records = read(new GZIPInputStream(new ByteArrayInputStream(cut)));
    RawRecord last = records.get(records.size() - 1);
    assertThat(last.rejectReason()).isEqualTo("CORRUPT_FILE");
    assertThat(last.rejectMessage()).contains("EOFException");
    assertThat(records.subList(0, records.size() - 1))
        .as("records before the cut")
        .hasSizeGreaterThan(50)
        .allMatch(r -> r.rejectReason() == null);
    assertThat(records.get(1).position()).isEqualTo(line("a0", "text number 0 ").length());
  }

  @Test
  void aLineOverTheCapIsRejectedAndTheNextLineIsRead() {
    String big = line("big", "y".repeat(5_000));
    byte[] raw = (line("a", "one") + big + line("b", "two")).getBytes(StandardCharsets.UTF_8);
    assertThat(summary(read(new ByteArrayInputStream(raw))))
        .containsExactly(
            "0 id=a",
            line("a", "one").length() + " OVERSIZE",
            (line("a", "one") + big).length() + " id=b");
  }

  @Test
  void aGzipBombIsRejectedOnceItsExpansionLimitIsPassed() throws IOException {
    byte[] zeros = new byte[1 << 20];
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(line("first", "kept").getBytes(StandardCharsets.UTF_8));
      for (int i = 0; i < 80; i++) {
        gz.write(zeros);
      }
    }
    byte[] bomb = out.toByteArray();
    InputStream in =
        InputLimits.expansionLimited(
            new GZIPInputStream(new ByteArrayInputStream(bomb)), bomb.length);
    List<RawRecord> records = read(in);
    assertThat(summary(records))
        .containsExactly("0 id=first", line("first", "kept").length() + " OVERSIZE");
    assertThat(records.get(1).rejectMessage()).contains("gzip bomb");
  }

  @Test
  void latin1BytesAreReadAsWindows1252() {
    byte[] raw =
        line("l", "Caf\u00e9 d\u00e9cor \u2013 na\u00efve")
            .getBytes(Charset.forName("windows-1252"));
    RawRecord r = read(new ByteArrayInputStream(raw)).get(0);
    assertThat(r.text()).isEqualTo("Caf\u00e9 d\u00e9cor \u2013 na\u00efve");
  }

  @Test
  void htmlDeclaredCharsetIsUsedWhenTheBytesAreNotUtf8() {
    String page =
        "<html><head><meta charset=\"iso-8859-7\"><title>t</title></head><body><p>"
            + "\u0391\u03b8\u03ae\u03bd\u03b1</p></body></html>";
    byte[] bytes = page.getBytes(Charset.forName("iso-8859-7"));
    assertThat(Content.decode(bytes, true)).contains("\u0391\u03b8\u03ae\u03bd\u03b1");
    assertThat(Content.binaryReason(bytes)).isNull();
  }

  @Test
  void utf8StaysUtf8() {
    byte[] bytes = "na\u00efve \u2014 \u4e2d\u6587".getBytes(StandardCharsets.UTF_8);
    assertThat(Content.decode(bytes, true)).isEqualTo("na\u00efve \u2014 \u4e2d\u6587");
  }
}
