package io.riposte.extract;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Which claim extractor a run uses ({@code --extractor}). */
public enum Extractor {
  /**
   * The rules, then the trained ClearNLP parser on the candidate sentences they leave (the
   * default): about 1.3 GB of models loaded once per executor JVM.
   */
  PARSER,
  /**
   * The rules alone: no parser models (no load time, a smaller heap), fewer claims found (see the
   * README's figures).
   */
  RULES;

  /** {@code parser} or {@code rules}, any case. */
  public static Extractor parse(String value) {
    for (Extractor e : values()) {
      if (e.label().equalsIgnoreCase(value)) {
        return e;
      }
    }
    throw new IllegalArgumentException(
        "--extractor: expected parser or rules, got '" + value + "'");
  }

  /** Lower-case name, as given to {@code --extractor} and stored in the run record. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** This extractor over the reference files read by {@code linesOf}. */
  public ClaimExtractor build(Function<String, List<String>> linesOf) {
    return this == PARSER ? ClaimExtractor.parsed(linesOf) : ClaimExtractor.rules(linesOf);
  }
}
