package io.riposte.ingest;

import java.util.Locale;

/** Input formats the ingest job reads, chosen by file name or by {@code --format}. */
public enum InputFormat {
  JSONL,
  CSV,
  PARQUET,
  TEXT,
  HTML;

  /** The format a file name implies ({@code .gz} looked through), or null when none does. */
  public static InputFormat ofFileName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.endsWith(".gz")) {
      n = n.substring(0, n.length() - 3);
    }
    if (n.endsWith(".jsonl") || n.endsWith(".ndjson") || n.endsWith(".json")) {
      return JSONL;
    }
    if (n.endsWith(".csv")) {
      return CSV;
    }
    if (n.endsWith(".parquet")) {
      return PARQUET;
    }
    if (n.endsWith(".txt")) {
      return TEXT;
    }
    if (n.endsWith(".html") || n.endsWith(".htm")) {
      return HTML;
    }
    return null;
  }

  /** Parses a {@code --format} value; "auto" gives null. */
  public static InputFormat parse(String value) {
    if (value == null || value.equalsIgnoreCase("auto")) {
      return null;
    }
    try {
      return valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--format: expected auto, jsonl, csv, parquet, text or html, got '" + value + "'");
    }
  }

  /** Lower-case name as stored in the rejects table. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
