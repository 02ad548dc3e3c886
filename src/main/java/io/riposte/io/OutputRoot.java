package io.riposte.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.riposte.run.FaultPoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * The commit protocol of an output root (see {@code docs/commit-protocol.md}): one writer at a time
 * ({@code _lock}), every table of a run written under {@code _staging/<run_id>/}, then made current
 * by a journaled sequence of renames that the next writer rolls forward (journal present) or back
 * (journal absent) if the process died half-way. Readers keep plain paths ({@code DIR/<table>/}).
 *
 * <p>Plain Hadoop {@link FileSystem} calls, no Spark types. Small files (lock, journal, markers,
 * {@code _run.json}) are written without Hadoop's {@code .crc} side files on the local file system,
 * so a kill between a file and its checksum cannot leave an unreadable file.
 */
public final class OutputRoot {

  /** The lock file of the root. */
  public static final String LOCK = "_lock";

  /** Folder of the runs' staging folders. */
  public static final String STAGING = "_staging";

  /** The commit journal: present from the commit point until the commit is complete. */
  public static final String JOURNAL = "_commit.json";

  /**
   * Marker file inside every folder Riposte writes (tables, staging folders): holds the run id.
   * Riposte moves aside or deletes only folders that carry it.
   */
  public static final String MARKER = "_RIPOSTE";

  /** A lock whose holder has not renewed it for this long is taken over. */
  public static final long LEASE_SECONDS = 120;

  private static final long HEARTBEAT_SECONDS = 10;
  private static final String OLD = "_old";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path root;
  private final Configuration conf;
  private final FileSystem fs;
  private final FileSystem small;

  public OutputRoot(String root, Configuration conf) {
    try {
      Path p = new Path(root);
      this.fs = p.getFileSystem(conf);
      this.root = fs.makeQualified(p);
      this.small = fs instanceof LocalFileSystem local ? local.getRaw() : fs;
      this.conf = conf;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open output root " + root, e);
    }
  }

  /** The qualified root path. */
  public Path root() {
    return root;
  }

  /** The staging folder of run {@code runId}. */
  public Path staging(String runId) {
    return new Path(new Path(root, STAGING), runId);
  }

