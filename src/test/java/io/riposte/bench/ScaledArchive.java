package io.riposte.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a benchmark archive from a JSON lines archive: its first {@code --limit} records (all by
 * default), then {@code --copies - 1} more copies of them, so a run sees {@code --copies} times the
 * work. Copy 0 is the records as they are (byte for byte); copy k gets the id {@code <id>-copy<k>},
 * the URL {@code <url>#copy<k>} and its text with one word in every 200 to 400 (at least one)
 * replaced by another word of the same text (which can happen to be the same word), so every copy
 * is a near-duplicate of its original (Jaccard distance of word 5-shingles about 10 / gap: 0.025 to
 * 0.05) and not an exact one: the duplicate detection does real work, as it would on syndicated
 * copies.
 *
 * <p>Deterministic: one random sequence from {@code --seed} (default 13), consumed in file order;
 * the same arguments give the same bytes (the gzip header carries no time).
 *
 * <p>Arguments: {@code --input ARCHIVE.jsonl[.gz] --output FILE.jsonl.gz [--limit N] [--copies K]
 * [--seed S]}. Prints {@code archive: N records per copy, K copies, R records, B bytes}.
 */
public final class ScaledArchive {

  private static final int MIN_GAP = 200;
  private static final int MAX_GAP = 400;

  private ScaledArchive() {}

  public static void main(String[] args) throws IOException {
    Path input = null;
    Path output = null;
    long limit = Long.MAX_VALUE;
    int copies = 1;
    long seed = 13;
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--input" -> input = Path.of(required(args[i], value));
        case "--output" -> output = Path.of(required(args[i], value));
        case "--limit" -> limit = positive(args[i], value);
        case "--copies" -> copies = (int) positive(args[i], value);
        case "--seed" -> seed = positive(args[i], value);
        default -> usage("unknown argument " + args[i]);
      }
      i++;
    }
    if (input == null || output == null) {
      usage("--input and --output are required");
    }
    ObjectMapper json = new ObjectMapper();
    SplittableRandom random = new SplittableRandom(seed);
    Path partial = output.resolveSibling(output.getFileName() + ".partial");
    long perCopy = 0;
    try (Writer out =
        new BufferedWriter(
            new OutputStreamWriter(
                new GZIPOutputStream(Files.newOutputStream(partial), 1 << 16),
                StandardCharsets.UTF_8),
            1 << 16)) {
      for (int copy = 0; copy < copies; copy++) {
        perCopy = 0;
        try (BufferedReader in = open(input)) {
          for (String line = in.readLine(); line != null && perCopy < limit; line = in.readLine()) {
            if (!line.isBlank()) {
              out.write(copy == 0 ? line : copyOf(json, line, copy, random));
              out.write('\n');
              perCopy++;
            }
          }
        }
      }
    }
    Files.move(partial, output, StandardCopyOption.REPLACE_EXISTING);
    System.out.printf(
        "archive: %d records per copy, %d copies, %d records, %d bytes%n",
        perCopy, copies, perCopy * copies, Files.size(output));
  }

  /** A JSON lines file, gzip or plain, as UTF-8 text. */
  private static BufferedReader open(Path input) throws IOException {
    InputStream raw = Files.newInputStream(input);
    return new BufferedReader(
        new InputStreamReader(
            input.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw,
            StandardCharsets.UTF_8),
        1 << 16);
  }

  /** Copy {@code copy} of one record; a line that is not a JSON object is kept as it is. */
  static String copyOf(ObjectMapper json, String line, int copy, SplittableRandom random)
      throws IOException {
    JsonNode node;
    try {
      node = json.readTree(line);
    } catch (IOException e) {
      return line;
    }
    if (!(node instanceof ObjectNode record)) {
      return line;
    }
    if (record.hasNonNull("id")) {
      record.put("id", record.get("id").asText() + "-copy" + copy);
    }
    if (record.hasNonNull("url")) {
      record.put("url", record.get("url").asText() + "#copy" + copy);
    }
    if (record.hasNonNull("text")) {
      record.put("text", perturb(record.get("text").asText(), random));
    }
    return json.writeValueAsString(record);
  }

  /**
   * {@code text} with one word in every {@link #MIN_GAP} to {@link #MAX_GAP} (the first within the
   * first {@link #MAX_GAP} words, at least one) replaced by a word drawn from the text; white space
   * is kept as it is.
   */
  static String perturb(String text, SplittableRandom random) {
    List<int[]> words = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      if (i > start) {
        words.add(new int[] {start, i});
      }
    }
    if (words.size() < 2) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 32);
    int copied = 0;
    int at = random.nextInt(Math.min(MAX_GAP, words.size()));
    for (; at < words.size(); at += random.nextInt(MIN_GAP, MAX_GAP + 1)) {
      int[] word = words.get(at);
      int[] donor = words.get(random.nextInt(words.size()));
      out.append(text, copied, word[0]).append(text, donor[0], donor[1]);
      copied = word[1];
    }
    return out.append(text, copied, text.length()).toString();
  }

  private static String required(String name, String value) {
    if (value == null) {
      usage(name + " needs a value");
    }
    return value;
  }

  private static long positive(String name, String value) {
    long n = 0;
    try {
      n = Long.parseLong(required(name, value));
    } catch (NumberFormatException e) {
      usage(name + " expects a whole number, got " + value);
    }
    if (n < 1) {
      usage(name + " must be 1 or more, got " + n);
    }
    return n;
  }

  private static void usage(String problem) {
    System.err.println(
        "ScaledArchive: "
            + problem
            + "\nusage: ScaledArchive --input ARCHIVE --output FILE.jsonl.gz [--limit N]"
            + " [--copies K] [--seed S]");
    System.exit(2);
  }
}
