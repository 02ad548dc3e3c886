package io.riposte.cli;

import io.riposte.extract.Extractor;
import picocli.CommandLine.Option;

/** Options of the extract stage, shared by {@code extract} and {@code run}. */
public final class ExtractOptions {

  @Option(
      names = "--extractor",
      paramLabel = "NAME",
      defaultValue = "parser",
      description =
          "parser: the rules, then the trained parser on the sentences they leave (executors need"
              + " a 4 GB heap); rules: the rules alone, no parser models (a quick look: fewer"
              + " claims found). Default: ${DEFAULT-VALUE}.")
  String extractor;

  Extractor extractor() {
    return Extractor.parse(extractor);
  }
}
