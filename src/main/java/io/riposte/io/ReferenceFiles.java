package io.riposte.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Reads the reference data files (outlets, gazetteer, lexicons, boilerplate) on the driver.
 *
 * <p>By default they come from the application jar ({@code riposte/data/...}, copied from the
 * repository's {@code data/} folder at build time), so a cluster needs nothing but the jar. A
 * {@code --reference DIR} on any Hadoop file system overrides them file by file.
 */
public final class ReferenceFiles {

  private static final String CLASSPATH_ROOT = "riposte/data/";

  private final String overrideDir;

  /**
   * @param overrideDir a folder whose files replace the bundled ones, or null
   */
  public ReferenceFiles(String overrideDir) {
    this.overrideDir = overrideDir;
  }

  /** The bundled reference data only. */
  public static ReferenceFiles bundled() {
    return new ReferenceFiles(null);
  }

  /**
   * Data lines of {@code relativePath} (e.g. {@code outlets.tsv}): blank lines and lines starting
   * with {@code #} are dropped, the header line is kept.
   */
  public List<String> lines(String relativePath) {
    try (InputStream in = open(relativePath);
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      List<String> out = new ArrayList<>();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank() && !line.startsWith("#")) {
          out.add(line);
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read reference file " + relativePath, e);
    }
  }

  private InputStream open(String relativePath) throws IOException {
    if (overrideDir != null) {
      Path path = new Path(overrideDir, relativePath);
      FileSystem fs = path.getFileSystem(new Configuration());
      if (fs.exists(path)) {
        return fs.open(path);
      }
    }
    InputStream in =
        ReferenceFiles.class.getClassLoader().getResourceAsStream(CLASSPATH_ROOT + relativePath);
    if (in == null) {
      throw new IOException(
          "reference file '"
              + relativePath
              + "' is neither in "
              + (overrideDir == null ? "(no --reference folder)" : overrideDir)
              + " nor bundled in the jar under "
              + CLASSPATH_ROOT);
    }
    return in;
  }
}
