package io.riposte.cli;

import io.riposte.io.DataDictionary;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code riposte dictionary}: prints the data dictionary (Markdown) of every output table. */
@Command(
    name = "dictionary",
    mixinStandardHelpOptions = true,
    description = "Print the data dictionary of the output tables as Markdown.")
final class DictionaryCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    System.out.print(DataDictionary.markdown());
    return 0;
  }
}
