package io.riposte.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordParsersTest {

  private final RecordParsers parsers = new RecordParsers(FieldMapping.defaults(), 10_000);

  @Test
  void jsonLineMapsCommonFieldNames() {
    RawRecord r =
        parsers.jsonLine(
            "{\"unit_id\": 42, \"headline\": \"H\", \"source\": \"Fox News\","
                + " \"published\": \"2017-12-21\", \"body\": \"Text.\", \"url\": null}",
            "f.jsonl",
            120);
    assertThat(r)
        .isEqualTo(
            new RawRecord(
                "f.jsonl",
                120L,
                "jsonl",
                "42",
                null,
                "Fox News",
                "2017-12-21",
                "H",
                "Text.",
                null,
                null,
                null));
  }

  @Test
  void fieldOverridesComeFirst() {
    RecordParsers custom =
        new RecordParsers(FieldMapping.withOverrides(Map.of("text", "summary")), 10_000);
    RawRecord r = custom.jsonLine("{\"text\": \"long\", \"summary\": \"short\"}", "f", 0);
    assertThat(r.text()).isEqualTo("short");
  }

  @Test
  void malformedJsonIsRejectedWithItsPosition() {
    RawRecord r = parsers.jsonLine("{\"id\": \"a1\", \"text\": \"cut off", "f.jsonl", 77);
    assertThat(r.rejectReason()).isEqualTo("MALFORMED_RECORD");
    assertThat(r.position()).isEqualTo(77L);
    assertThat(r.rejectMessage()).startsWith("invalid JSON");
    assertThat(r.rawSnippet()).startsWith("{\"id\": \"a1\"");
    assertThat(parsers.jsonLine("[1, 2]", "f", 0).rejectMessage()).contains("ARRAY");
  }

  @Test
  void oversizeRecordsAreRejectedBeforeParsing() {
    RecordParsers small = new RecordParsers(FieldMapping.defaults(), 10);
    assertThat(small.jsonLine("{\"text\": \"0123456789\"}", "f", 0).rejectReason())
        .isEqualTo("OVERSIZE");
  }

  @Test
  void csvWithMultiLineFieldsAndABadRow() {
    String csv =
        "unit_id,article_title,article_content,source,date\r\n"
            + "1,T1,\"First paragraph, with a comma.\n\nSecond \"\"quoted\"\" one.\",reuters,4/5/2017\r\n"
            + "2,T2,only three\r\n"
            + "3,T3,Plain text,sana,12/21/2017\r\n";
    List<RawRecord> out = new ArrayList<>();
    parsers
        .csv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "w.csv")
        .forEachRemaining(out::add);
    assertThat(out).hasSize(3);
    assertThat(out.get(0).text())
        .isEqualTo("First paragraph, with a comma.\n\nSecond \"quoted\" one.");
    assertThat(out.get(0).id()).isEqualTo("1");
    assertThat(out.get(0).date()).isEqualTo("4/5/2017");
    assertThat(out.get(0).outlet()).isEqualTo("reuters");
    assertThat(out.get(1).rejectReason()).isEqualTo("MALFORMED_RECORD");
    assertThat(out.get(1).position()).isEqualTo(2L);
    assertThat(out.get(1).rejectMessage()).isEqualTo("expected 5 fields, got 3");
    assertThat(out.get(2).title()).isEqualTo("T3");
  }

  @Test
  void csvInUtf8OrLatin1ReadsRightAndKeepsEveryCharacter() throws java.io.IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}); // a byte-order mark
    bytes.write("id,text\n1,".getBytes(StandardCharsets.UTF_8));
    bytes.write("Le café de Zoë: naïve – déjà vu 🚀".getBytes(StandardCharsets.UTF_8));
    bytes.write("\n2,".getBytes(StandardCharsets.UTF_8));
    bytes.write("Le café de Zoë: 12€".getBytes(java.nio.charset.Charset.forName("windows-1252")));
    bytes.write("\n3,cut \u00e9 at the end: ".getBytes(StandardCharsets.UTF_8));
    bytes.write(new byte[] {(byte) 0xC3}); // a UTF-8 sequence cut short by the end of the file
    List<RawRecord> out = new ArrayList<>();
    parsers.csv(new ByteArrayInputStream(bytes.toByteArray()), "w.csv").forEachRemaining(out::add);
    assertThat(out).extracting(RawRecord::id).containsExactly("1", "2", "3");
    assertThat(out.get(0).text()).isEqualTo("Le café de Zoë: naïve – déjà vu 🚀");
    assertThat(out.get(1).text()).isEqualTo("Le café de Zoë: 12€");
    assertThat(out.get(2).text()).isEqualTo("cut \u00e9 at the end: \u00c3");
  }

  @Test
  void csvWithAnUnterminatedQuoteRejectsTheRestOnce() {
    String csv = "id,text\n1,ok text\n2,\"never closed\n3,more\n";
    List<RawRecord> out = new ArrayList<>();
    parsers
        .csv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "w.csv")
        .forEachRemaining(out::add);
    assertThat(out).extracting(RawRecord::rejectReason).containsExactly(null, "MALFORMED_RECORD");
  }

  @Test
  void rawTextPageHeaderGivesOutletAndDate() {
    String page =
        "- The Harbor Gazette - Thursday, December 21, 2017\n\nFirst paragraph.\n\nSecond.\n";
    RawRecord r = parsers.textPage(page.getBytes(StandardCharsets.UTF_8), "p.txt");
    assertThat(r.outlet()).isEqualTo("The Harbor Gazette");
    assertThat(r.date()).isEqualTo("Thursday, December 21, 2017");
    assertThat(r.text()).isEqualTo("\nFirst paragraph.\n\nSecond.\n");
  }

  @Test
  void binaryFilesAreRejected() {
    byte[] bytes = new byte[300];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (i * 37);
    }
    RawRecord r = parsers.textPage(bytes, "x.txt");
    assertThat(r.rejectReason()).isEqualTo("BINARY_CONTENT");
    assertThat(r.rejectMessage()).contains("NUL");
  }
}
