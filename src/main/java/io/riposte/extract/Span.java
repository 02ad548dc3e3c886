package io.riposte.extract;

import java.io.Serializable;

/** Character offsets into a document's text; {@code end} is exclusive. */
public record Span(int begin, int end) implements Serializable {}
