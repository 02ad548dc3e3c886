package io.riposte.extract;

import java.util.List;

/** Tags, parses and labels the roles of one tokenised sentence. Implementations are thread-safe. */
public interface SentenceParser {

  Parse parse(List<String> words);
}
