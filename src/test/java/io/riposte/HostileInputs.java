package io.riposte;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Writes an archive of hostile inputs at test time (nothing large is committed): truncated gzip,
 * corrupt Parquet, a 50 MB single line, a gzip bomb, latin-1, NUL bytes, an empty file, 10k-deep
 * HTML, a 1M-character line with no sentence end, duplicate ids with different text, dates out of
 * range and two-digit years, and outlet names with {@code ../ / % =}. Each file's expected outcome
 * is listed in {@link #EXPECTED}.
 */
public final class HostileInputs {

  /**
   * Per file, the outcome of each of its records in order: {@code ok} (an article) or a reject
   * reason. The truncated gzip's count of records kept depends on where the cut falls in the
   * compressed stream, so it is given as "ok*" (one or more) then the reject.
   */
  public static final Map<String, String> EXPECTED = new LinkedHashMap<>();

  static {
    EXPECTED.put("truncated.jsonl.gz", "ok* CORRUPT_FILE");
    EXPECTED.put("corrupt.parquet", "CORRUPT_FILE");
    EXPECTED.put("huge-line.jsonl", "ok OVERSIZE ok");
    EXPECTED.put("bomb.jsonl.gz", "ok OVERSIZE");
    EXPECTED.put("latin1.jsonl", "ok");
    EXPECTED.put("nul.jsonl", "BINARY_CONTENT ok");
    EXPECTED.put("nul-bytes.txt", "BINARY_CONTENT");
    EXPECTED.put("empty.jsonl", "");
    EXPECTED.put("deep.html", "ok");
    EXPECTED.put("no-sentence-end.jsonl", "ok");
    EXPECTED.put("duplicate-ids.jsonl", "ok DUPLICATE_ID");
    EXPECTED.put("dates.jsonl", "ok ok ok ok ok ok");
    EXPECTED.put("outlets.jsonl", "ok ok ok ok");
  }

  private HostileInputs() {}

  /** An article text of about {@code chars} characters, with an accusation cue and full stops. */
  public static String article(String subject, int chars) {
    StringBuilder s = new StringBuilder();
    int i = 0;
    while (s.length() < chars) {
      s.append("Officials in ")
          .append(subject)
          .append(" accused the neighbouring state of a cyberattack on its banks, report ")
          .append(i++)
          .append(". ");
    }
    return s.toString();
  }

  private static String json(String id, String outlet, String date, String text) {
    return "{\"id\":\""
        + id
        + "\",\"outlet\":\""
        + outlet
        + "\",\"date\":\""
        + date
        + "\",\"text\":\""
        + text
        + "\"}\n";
  }

  /**
   * Writes every hostile file into {@code dir}; {@code validParquet} is the bytes of a small valid
   * Parquet file, truncated here to make the corrupt one.
   */
  public static void write(Path dir, byte[] validParquet) {
    try {
      Files.createDirectories(dir);
      StringBuilder many = new StringBuilder();
      for (int i = 0; i < 300; i++) {
        many.append(json("t" + i, "Wire", "2018-03-0" + (1 + i % 9), article("Alder " + i, 300)));
      }
      byte[] gz = gzip(many.toString().getBytes(StandardCharsets.UTF_8));
      Files.write(dir.resolve("truncated.jsonl.gz"), Arrays.copyOf(gz, gz.length / 2));

      Files.write(
          dir.resolve("corrupt.parquet"),
          Arrays.copyOf(validParquet, Math.max(8, validParquet.length / 2)));

      try (OutputStream out =
          new BufferedOutputStream(Files.newOutputStream(dir.resolve("huge-line.jsonl")))) {
        out.write(json("h1", "Wire", "2018-03-01", article("Birch", 400)).getBytes());
        out.write("{\"id\":\"h2\",\"text\":\"".getBytes());
        byte[] chunk = "a".repeat(1 << 20).getBytes();
        for (int i = 0; i < 50; i++) {
          out.write(chunk);
        }
        out.write("\"}\n".getBytes());
        out.write(json("h3", "Wire", "2018-03-02", article("Cedar", 400)).getBytes());
      }

      try (OutputStream out =
          new GZIPOutputStream(Files.newOutputStream(dir.resolve("bomb.jsonl.gz")), 1 << 16)) {
        out.write(json("b1", "Wire", "2018-03-01", article("Dogwood", 400)).getBytes());
        byte[] zeros = new byte[1 << 20];
        for (int i = 0; i < 200; i++) {
          out.write(zeros);
        }
      }

      Files.write(
          dir.resolve("latin1.jsonl"),
          json("l1", "Le Monde", "2018-03-01", article("Montr\u00e9al \u2013 caf\u00e9", 400))
              .getBytes(Charset.forName("windows-1252")));

      Files.write(
          dir.resolve("nul.jsonl"),
          (json("n1", "Wire", "2018-03-01", article("Elm", 300) + "\\u0000 end")
                  + json("n2", "Wire", "2018-03-01", article("Fir", 300)))
              .getBytes(StandardCharsets.UTF_8));
      byte[] nulPage = ("- Wire - March 1, 2018\n" + article("Ginkgo", 400)).getBytes();
      for (int i = 40; i < nulPage.length; i += 37) {
        nulPage[i] = 0;
      }
      Files.write(dir.resolve("nul-bytes.txt"), nulPage);

      Files.write(dir.resolve("empty.jsonl"), new byte[0]);

      StringBuilder deep = new StringBuilder("<html><head><title>Deep</title></head><body>");
      deep.append("<div>".repeat(10_000));
      deep.append("<p>").append(article("Hazel", 600)).append("</p>");
      deep.append("</div>".repeat(10_000)).append("</body></html>");
      Files.writeString(dir.resolve("deep.html"), deep);

      StringBuilder noEnd = new StringBuilder("Officials accused the state of a cyberattack ");
      while (noEnd.length() < 999_000) {
        noEnd.append("and then more words without any sentence end ");
      }
      Files.writeString(
          dir.resolve("no-sentence-end.jsonl"), json("e1", "Wire", "2018-03-01", noEnd.toString()));

      Files.writeString(
          dir.resolve("duplicate-ids.jsonl"),
          json("d1", "Wire", "2018-03-01", article("Juniper", 300))
              + json("d1", "Wire", "2018-03-01", article("Larch, another text", 300)));

      StringBuilder dates = new StringBuilder();
      String[] raw = {"0000-01-01", "0", "1970-01-01", "9999-12-31", "3/4/18", "3/4/50"};
      for (int i = 0; i < raw.length; i++) {
        dates.append(json("y" + i, "Wire", raw[i], article("Maple " + i, 300)));
      }
      Files.writeString(dir.resolve("dates.jsonl"), dates);

      StringBuilder outlets = new StringBuilder();
      String[] names = {"../../etc/passwd", "News/Wire", "100% News", "a=b"};
      for (int i = 0; i < names.length; i++) {
        outlets.append(json("o" + i, names[i], "2018-03-01", article("Oak " + i, 300)));
      }
      Files.writeString(dir.resolve("outlets.jsonl"), outlets);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] gzip(byte[] raw) throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(raw);
    }
    return out.toByteArray();
  }
}
