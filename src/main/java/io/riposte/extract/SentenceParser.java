package io.riposte.extract;

import java.util.List;

/**
 * Tags, parses and labels the roles of one tokenised sentence. Implementations are thread-safe; the
 * parse they return may compute its tree and roles when first read (see {@link Parse#staged}), so
 * one parse belongs to one thread.
 */
public interface SentenceParser {

  Parse parse(List<String> words);
}
