package io.riposte.ingest;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which input column feeds each article field: for every field an ordered list of candidate column
 * names, the first present one wins (case-insensitive). Defaults cover the common names; {@code
 * --field text=article_content,body} puts names in front of the defaults.
 */
public final class FieldMapping implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The logical fields of an input record. */
  public enum Field {
    ID,
    URL,
    OUTLET,
    DATE,
    TITLE,
    TEXT
  }

  private static final Map<Field, List<String>> DEFAULTS =
      Map.of(
          Field.ID, List.of("id", "article_id", "unit_id", "doc_id", "uuid", "guid"),
          Field.URL, List.of("url", "link", "article_url", "permalink"),
          Field.OUTLET,
              List.of(
                  "outlet", "source", "publisher", "publication", "site_name", "site", "domain"),
          Field.DATE,
              List.of(
                  "date",
                  "published",
                  "published_date",
                  "published_at",
                  "publish_date",
                  "pubdate",
                  "date_published",
                  "datetime",
                  "timestamp"),
          Field.TITLE, List.of("title", "headline", "article_title"),
          Field.TEXT,
              List.of(
                  "text",
                  "content",
                  "body",
                  "article_content",
                  "article_body",
                  "maintext",
                  "story"));

  private final Map<Field, List<String>> candidates;

  private FieldMapping(Map<Field, List<String>> candidates) {
    this.candidates = candidates;
  }

  /** The default names only. */
  public static FieldMapping defaults() {
    return withOverrides(Map.of());
  }

  /**
   * Defaults with {@code overrides} (field name → comma-separated column names) in front.
   *
   * @throws IllegalArgumentException naming the unknown field
   */
  public static FieldMapping withOverrides(Map<String, String> overrides) {
    Map<Field, List<String>> out = new LinkedHashMap<>();
    for (Field f : Field.values()) {
      out.put(f, new ArrayList<>(DEFAULTS.get(f)));
    }
    overrides.forEach(
        (name, columns) -> {
          Field field;
          try {
            field = Field.valueOf(name.strip().toUpperCase(Locale.ROOT));
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                "--field: unknown field '"
                    + name
                    + "', expected one of id, url, outlet, date, title, text");
          }
          List<String> names = new ArrayList<>();
          for (String c : columns.split(",")) {
            if (!c.isBlank()) {
              names.add(c.strip().toLowerCase(Locale.ROOT));
            }
          }
          names.addAll(out.get(field));
          out.put(field, names);
        });
    out.replaceAll((k, v) -> List.copyOf(v));
    return new FieldMapping(Map.copyOf(out));
  }

  /** The candidate column names of {@code field}, lower case, in order of preference. */
  public List<String> candidates(Field field) {
    return candidates.get(field);
  }

  /**
   * For each field, the index of the first candidate present in {@code columns}, or -1. The outlet
   * field never takes a column already taken by another field.
   */
  public int[] resolve(List<String> columns) {
    List<String> lower = columns.stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).toList();
    int[] index = new int[Field.values().length];
    for (Field f : Field.values()) {
      index[f.ordinal()] = -1;
      for (String name : candidates.get(f)) {
        int i = lower.indexOf(name);
        if (i >= 0) {
          index[f.ordinal()] = i;
          break;
        }
      }
    }
    return index;
  }
}
