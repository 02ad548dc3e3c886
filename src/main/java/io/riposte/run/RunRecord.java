package io.riposte.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The {@code _run.json} record of a run: what ran (version, commit, command, arguments, inputs),
 * what went in and came out (records in, accepted, rejected by reason, claims) and how long each
 * stage took. A job run alone updates its own sections of an existing record.
 */
public final class RunRecord {

  public static final String FILE_NAME = "_run.json";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final ObjectNode root;

  private RunRecord(ObjectNode root) {
    this.root = root;
  }

  /** A record for a new run, updating the one already in {@code outputRoot} if there is one. */
  public static RunRecord start(
      String outputRoot, String command, List<String> args, String master, Configuration conf) {
    ObjectNode root = read(outputRoot, conf);
    Properties build = buildInfo();
    root.put("riposte_version", build.getProperty("version", "unknown"));
    String commit = System.getenv("RIPOSTE_GIT_COMMIT");
    String stamped = build.getProperty("git.commit", "");
    root.put(
        "git_commit",
        commit != null && !commit.isBlank()
            ? commit
            : stamped.isBlank() || stamped.startsWith("${") ? "unknown" : stamped);
    root.put("command", command);
    root.set("args", JSON.valueToTree(args));
    root.put("master", master);
    root.put("spark_version", org.apache.spark.package$.MODULE$.SPARK_VERSION());
    root.put("started_at", Instant.now().toString());
    root.remove("finished_at");
    root.remove("status");
    return new RunRecord(root);
  }

  /** The record's JSON, for sections to fill in. */
  public ObjectNode json() {
    return root;
  }

  /** The section {@code name}, created empty (replacing the old one) for this run. */
  public ObjectNode section(String name) {
    return root.putObject(name);
  }

  /** Records how long {@code stage} took. */
  public void stageSeconds(String stage, double seconds) {
    ObjectNode stages =
        root.has("stage_seconds")
            ? (ObjectNode) root.get("stage_seconds")
            : root.putObject("stage_seconds");
    stages.put(stage, Math.round(seconds * 100) / 100.0);
  }

  /** Marks the run finished with {@code status} and writes the record. */
  public void finish(String status, String outputRoot, Configuration conf) {
    root.put("finished_at", Instant.now().toString());
    root.put("status", status);
    write(outputRoot, conf);
  }

  private void write(String outputRoot, Configuration conf) {
    Path path = new Path(outputRoot, FILE_NAME);
    try {
      FileSystem fs = path.getFileSystem(conf);
      try (OutputStream out = fs.create(path, true)) {
        JSON.writeValue(out, root);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
  }

  private static ObjectNode read(String outputRoot, Configuration conf) {
    Path path = new Path(outputRoot, FILE_NAME);
    try {
      FileSystem fs = path.getFileSystem(conf);
      if (fs.exists(path)) {
        try (InputStream in = fs.open(path)) {
          if (JSON.readTree(in) instanceof ObjectNode old) {
            return old;
          }
        }
      }
    } catch (IOException e) {
      // An unreadable old record is replaced by a new one.
    }
    return JSON.createObjectNode();
  }

  /** The Riposte version stamped into the jar, or "unknown". */
  public static String version() {
    return buildInfo().getProperty("version", "unknown");
  }

  /** Version and commit stamped into the jar at build time. */
  static Properties buildInfo() {
    Properties p = new Properties();
    try (InputStream in = RunRecord.class.getResourceAsStream("/riposte-build.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException ignored) {
      // No build info: version and commit are reported as unknown.
    }
    return p;
  }
}
