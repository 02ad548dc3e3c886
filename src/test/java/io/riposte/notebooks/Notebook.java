package io.riposte.notebooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One Jupyter notebook of {@code notebooks/}, read for the tests: its code cells and the SQL in
 * them.
 *
 * <p>The convention the notebooks follow: every SQL statement is a Python triple-quoted string
 * whose first line names it, {@code -- query: NAME} (a query to run) or {@code -- setup: NAME} (a
 * template such as the view definition, with {@code {table}} and {@code {path}} placeholders). A
 * query with {@code ?} parameters says where the test takes them from, {@code -- params: OTHER(col,
 * ...)} (the first row of an earlier query), and may state {@code -- expect rows: OTHER.col} (its
 * row count equals that value of the same row). Notebook metadata {@code riposte.sql} is {@code
 * duckdb} or {@code spark}: the dialect of its queries.
 */
record Notebook(Path path, String engine, List<Cell> cells) {

  /** A code cell: its index among all cells, its tags and its source. */
  record Cell(int index, List<String> tags, String source) {}

  /** A tagged SQL string. */
  record Query(
      String notebook,
      String kind,
      String name,
      String sql,
      String paramsFrom,
      List<String> paramColumns,
      String expectRowsFrom,
      String expectRowsColumn,
      boolean sparkOnly) {

    /** notebook:name, for messages. */
    String id() {
      return notebook + ":" + name;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final Pattern TRIPLE = Pattern.compile("\"\"\"(.*?)\"\"\"", Pattern.DOTALL);
  private static final Pattern TAG = Pattern.compile("\\A\\s*-- (query|setup): ([a-z0-9_]+)\\s*\n");
  private static final Pattern PARAMS =
      Pattern.compile("^-- params: ([a-z0-9_]+)\\(([a-z0-9_, ]+)\\)\\s*$", Pattern.MULTILINE);
  private static final Pattern EXPECT =
      Pattern.compile("^-- expect rows: ([a-z0-9_]+)\\.([a-z0-9_]+)\\s*$", Pattern.MULTILINE);
  private static final Pattern SPARK_ONLY =
      Pattern.compile("^-- spark only: \\S.*$", Pattern.MULTILINE);
  private static final Pattern SQL_WORD = Pattern.compile("(?i)\\b(select|create)\\b");

  /** The notebooks folder of the repository. */
  static Path folder() {
    return io.riposte.SparkTests.repo().resolve("notebooks");
  }

  /** Every notebook under {@link #folder()}, by file name. */
  static List<Notebook> all() {
    try (Stream<Path> files = Files.list(folder())) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(".ipynb"))
          .sorted()
          .map(Notebook::load)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Notebook load(Path path) {
    try {
      JsonNode nb = JSON.readTree(path.toFile());
      String engine = nb.path("metadata").path("riposte").path("sql").asText("");
      List<Cell> cells = new ArrayList<>();
      JsonNode all = nb.path("cells");
      for (int i = 0; i < all.size(); i++) {
        JsonNode c = all.get(i);
        if (!c.path("cell_type").asText().equals("code")) {
          continue;
        }
        List<String> tags = new ArrayList<>();
        c.path("metadata").path("tags").forEach(t -> tags.add(t.asText()));
        cells.add(new Cell(i, tags, source(c.path("source"))));
      }
      return new Notebook(path, engine, cells);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  /** The raw JSON, for checks on stored outputs. */
  JsonNode json() {
    try {
      return JSON.readTree(path.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String name() {
    return path.getFileName().toString();
  }

  /** Every tagged SQL string, in notebook order. */
  List<Query> sql() {
    List<Query> out = new ArrayList<>();
    for (Cell c : cells) {
      Matcher m = TRIPLE.matcher(c.source());
      while (m.find()) {
        String body = m.group(1);
        Matcher tag = TAG.matcher(body);
        if (!tag.find()) {
          continue;
        }
        Matcher p = PARAMS.matcher(body);
        Matcher e = EXPECT.matcher(body);
        boolean hasParams = p.find();
        boolean hasExpect = e.find();
        out.add(
            new Query(
                name(),
                tag.group(1),
                tag.group(2),
                body.strip(),
                hasParams ? p.group(1) : null,
                hasParams ? List.of(p.group(2).replace(" ", "").split(",")) : List.<String>of(),
                hasExpect ? e.group(1) : null,
                hasExpect ? e.group(2) : null,
                SPARK_ONLY.matcher(body).find()));
      }
    }
    return out;
  }

  /** The queries to run, in order. */
  List<Query> queries() {
    return sql().stream().filter(q -> q.kind().equals("query")).toList();
  }

  /** The setup templates by name. */
  Map<String, String> setups() {
    Map<String, String> out = new LinkedHashMap<>();
    sql().stream().filter(q -> q.kind().equals("setup")).forEach(q -> out.put(q.name(), q.sql()));
    return out;
  }

  /** Triple-quoted strings that look like SQL but carry no tag (the tests would miss them). */
  List<String> untaggedSql() {
    List<String> out = new ArrayList<>();
    for (Cell c : cells) {
      Matcher m = TRIPLE.matcher(c.source());
      while (m.find()) {
        String body = m.group(1);
        if (!TAG.matcher(body).find() && SQL_WORD.matcher(body).find()) {
          out.add("cell " + c.index() + ": " + body.strip().lines().findFirst().orElse(""));
        }
      }
    }
    return out;
  }

  private static String source(JsonNode source) {
    if (source.isTextual()) {
      return source.asText();
    }
    StringBuilder s = new StringBuilder();
    source.forEach(line -> s.append(line.asText()));
    return s.toString();
  }
}
