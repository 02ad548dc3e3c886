package io.riposte.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code riposte} command line: one subcommand per job. */
@Command(
    name = "riposte",
    mixinStandardHelpOptions = true,
    versionProvider = Riposte.Version.class,
    description = "Who accuses whom of what, and who denies it, across a news archive.",
    subcommands = {
      RunCommand.class,
      IngestCommand.class,
      ExtractCommand.class,
      AggregateCommand.class,
      ClusterCommand.class,
      ExportCommand.class,
      ReportCommand.class,
      DictionaryCommand.class,
      RecoverCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Riposte {

  /** Exit code for a usage error (picocli's default). */
  public static final int USAGE = 2;

  /** Exit code for a failed job. */
  public static final int FAILURE = 1;

  private static List<String> args = List.of();

  /** Runs the command line and returns the exit code: 0 ok, 2 usage, 1 failure. */
  public static int execute(String... argv) {
    args = List.of(argv);
    CommandLine cli = new CommandLine(new Riposte());
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          boolean usage =
              e instanceof IllegalArgumentException
                  && e.getMessage() != null
                  && e.getMessage().startsWith("--");
          commandLine.getErr().println("riposte: " + e.getMessage());
          if (usage) {
            commandLine
                .getErr()
                .println(
                    "Try 'riposte " + commandLine.getCommandName() + " --help' for the options.");
            return USAGE;
          }
          if (parseResult.originalArgs().contains("--verbose")
              || parseResult.originalArgs().contains("-v")) {
            e.printStackTrace(commandLine.getErr());
          } else {
            commandLine.getErr().println("(run with --verbose for the stack trace)");
          }
          return FAILURE;
        });
    return cli.execute(argv);
  }

  /** The arguments of this invocation, for the run record. */
  static List<String> arguments() {
    return args;
  }

  /** Version from the build. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"riposte " + io.riposte.run.RunRecord.version()};
    }
  }
}
