package io.riposte.extract;

import java.io.Serializable;

/** A token as produced by the tokenizer: character offsets (end exclusive) and its text. */
public record Token(int begin, int end, String text) implements Serializable {}
