package io.riposte.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
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
  private final String runId;

  private RunRecord(ObjectNode root, String runId) {
    this.root = root;
    this.runId = runId;
  }

  /**
   * A record for jobs called outside a run (tests, notebooks): no run id, so each table a job
   * writes is committed on its own at once.
   */
  public static RunRecord start(
      String outputRoot, String command, List<String> args, String master, Configuration conf) {
    RunRecord r = start(outputRoot, "", command, args, master, conf);
    return new RunRecord(r.root, null);
  }

  /** Status of a run that has started and not ended. */
  public static final String RUNNING = "running";

  /** Status of a run whose tables were all committed. */
  public static final String OK = "ok";

  /** Status of a run that ended without committing; {@code error} says why. */
  public static final String FAILED = "failed";

  private static final java.util.regex.Pattern SECRET =
      java.util.regex.Pattern.compile("(?i).*(secret|password|passwd|token|key|credential).*");

  /**
   * A record for run {@code runId}, updating the one already in {@code outputRoot} if there is one
   * (a job run alone keeps the other jobs' sections). Values of secret-looking {@code --conf} keys
   * are replaced by {@code ***}.
   */
  public static RunRecord start(
      String outputRoot,
      String runId,
      String command,
      List<String> args,
      String master,
      Configuration conf) {
    ObjectNode root = read(outputRoot, conf);
    Properties build = buildInfo();
    root.put("run_id", runId);
    root.put("status", RUNNING);
    root.remove("error");
    root.put("riposte_version", build.getProperty("version", "unknown"));
    String commit = System.getenv("RIPOSTE_GIT_COMMIT");
    String stamped = build.getProperty("git.commit", "");
    root.put(
        "git_commit",
        commit != null && !commit.isBlank()
            ? commit
            : stamped.isBlank() || stamped.startsWith("${") ? "unknown" : stamped);
    root.put("command", command);
    root.set("args", JSON.valueToTree(redact(args)));
    root.put("master", master);
    root.put("spark_version", org.apache.spark.package$.MODULE$.SPARK_VERSION());
    root.put("started_at", Instant.now().toString());
    root.remove("finished_at");
    root.remove("recovered");
    return new RunRecord(root, runId);
  }

  /**
   * {@code args} with the value of every {@code --conf key=value} whose key looks secret (secret,
   * password, token, key, credential) replaced by {@code ***}.
   */
  public static List<String> redact(List<String> args) {
    List<String> out = new java.util.ArrayList<>(args.size());
    boolean confValue = false;
    for (String a : args) {
      if (confValue) {
        out.add(redactPair(a));
        confValue = false;
      } else if (a.equals("--conf")) {
        out.add(a);
        confValue = true;
      } else if (a.startsWith("--conf=")) {
        out.add("--conf=" + redactPair(a.substring("--conf=".length())));
      } else {
        out.add(a);
      }
    }
    return out;
  }

  private static String redactPair(String pair) {
    int eq = pair.indexOf('=');
    if (eq < 0) {
      return pair;
    }
    String key = pair.substring(0, eq);
    return SECRET.matcher(key).matches() ? key + "=***" : pair;
  }

  /** The id of this run, or null for jobs called outside a run. */
  public String runId() {
    return runId;
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

  /** Marks the run ended with {@code status} ({@link #OK} or {@link #FAILED}, with the error). */
  public void finish(String status, String error) {
    root.put("finished_at", Instant.now().toString());
    root.put("status", status);
    if (error == null) {
      root.remove("error");
    } else {
      root.put("error", error);
    }
  }

  /** The record as JSON bytes, as written to {@code _run.json}. */
  public byte[] bytes() {
    try {
      return JSON.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serialise the run record", e);
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
