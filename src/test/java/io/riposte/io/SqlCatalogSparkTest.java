package io.riposte.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.SparkTests;
import io.riposte.aggregate.CountDyads;
import io.riposte.aggregate.OrientClaims;
import io.riposte.cluster.ClusterSparkTest;
import io.riposte.io.SqlCatalog.Present;
import io.riposte.io.Tables.Table;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQL catalog files of an output folder open every table by name, with the declared columns and
 * the rows Spark reads: in DuckDB (JDBC) and in Spark SQL. The folder has an unpartitioned table
 * (claims, with a column named {@code end}), a partitioned one with an undated partition ({@code
 * dyad_counts}) and a partitioned one with no rows ({@code episodes}).
 */
class SqlCatalogSparkTest {

  @TempDir static Path dir;
  static SparkSession spark;
  static Outputs outputs;
  static List<Present> present;

  @BeforeAll
  static void writeTables() {
    spark = SparkTests.session();
    ClusterSparkTest.Fixture f = new ClusterSparkTest.Fixture(new Random(5));
    f.plant("CYBER", 4, 2, ClusterSparkTest.Fixture::cyber, "cyberattack");
    // One undated article, so dyad_counts has a year=__HIVE_DEFAULT_PARTITION__ folder.
    String undated = f.articles.get(0).getString(0);
    List<Row> articles = undate(f.articles, Tables.ARTICLES, undated);
    List<Row> claimRows = undate(f.claims, Tables.CLAIMS, undated);
    outputs = new Outputs(spark, dir.toString());
    Dataset<Row> art = spark.createDataFrame(articles, Tables.ARTICLES.schema());
    Dataset<Row> claims = spark.createDataFrame(claimRows, Tables.CLAIMS.schema());
    outputs.write(Tables.ARTICLES, art);
    outputs.write(Tables.CLAIMS, claims);
    outputs.write(Tables.DYAD_COUNTS, CountDyads.apply(OrientClaims.apply(claims, art)));
    outputs.write(Tables.EPISODES, spark.createDataFrame(List.of(), Tables.EPISODES.schema()));
    present = SqlCatalog.write(dir.toString(), spark.sparkContext().hadoopConfiguration());
  }

  @Test
  void listsTheTablesInTheFolder() {
    assertThat(present.stream().map(p -> p.table().name() + " " + p.hasData()).toList())
        .containsExactly("articles true", "claims true", "dyad_counts true", "episodes false");
    assertThat(dir.resolve(SqlCatalog.DUCKDB_FILE)).exists();
    assertThat(dir.resolve(SqlCatalog.SPARK_FILE)).exists();
  }

  @Test
  void duckDbOpensEveryTableByName() throws Exception {
    String script = Files.readString(dir.resolve(SqlCatalog.DUCKDB_FILE), StandardCharsets.UTF_8);
    assertThat(script).as("paths relative to the folder").doesNotContain(dir.toString());
    try (Connection conn = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = conn.createStatement()) {
      st.execute("SET file_search_path = '" + dir + "'");
      for (String sql : statements(script)) {
        st.execute(sql);
      }
      for (Present p : present) {
        Table t = p.table();
        try (ResultSet rs = st.executeQuery("SELECT * FROM " + t.name())) {
          List<String> columns = new ArrayList<>();
          for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            columns.add(rs.getMetaData().getColumnName(i));
          }
          assertThat(columns).as(t.name()).containsExactly(t.schema().fieldNames());
          long n = 0;
          while (rs.next()) {
            n++;
          }
          assertThat(n).as("rows of %s", t.name()).isEqualTo(outputs.read(t).count());
        }
      }
      try (ResultSet rs =
          st.executeQuery(
              "SELECT count(*) FROM dyad_counts WHERE year IS NULL AND month IS NULL")) {
        rs.next();
        assertThat(rs.getLong(1)).as("undated dyad rows, year NULL").isPositive();
      }
      try (ResultSet rs =
          st.executeQuery(
              "SELECT comment FROM duckdb_columns() WHERE table_name = 'claims'"
                  + " AND column_name = 'offence_category'")) {
        rs.next();
        assertThat(rs.getString(1)).startsWith("What is alleged");
      }
    }
  }

  @Test
  void sparkSqlCreatesEveryTable() throws Exception {
    String script = Files.readString(dir.resolve(SqlCatalog.SPARK_FILE), StandardCharsets.UTF_8);
    spark.sql("CREATE DATABASE IF NOT EXISTS catalog_test");
    spark.sql("USE catalog_test");
    try {
      for (String sql : statements(script)) {
        spark.sql(sql);
      }
      for (Present p : present) {
        Table t = p.table();
        Dataset<Row> rows = spark.table(t.name());
        assertThat(rows.columns()).as(t.name()).containsExactly(t.schema().fieldNames());
        assertThat(rows.count()).as("rows of %s", t.name()).isEqualTo(outputs.read(t).count());
      }
      assertThat(
              spark.sql("SELECT count(*) FROM dyad_counts WHERE year IS NULL").first().getLong(0))
          .isPositive();
      // Dropping an external table leaves the files.
      spark.sql("DROP TABLE claims");
      assertThat(outputs.read(Tables.CLAIMS).count()).isPositive();
    } finally {
      spark.sql("USE default");
      spark.sql("DROP DATABASE catalog_test CASCADE");
    }
  }

  /** The rows with published_date null where article_id is {@code articleId}. */
  static List<Row> undate(List<Row> rows, Table table, String articleId) {
    int article = table.schema().fieldIndex("article_id");
    int date = table.schema().fieldIndex("published_date");
    List<Row> out = new ArrayList<>();
    for (Row r : rows) {
      Object[] values = new Object[r.size()];
      for (int i = 0; i < r.size(); i++) {
        values[i] = i == date && articleId.equals(r.get(article)) ? null : r.get(i);
      }
      out.add(org.apache.spark.sql.RowFactory.create(values));
    }
    return out;
  }

  /** The statements of a script: comment lines dropped, split at a semicolon ending a line. */
  static List<String> statements(String script) {
    StringBuilder body = new StringBuilder();
    for (String line : script.split("\n")) {
      if (!line.startsWith("--")) {
        body.append(line).append('\n');
      }
    }
    return Arrays.stream(body.toString().split(";\n"))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }
}
