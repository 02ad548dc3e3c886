package io.riposte.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.SampleRun;
import io.riposte.io.Tables.Table;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** A sample {@code run} writes the DuckDB script, and it opens every table the run wrote. */
class SqlCatalogIT {

  @Test
  void sampleRunOpensInDuckDbByTableName() throws Exception {
    Path out = SampleRun.output();
    assertThat(out.resolve(SqlCatalog.SPARK_FILE)).exists();
    String script = Files.readString(out.resolve(SqlCatalog.DUCKDB_FILE), StandardCharsets.UTF_8);
    try (Connection conn = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = conn.createStatement()) {
      st.execute("SET file_search_path = '" + out + "'");
      for (String sql : SqlCatalogSparkTest.statements(script)) {
        st.execute(sql);
      }
      for (Table t : Tables.ALL) {
        long direct = 0;
        boolean hasFiles;
        try (var files = Files.walk(out.resolve(t.name()))) {
          hasFiles = files.anyMatch(f -> f.toString().endsWith(".parquet"));
        }
        if (hasFiles) {
          try (ResultSet rs =
              st.executeQuery(
                  "SELECT count(*) FROM read_parquet('"
                      + out.resolve(t.name())
                      + "/**/*.parquet')")) {
            rs.next();
            direct = rs.getLong(1);
          }
        }
        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + t.name())) {
          rs.next();
          assertThat(rs.getLong(1)).as("rows of %s", t.name()).isEqualTo(direct);
        }
      }
    }
  }
}
