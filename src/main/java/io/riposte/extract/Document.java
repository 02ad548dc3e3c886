package io.riposte.extract;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * One article as the extractor sees it: its text, the sentences and tokens of the NLP pipeline, and
 * the spans where a gazetteer phrase ({@link Gazetteer#phrases()}) or a cue phrase ({@link
 * CueLexicon#phrases()}) matched on token boundaries. Any list may be empty; none may be null (null
 * lists are read as empty by the extractor all the same).
 *
 * @param publishedDate may be null
 */
public record Document(
    String articleId,
    String text,
    LocalDate publishedDate,
    List<Span> sentences,
    List<Token> tokens,
    List<Span> actorMentions,
    List<Span> cueMentions)
    implements Serializable {}
