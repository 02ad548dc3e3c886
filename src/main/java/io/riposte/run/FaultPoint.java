package io.riposte.run;

/**
 * Named points of a run where a test can make the process die as {@code kill -9} would: no {@code
 * finally} block, no shutdown hook. Off unless the system property {@code riposte.halt-at} or the
 * environment variable {@code RIPOSTE_HALT_AT} names the point; used by the fault-injection tests
 * to prove that the next run recovers a consistent output from any of them.
 */
public final class FaultPoint {

  /** Exit status of a halted process (the status of a process killed by SIGKILL). */
  public static final int HALT_STATUS = 137;

  private FaultPoint() {}

  /** Halts the JVM at once when {@code name} is the configured halt point. */
  public static void reach(String name) {
    String wanted = System.getProperty("riposte.halt-at", System.getenv("RIPOSTE_HALT_AT"));
    if (name.equals(wanted)) {
      System.err.println("riposte: halting at fault point " + name);
      System.err.flush();
      Runtime.getRuntime().halt(HALT_STATUS);
    }
  }
}
