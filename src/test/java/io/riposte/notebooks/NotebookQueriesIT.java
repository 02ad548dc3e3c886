package io.riposte.notebooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.SampleRun;
import io.riposte.SparkTests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every SQL query of the notebooks, run against the Parquet of a fresh sample run: the DuckDB
 * notebooks' queries with DuckDB's JDBC driver (the engine of Python's duckdb), the Spark
 * notebook's with Spark SQL. Each must return rows; counts must not be negative, shares must lie in
 * [0, 1], and a drill-down must return as many rows as the count it starts from says.
 */
class NotebookQueriesIT {

  static Path out;
  static final List<String> summary = new ArrayList<>();

  /** A query's result: column names and rows (column -> value), in order. */
  record Result(List<String> columns, List<Map<String, Object>> rows) {}

  @BeforeAll
  static void sampleRun() {
    out = SampleRun.output();
    assertThat(out.resolve("clusters")).as("the sample run wrote clusters").isDirectory();
  }

  @AfterAll
  static void writeSummary() throws IOException {
    Files.write(SparkTests.repo().resolve("target/notebook-queries.txt"), summary);
  }

  @TestFactory
  Stream<DynamicTest> everyNotebookQueryRuns() {
    List<Notebook> notebooks = Notebook.all();
    assertThat(notebooks).isNotEmpty();
    Map<String, String> views =
        notebooks.stream()
            .filter(nb -> nb.engine().equals("duckdb"))
            .findFirst()
            .orElseThrow()
            .setups();
    Stream<DynamicTest> inTheirEngine =
        notebooks.stream()
            .map(
                nb ->
                    DynamicTest.dynamicTest(
                        nb.name(),
                        () ->
                            runAll(
                                nb,
                                nb.engine().equals("spark"),
                                nb.engine().equals("spark")
                                    ? new SparkEngine()
                                    : new DuckDbEngine(nb.setups()))));
    // Where the dialects agree, the Spark notebook's queries must also run in DuckDB.
    Stream<DynamicTest> sparkInDuckDb =
        notebooks.stream()
            .filter(nb -> nb.engine().equals("spark"))
            .map(
                nb ->
                    DynamicTest.dynamicTest(
                        nb.name() + " in DuckDB",
                        () -> runAll(nb, false, new DuckDbEngine(views))));
    return Stream.concat(inTheirEngine, sparkInDuckDb);
  }

  private static void runAll(Notebook nb, boolean spark, Engine engine) throws Exception {
    SoftAssertions soft = new SoftAssertions();
    Map<String, Result> results = new LinkedHashMap<>();
    String label = spark ? "spark" : "duckdb";
    try (engine) {
      for (Notebook.Query q : nb.queries()) {
        if (q.sparkOnly() && !spark) {
          summary.add(String.format("%-28s %-7s %-32s (spark only)", nb.name(), label, q.name()));
          continue;
        }
        Object[] params = params(q, results);
        long t = System.nanoTime();
        Result r;
        try {
          r = engine.run(q.sql(), params);
        } catch (Exception e) {
          soft.fail(q.id() + " failed: " + e.getMessage() + "\n" + q.sql());
          continue;
        }
        long ms = (System.nanoTime() - t) / 1_000_000;
        summary.add(
            String.format(
                "%-28s %-7s %-32s %5d rows %6d ms",
                nb.name(), label, q.name(), r.rows().size(), ms));
        results.put(q.name(), r);
        check(soft, q, r, results);
      }
    }
    soft.assertAll();
  }

  /** The parameter values: the named columns of the first row of the earlier query. */
  private static Object[] params(Notebook.Query q, Map<String, Result> results) {
    if (q.paramsFrom() == null) {
      return new Object[0];
    }
    Result from = results.get(q.paramsFrom());
    assertThat(from).as(q.id() + ": result of " + q.paramsFrom()).isNotNull();
    assertThat(from.rows()).as(q.id() + ": rows of " + q.paramsFrom()).isNotEmpty();
    return q.paramColumns().stream().map(c -> from.rows().get(0).get(c)).toArray();
  }

  private static void check(
      SoftAssertions soft, Notebook.Query q, Result r, Map<String, Result> results) {
    soft.assertThat(r.rows()).as(q.id() + " returns rows").isNotEmpty();
    for (Map<String, Object> row : r.rows()) {
      for (Map.Entry<String, Object> cell : row.entrySet()) {
        String column = cell.getKey();
        if (cell.getValue() instanceof Number n) {
          boolean integral =
              n instanceof Long
                  || n instanceof Integer
                  || n instanceof Short
                  || n instanceof java.math.BigInteger;
          if (integral || column.equals("distance")) {
            soft.assertThat(n.doubleValue()).as(q.id() + "." + column + " >= 0").isNotNegative();
          }
          if (column.startsWith("share_")) {
            soft.assertThat(n.doubleValue())
                .as(q.id() + "." + column + " is a share")
                .isBetween(0.0, 1.0);
          }
        }
      }
    }
    if (q.expectRowsFrom() != null) {
      Object expected = results.get(q.expectRowsFrom()).rows().get(0).get(q.expectRowsColumn());
      soft.assertThat((long) r.rows().size())
          .as(q.id() + ": rows = " + q.expectRowsFrom() + "." + q.expectRowsColumn())
          .isEqualTo(((Number) expected).longValue());
    }
  }

  /** Where the queries of one notebook run. */
  interface Engine extends AutoCloseable {
    Result run(String sql, Object[] params) throws Exception;
  }

  /** DuckDB in memory, with the notebook's own view templates over every table folder. */
  static final class DuckDbEngine implements Engine {
    final Connection conn;

    DuckDbEngine(Map<String, String> setups) throws SQLException, IOException {
      conn = DriverManager.getConnection("jdbc:duckdb:");
      try (Statement s = conn.createStatement();
          Stream<Path> tables = Files.list(out)) {
        for (Path table : tables.filter(Files::isDirectory).sorted().toList()) {
          String name = table.getFileName().toString();
          if (name.startsWith("_")) {
            continue;
          }
          boolean partitioned;
          try (Stream<Path> children = Files.list(table)) {
            partitioned = children.anyMatch(c -> c.getFileName().toString().startsWith("year="));
          }
          String template = setups.get(partitioned ? "partitioned_view" : "view");
          s.execute(template.replace("{table}", name).replace("{path}", table.toString()));
        }
      }
    }

    @Override
    public Result run(String sql, Object[] params) throws SQLException {
      try (PreparedStatement ps = conn.prepareStatement(sql)) {
        for (int i = 0; i < params.length; i++) {
          ps.setObject(i + 1, params[i]);
        }
        try (ResultSet rs = ps.executeQuery()) {
          ResultSetMetaData meta = rs.getMetaData();
          List<String> columns = new ArrayList<>();
          for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(meta.getColumnLabel(i));
          }
          List<Map<String, Object>> rows = new ArrayList<>();
          while (rs.next()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 1; i <= columns.size(); i++) {
              row.put(columns.get(i - 1), rs.getObject(i));
            }
            rows.add(row);
          }
          return new Result(columns, rows);
        }
      }
    }

    @Override
    public void close() throws SQLException {
      conn.close();
    }
  }

  /** The test JVM's Spark session, with a temporary view per table folder. */
  static final class SparkEngine implements Engine {
    final SparkSession spark = SparkTests.session();

    SparkEngine() throws IOException {
      try (Stream<Path> tables = Files.list(out)) {
        for (Path table : tables.filter(Files::isDirectory).sorted().toList()) {
          String name = table.getFileName().toString();
          if (!name.startsWith("_")) {
            spark.read().parquet(table.toString()).createOrReplaceTempView(name);
          }
        }
      }
    }

    @Override
    public Result run(String sql, Object[] params) {
      Dataset<Row> rows = params.length == 0 ? spark.sql(sql) : spark.sql(sql, params);
      List<String> columns = Arrays.asList(rows.columns());
      List<Map<String, Object>> out = new ArrayList<>();
      for (Row r : rows.collectAsList()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
          row.put(columns.get(i), r.get(i));
        }
        out.add(row);
      }
      return new Result(columns, out);
    }

    @Override
    public void close() {
      spark.catalog().listTables().collectAsList().stream()
          .filter(t -> t.isTemporary())
          .forEach(t -> spark.catalog().dropTempView(t.name()));
    }
  }
}
