package io.riposte.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commit protocol on the local file system, driven step by step (no Spark). */
class OutputRootTest {

  @TempDir Path dir;

  private OutputRoot root() {
    return new OutputRoot(dir.toString(), new Configuration());
  }

  /** A table folder staged by {@code runId} holding one file with {@code content}. */
  private void stage(OutputRoot root, String runId, String table, String content)
      throws IOException {
    Path t = dir.resolve("_staging").resolve(runId).resolve(table);
    Files.createDirectories(t);
    Files.writeString(t.resolve("part-0.parquet"), content);
    root.writeMarker(new org.apache.hadoop.fs.Path(t.toUri()), runId);
  }

  private String content(String table) throws IOException {
    return Files.readString(dir.resolve(table).resolve("part-0.parquet"));
  }

  private void commitRun(String runId, String content) throws IOException {
    OutputRoot root = root();
    root.prepareStaging(runId);
    stage(root, runId, "articles", content);
    stage(root, runId, "claims", content);
    root.commit(runId, ("{\"run_id\":\"" + runId + "\",\"status\":\"ok\"}").getBytes());
  }

  @Test
  void aCommitSwitchesEveryTableAndLeavesNoStaging() throws IOException {
    commitRun("r1", "one");
    commitRun("r2", "two");
    assertThat(content("articles")).isEqualTo("two");
    assertThat(content("claims")).isEqualTo("two");
    assertThat(Files.readString(dir.resolve("articles/_RIPOSTE")).strip()).isEqualTo("r2");
    assertThat(Files.readString(dir.resolve("_run.json"))).contains("\"r2\"");
    assertThat(dir.resolve("_staging")).doesNotExist();
    assertThat(dir.resolve(OutputRoot.JOURNAL)).doesNotExist();
  }

  /** Kill between two table switches: the journal is there, so the next start rolls forward. */
  @Test
  void aJournaledCommitCutBetweenTwoSwitchesIsRolledForward() throws IOException {
    commitRun("r1", "one");
    OutputRoot root = root();
    root.prepareStaging("r2");
    stage(root, "r2", "articles", "two");
    stage(root, "r2", "claims", "two");
    // The state a kill leaves after the journal and the first switch (articles) only.
    Files.writeString(
        dir.resolve(OutputRoot.JOURNAL),
        "{\"run_id\":\"r2\",\"entries\":[\"articles\",\"claims\"],"
            + "\"run_record\":{\"run_id\":\"r2\",\"status\":\"ok\"}}");
    Files.createDirectories(dir.resolve("_staging/r2/_old"));
    Files.move(dir.resolve("articles"), dir.resolve("_staging/r2/_old/articles"));
    Files.move(dir.resolve("_staging/r2/articles"), dir.resolve("articles"));
    assertThat(content("claims")).as("mixed state after the kill").isEqualTo("one");

    String done = root().recover("r3");
    assertThat(done).isEqualTo("rolled forward run r2");
    assertThat(content("articles")).isEqualTo("two");
    assertThat(content("claims")).isEqualTo("two");
    assertThat(Files.readString(dir.resolve("_run.json"))).contains("\"r2\"");
    assertThat(dir.resolve("_staging")).doesNotExist();
  }

  /** Kill before the commit point: the staged run is deleted, the current tables untouched. */
  @Test
  void anUncommittedRunIsRolledBackAndItsRecordMarkedFailed() throws IOException {
    commitRun("r1", "one");
    OutputRoot root = root();
    root.prepareStaging("r2");
    stage(root, "r2", "articles", "two");
    Files.writeString(dir.resolve("_run.json"), "{\"run_id\":\"r2\",\"status\":\"running\"}");

    String done = root().recover("r3");
    assertThat(done).isEqualTo("rolled back run r2; marked run r2 failed");
    assertThat(content("articles")).isEqualTo("one");
    assertThat(dir.resolve("_staging")).doesNotExist();
    ObjectNode record = (ObjectNode) new ObjectMapper().readTree(dir.resolve("_run.json").toFile());
    assertThat(record.path("status").asText()).isEqualTo("failed");
    assertThat(record.path("error").asText()).startsWith("interrupted");
  }

  /** Regression: any folder named like a table was deleted, whatever it held. */
  @Test
  void aFolderRiposteDidNotWriteIsNeverReplaced() throws IOException {
    Files.createDirectories(dir.resolve("articles"));
    Files.writeString(dir.resolve("articles/precious.jsonl"), "{}");
    OutputRoot root = root();
    root.prepareStaging("r1");
    stage(root, "r1", "articles", "new");
    assertThatThrownBy(() -> root.commit("r1", null))
        .hasMessageContaining("was not written by Riposte")
        .hasMessageContaining("articles");
    assertThat(dir.resolve("articles/precious.jsonl")).exists();
  }

  @Test
  void aSecondWriterIsRefusedWithTheHolderNamed() {
    OutputRoot root = root();
    try (OutputRoot.Lock lock = root.lock("r1")) {
      assertThatThrownBy(() -> root().lock("r2"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("is in use by run r1")
          .hasMessageContaining("pid " + ProcessHandle.current().pid());
    }
    try (OutputRoot.Lock again = root().lock("r3")) {
      assertThat(dir.resolve(OutputRoot.LOCK)).exists();
    }
    assertThat(dir.resolve(OutputRoot.LOCK)).doesNotExist();
  }

  /** A crashed run does not hold the lock forever: its process is gone. */
  @Test
  void aLockOfADeadProcessIsTakenOver() throws Exception {
    Process dead = new ProcessBuilder("true").start();
    dead.waitFor();
    String host = java.net.InetAddress.getLocalHost().getHostName();
    Files.writeString(
        dir.resolve(OutputRoot.LOCK),
        "{\"run_id\":\"crashed\",\"host\":\""
            + host
            + "\",\"pid\":"
            + dead.pid()
            + ",\"started_at\":\"x\"}",
        StandardCharsets.UTF_8);
    try (OutputRoot.Lock lock = root().lock("r2")) {
      assertThat(Files.readString(dir.resolve(OutputRoot.LOCK))).contains("\"r2\"");
    }
  }

  @Test
  void aLockOfAnotherHostIsTakenOverOnlyAfterItsLease() throws IOException {
    Files.writeString(
        dir.resolve(OutputRoot.LOCK),
        "{\"run_id\":\"far\",\"host\":\"elsewhere\",\"pid\":1,\"started_at\":\"x\"}");
    assertThatThrownBy(() -> root().lock("r2")).hasMessageContaining("in use by run far");
    Files.setLastModifiedTime(
        dir.resolve(OutputRoot.LOCK),
        java.nio.file.attribute.FileTime.fromMillis(
            System.currentTimeMillis() - (OutputRoot.LEASE_SECONDS + 5) * 1000));
    try (OutputRoot.Lock lock = root().lock("r2")) {
      assertThat(Files.readString(dir.resolve(OutputRoot.LOCK))).contains("\"r2\"");
    }
  }

  @Test
  void anAtomicWriteLeavesNoTemporaryFile() throws IOException {
    OutputRoot root = root();
    org.apache.hadoop.fs.Path file =
        new org.apache.hadoop.fs.Path(dir.toUri().toString(), "_run.json");
    root.writeAtomically(file, "{\"a\":1}".getBytes());
    root.writeAtomically(file, "{\"a\":2}".getBytes());
    assertThat(Files.readString(dir.resolve("_run.json"))).isEqualTo("{\"a\":2}");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("_run.json");
    }
  }
}
