package io.riposte;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Spark standalone cluster on 127.0.0.1 for integration tests: one Master and some Workers, each
 * a child JVM of the test run from a Spark home's {@code jars/} (no {@code bin/} scripts needed),
 * on free ports, logging to files in the cluster's folder. {@link #close()} stops exactly the
 * processes started here (and the executors they launched), by process id.
 */
public final class LoopbackSparkCluster implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Path dir;
  private final int masterPort;
  private final int masterUiPort;
  private final List<Process> processes = new ArrayList<>();
  private final List<Path> logs = new ArrayList<>();

  private LoopbackSparkCluster(Path dir, int masterPort, int masterUiPort) {
    this.dir = dir;
    this.masterPort = masterPort;
    this.masterUiPort = masterUiPort;
  }

  /**
   * Starts a Master and {@code workers} Workers (1 core, {@code workerMemory} each) and returns
   * once all workers are registered with the master; stops what it started if that fails.
   *
   * @param jvmOptions flags for every daemon JVM (the add-opens flags Spark needs on Java 17)
   */
  public static LoopbackSparkCluster start(
      Path sparkHome,
      Path dir,
      int workers,
      String workerMemory,
      List<String> jvmOptions,
      Duration timeout)
      throws IOException, InterruptedException {
    Files.createDirectories(dir);
    LoopbackSparkCluster cluster = new LoopbackSparkCluster(dir, freePort(), freePort());
    try {
      cluster.launch(
          sparkHome,
          "master",
          jvmOptions,
          List.of(
              "org.apache.spark.deploy.master.Master",
              "--host",
              "127.0.0.1",
              "--port",
              String.valueOf(cluster.masterPort),
              "--webui-port",
              String.valueOf(cluster.masterUiPort)));
      for (int i = 1; i <= workers; i++) {
        Path workDir = Files.createDirectories(dir.resolve("work" + i));
        cluster.launch(
            sparkHome,
            "worker" + i,
            jvmOptions,
            List.of(
                "org.apache.spark.deploy.worker.Worker",
                "--host",
                "127.0.0.1",
                "--cores",
                "1",
                "--memory",
                workerMemory,
                "--work-dir",
                workDir.toString(),
                "--webui-port",
                String.valueOf(freePort()),
                cluster.masterUrl()));
      }
      cluster.awaitWorkers(workers, timeout);
      return cluster;
    } catch (IOException | InterruptedException | RuntimeException | Error e) {
      cluster.close();
      throw e;
    }
  }

  /** The environment a Spark daemon or driver needs to run from {@code sparkHome}'s jars. */
  public static Map<String, String> sparkEnvironment(Path sparkHome) {
    return Map.of(
        "SPARK_HOME",
        sparkHome.toString(),
        // Without it the launcher looks for build folders and every executor launch fails.
        "SPARK_SCALA_VERSION",
        "2.12",
        "SPARK_LOCAL_IP",
        "127.0.0.1",
        "JAVA_HOME",
        System.getProperty("java.home"));
  }

  /** {@code spark://127.0.0.1:PORT}. */
  public String masterUrl() {
    return "spark://127.0.0.1:" + masterPort;
  }

  /** The Master's state, as its web UI serves it at {@code /json/}. */
  public JsonNode masterState() throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masterUiPort + "/json/"))
            .timeout(Duration.ofSeconds(5))
            .build();
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("master /json/ answered HTTP " + response.statusCode());
    }
    return JSON.readTree(response.body());
  }

  /** The work folder of worker {@code i} (from 1): one sub-folder per application. */
  public Path workDir(int i) {
    return dir.resolve("work" + i);
  }

  /**
   * The JVM of executor {@code executorId} of application {@code appId}, if running: a descendant
   * of one of this cluster's Workers whose command line runs {@code CoarseGrainedExecutorBackend}
   * with those ids. Only processes started by this cluster are looked at.
   */
  public Optional<ProcessHandle> executorProcess(String appId, String executorId) {
    return processes.stream()
        .flatMap(Process::descendants)
        .filter(
            p -> {
              List<String> args = List.of(p.info().arguments().orElse(new String[0]));
              return args.contains("org.apache.spark.executor.CoarseGrainedExecutorBackend")
                  && follows(args, "--app-id", appId)
                  && follows(args, "--executor-id", executorId);
            })
        .findFirst();
  }

  private static boolean follows(List<String> args, String flag, String value) {
    int i = args.indexOf(flag);
    return i >= 0 && i + 1 < args.size() && args.get(i + 1).equals(value);
  }

  /** The last {@code lines} lines of each daemon log and each executor's stderr. */
  public String logTails(int lines) {
    List<Path> files = new ArrayList<>(logs);
    try (Stream<Path> s = Files.walk(dir)) {
      s.filter(p -> p.getFileName().toString().equals("stderr")).sorted().forEach(files::add);
    } catch (IOException | UncheckedIOException e) {
      // Logs are best effort: report what can be read.
    }
    StringBuilder out = new StringBuilder();
    for (Path f : files) {
      out.append("---- ").append(f).append(" (last ").append(lines).append(" lines)\n");
      out.append(tail(f, lines)).append('\n');
    }
    return out.toString();
  }

  /** The last {@code lines} lines of a text file, or a note saying why there are none. */
  public static String tail(Path file, int lines) {
    try {
      List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(cannot read " + file + ": " + e + ")";
    }
  }

  /** Stops the workers (and so their executors), then the master. */
  @Override
  public void close() {
    for (int i = processes.size() - 1; i >= 0; i--) {
      stop(processes.get(i));
    }
    processes.clear();
  }

  /**
   * Stops {@code process} and whatever it started: SIGTERM, up to 20 s, then SIGKILL. Only this
   * process and its descendants, found by process id, are touched.
   */
  public static void stop(Process process) {
    List<ProcessHandle> descendants = process.descendants().toList();
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(20, TimeUnit.SECONDS);
      }
      for (ProcessHandle child : descendants) {
        if (child.isAlive()) {
          child.destroy();
          child.onExit().get(10, TimeUnit.SECONDS);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      descendants.forEach(ProcessHandle::destroyForcibly);
    }
  }

  /** A free TCP port on 127.0.0.1 (free when asked; the daemon binds it a moment later). */
  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private void launch(Path sparkHome, String name, List<String> jvmOptions, List<String> mainArgs)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(sparkHome.resolve("jars") + "/*");
    command.addAll(mainArgs);
    Path log = dir.resolve(name + ".log");
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    pb.environment().remove("SPARK_CONF_DIR");
    pb.environment().putAll(sparkEnvironment(sparkHome));
    logs.add(log);
    processes.add(pb.start());
  }

  private void awaitWorkers(int workers, Duration timeout)
      throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    String last = "no answer yet";
    while (Instant.now().isBefore(deadline)) {
      for (Process p : processes) {
        if (!p.isAlive()) {
          throw new IllegalStateException(
              "a Spark daemon exited with code "
                  + p.exitValue()
                  + " during start\n"
                  + logTails(30));
        }
      }
      try {
        JsonNode state = masterState();
        if (state.path("aliveworkers").asInt() == workers) {
          return;
        }
        last = "aliveworkers=" + state.path("aliveworkers").asInt();
      } catch (IOException e) {
        last = e.toString();
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException(
        "expected "
            + workers
            + " alive workers within "
            + timeout.toSeconds()
            + " s, got "
            + last
            + "\n"
            + logTails(30));
  }
}