  /** A new run id: UTC time (sortable) and a random suffix. */
  public static String newRunId() {
    String time = Instant.now().toString().replaceAll("[-:]", "").replaceAll("\\.\\d+", "");
    return time + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  // ---------------------------------------------------------------- lock

  /** A held lock; closing it releases it. */
  public final class Lock implements AutoCloseable {
    private final String runId;
    private final ScheduledExecutorService heartbeat;

    private Lock(String runId) {
      this.runId = runId;
      this.heartbeat =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "riposte-lock-heartbeat");
                t.setDaemon(true);
                return t;
              });
      Path lock = new Path(root, LOCK);
      heartbeat.scheduleAtFixedRate(
          () -> {
            try {
              small.setTimes(lock, System.currentTimeMillis(), -1);
            } catch (IOException | RuntimeException ignored) {
              // the next beat tries again; a lost lock is found at release
            }
          },
          HEARTBEAT_SECONDS,
          HEARTBEAT_SECONDS,
          TimeUnit.SECONDS);
    }

    @Override
    public void close() {
      heartbeat.shutdownNow();
      Path lock = new Path(root, LOCK);
      try {
        ObjectNode held = readJson(lock);
        if (held != null && runId.equals(held.path("run_id").asText())) {
          small.delete(lock, false);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot release " + lock, e);
      }
    }
  }

  /**
   * Takes the root's lock for {@code runId}, creating the root if needed. A lock left by a dead
   * process (same host, process gone) or not renewed for {@link #LEASE_SECONDS} is taken over.
   *
   * @throws IllegalStateException naming the holder when another live run holds the lock
   */
  public Lock lock(String runId) {
    Path lock = new Path(root, LOCK);
    try {
      fs.mkdirs(root);
      ObjectNode mine = JSON.createObjectNode();
      mine.put("run_id", runId);
      mine.put("host", host());
      mine.put("pid", ProcessHandle.current().pid());
      mine.put("started_at", Instant.now().toString());
      byte[] bytes = JSON.writeValueAsBytes(mine);
      for (int attempt = 0; attempt < 3; attempt++) {
        if (createExclusive(lock, bytes)) {
          return new Lock(runId);
        }
        ObjectNode held = readJson(lock);
        FileStatus status = small.exists(lock) ? small.getFileStatus(lock) : null;
        if (status == null) {
          continue;
        }
        String why = staleReason(held, status.getModificationTime());
        if (why == null) {
          throw new IllegalStateException(
              "output "
                  + root
                  + " is in use by run "
                  + (held == null ? "?" : held.path("run_id").asText("?"))
                  + " (pid "
                  + (held == null ? "?" : held.path("pid").asText("?"))
                  + " on "
                  + (held == null ? "?" : held.path("host").asText("?"))
                  + ", started "
                  + (held == null ? "?" : held.path("started_at").asText("?"))
                  + "); only one run may write an output folder at a time. Wait for it, or"
                  + " delete "
                  + lock
                  + " if that process is gone");
        }
        // Only one taker's rename of the stale lock succeeds; the others retry the create.
        Path aside = new Path(root, LOCK + ".stale-" + UUID.randomUUID());
        if (small.rename(lock, aside)) {
          small.delete(aside, false);
        }
      }
      throw new IllegalStateException("cannot take the lock " + lock + ": contended");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot take the lock " + lock, e);
    }
  }

  /** Why the lock {@code held} (renewed at {@code mtime}) is stale, or null if it is live. */
  static String staleReason(ObjectNode held, long mtime) {
    if (held == null) {
      return System.currentTimeMillis() - mtime > LEASE_SECONDS * 1000 ? "unreadable, old" : null;
    }
    if (host().equals(held.path("host").asText()) && held.has("pid")) {
      long pid = held.path("pid").asLong();
      if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
        return null;
      }
      return "process " + pid + " is gone";
    }
    return System.currentTimeMillis() - mtime > LEASE_SECONDS * 1000
        ? "not renewed for " + LEASE_SECONDS + " s"
        : null;
  }

  private boolean createExclusive(Path path, byte[] bytes) throws IOException {
    if (small instanceof RawLocalFileSystem raw) {
      java.nio.file.Path file = raw.pathToFile(path).toPath();
      try {
        Files.write(file, bytes, java.nio.file.StandardOpenOption.CREATE_NEW);
        return true;
      } catch (FileAlreadyExistsException e) {
        return false;
      }
    }
    try (OutputStream out = small.create(path, false)) {
      out.write(bytes);
      return true;
    } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
      return false;
    } catch (IOException e) {
      if (small.exists(path)) {
        return false;
      }
      throw e;
    }
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown-host";
    }
  }

  // ---------------------------------------------------------------- staging, commit, recovery

  /** Creates the staging folder of {@code runId}, with its marker. */
  public void prepareStaging(String runId) {
    Path dir = staging(runId);
    try {
      fs.mkdirs(dir);
      writeMarker(dir, runId);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir, e);
    }
  }

  /** Writes the marker file of a folder Riposte wrote. */
  public void writeMarker(Path folder, String runId) {
    writeAtomically(new Path(folder, MARKER), runId.getBytes(StandardCharsets.UTF_8));
  }

  /** The run id in {@code folder}'s marker, or null when it has none. */
  public String markerOf(Path folder) {
    Path marker = new Path(folder, MARKER);
    try {
      if (!small.exists(marker)) {
        return null;
      }
      try (InputStream in = small.open(marker)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + marker, e);
    }
  }

  /**
   * Makes everything staged by {@code runId} current, then writes {@code runRecord} (if not null)
   * as {@code _run.json} and removes the staging folder. The journal written first is the commit
   * point: from then on the run is committed, and {@link #recover} finishes the switch if the
   * process dies before the end.
   */
  public void commit(String runId, byte[] runRecord) {
    Path staging = staging(runId);
    try {
      List<String> entries = new ArrayList<>();
      for (FileStatus s : fs.listStatus(staging)) {
        String name = s.getPath().getName();
        if (!name.equals(MARKER) && !name.equals(OLD) && !name.startsWith(".")) {
          entries.add(name);
        }
      }
      entries.sort(null);
      ObjectNode journal = JSON.createObjectNode();
      journal.put("run_id", runId);
      ArrayNode list = journal.putArray("entries");
      entries.forEach(list::add);
      if (runRecord != null) {
        journal.set("run_record", JSON.readTree(runRecord));
      }
      FaultPoint.reach("before-commit");
      writeAtomically(new Path(root, JOURNAL), JSON.writeValueAsBytes(journal));
      FaultPoint.reach("commit-journal");
      finish(journal);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot commit run " + runId + " into " + root, e);
    }
  }

  /** Deletes the staging folder of a run that will not commit. */
  public void discard(String runId) {
    Path dir = staging(runId);
    try {
      if (runId.equals(markerOf(dir))) {
        fs.delete(dir, true);
      }
      deleteIfEmpty(new Path(root, STAGING));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }

  /**
   * Restores a consistent root after a writer died: a run whose journal is present is rolled
   * forward (its switch finished, its run record written), every other staging folder is rolled
   * back (deleted: the current tables were never touched). Call with the lock held.
   *
   * @return what was done, or null when nothing was left over
   */
  public String recover(String currentRunId) {
    try {
      List<String> done = new ArrayList<>();
      Path journalPath = new Path(root, JOURNAL);
      if (small.exists(journalPath)) {
        ObjectNode journal = readJson(journalPath);
        if (journal == null) {
          throw new IllegalStateException(
              "the commit journal " + journalPath + " is unreadable; restore it or remove it");
        }
        finish(journal);
        done.add("rolled forward run " + journal.path("run_id").asText());
      }
      Path stagingRoot = new Path(root, STAGING);
      if (fs.exists(stagingRoot)) {
        for (FileStatus s : fs.listStatus(stagingRoot)) {
          String id = s.getPath().getName();
          if (id.equals(currentRunId) || !s.isDirectory()) {
            continue;
          }
          if (id.equals(markerOf(s.getPath()))) {
            fs.delete(s.getPath(), true);
            done.add("rolled back run " + id);
          }
        }
        deleteIfEmpty(stagingRoot);
      }
      for (FileStatus s : small.listStatus(root)) {
        String name = s.getPath().getName();
        if (s.isFile() && name.startsWith("._") && name.contains(".tmp-")) {
          small.delete(s.getPath(), false);
          done.add("deleted " + name);
        }
      }
      Path recordPath = new Path(root, io.riposte.run.RunRecord.FILE_NAME);
      ObjectNode record = readJson(recordPath);
      if (record != null
          && "running".equals(record.path("status").asText())
          && !currentRunId.equals(record.path("run_id").asText())) {
        record.put("status", "failed");
        record.put(
            "error",
            "interrupted: the process ended before the run committed; its staged tables were"
                + " rolled back at the start of run "
                + currentRunId);
        writeAtomically(
            recordPath, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(record));
        done.add("marked run " + record.path("run_id").asText() + " failed");
      }
      return done.isEmpty() ? null : String.join("; ", done);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot recover " + root, e);
    }
  }

  /** The switch, idempotent: each entry still in staging is moved in, the old copy moved aside. */
  private void finish(ObjectNode journal) throws IOException {
    String runId = journal.path("run_id").asText();
    Path staging = staging(runId);
    Path old = new Path(staging, OLD);
    int switched = 0;
    for (var e : journal.path("entries")) {
      String name = e.asText();
      Path staged = new Path(staging, name);
      Path live = new Path(root, name);
      if (!fs.exists(staged)) {
        continue;
      }
      if (fs.exists(live)) {
        FileStatus st = fs.getFileStatus(live);
        if (st.isDirectory() && !hasMarker(live)) {
          throw new IllegalStateException(
              live
                  + " exists and was not written by Riposte (no "
                  + MARKER
                  + " file in it): refusing to replace it; move it away or choose another"
                  + " --output");
        }
        fs.mkdirs(old);
        Path aside = new Path(old, name);
        if (fs.exists(aside)) {
          fs.delete(aside, true);
        }
        if (!fs.rename(live, aside)) {
          throw new IOException("cannot move " + live + " aside to " + aside);
        }
      }
      if (!fs.rename(staged, live)) {
        throw new IOException("cannot move " + staged + " to " + live);
      }
      if (++switched == 1) {
        FaultPoint.reach("between-switches");
      }
    }
    if (journal.has("run_record")) {
      writeAtomically(
          new Path(root, io.riposte.run.RunRecord.FILE_NAME),
          JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(journal.get("run_record")),
          "run-record-final");
    }
    FaultPoint.reach("committed");
    small.delete(new Path(root, JOURNAL), false);
    if (fs.exists(staging) && runId.equals(markerOf(staging))) {
      fs.delete(staging, true);
    }
    deleteIfEmpty(new Path(root, STAGING));
  }

  private boolean hasMarker(Path folder) throws IOException {
    return small.exists(new Path(folder, MARKER));
  }

  private void deleteIfEmpty(Path dir) throws IOException {
    if (fs.exists(dir) && fs.listStatus(dir).length == 0) {
      fs.delete(dir, false);
    }
  }

  // ---------------------------------------------------------------- small files

  /**
   * Replaces the file {@code path} with {@code bytes} so that a reader sees the old or the new
   * content, never a part: written beside it, then renamed over it (local disk, HDFS), or put as
   * one object (S3, whose objects appear only when complete).
   */
  public void writeAtomically(Path path, byte[] bytes) {
    writeAtomically(path, bytes, null);
  }

  /**
   * The same as {@link #writeAtomically(Path, byte[])}, reaching the test fault point {@code
   * faultPoint} (if not null) between the write beside the file and the rename over it.
   */
  public void writeAtomically(Path path, byte[] bytes, String faultPoint) {
    try {
      String scheme = root.toUri().getScheme();
      if (scheme != null && Set.of("s3a", "s3", "s3n", "gs", "abfs", "abfss").contains(scheme)) {
        try (OutputStream out = small.create(path, true)) {
          out.write(bytes);
        }
        return;
      }
      Path tmp = new Path(path.getParent(), "." + path.getName() + ".tmp-" + UUID.randomUUID());
      try (OutputStream out = small.create(tmp, false)) {
        out.write(bytes);
      }
      if (faultPoint != null) {
        FaultPoint.reach(faultPoint);
      }
      if (small instanceof RawLocalFileSystem raw) {
        Files.move(
            raw.pathToFile(tmp).toPath(),
            raw.pathToFile(path).toPath(),
            java.nio.file.StandardCopyOption.ATOMIC_MOVE,
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      } else {
        FileContext.getFileContext(small.getUri(), conf)
            .rename(tmp, path, Options.Rename.OVERWRITE);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
  }

  /** The JSON object in {@code path}, or null when it is missing or unreadable. */
  public ObjectNode readJson(Path path) {
    try {
      if (!small.exists(path)) {
        return null;
      }
      try (InputStream in = small.open(path)) {
        return JSON.readTree(in) instanceof ObjectNode o ? o : null;
      }
    } catch (IOException e) {
      return null;
    }
  }
}
