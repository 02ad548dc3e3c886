package io.riposte.ingest;

/** Why an input record did not become an article. Stored by name in the rejects table. */
public enum RejectReason {
  /** Not parseable in its format: bad JSON, a CSV row with the wrong number of fields. */
  MALFORMED_RECORD,
  /** No text field, or a text that is empty after cleaning. */
  EMPTY_TEXT,
  /** Text shorter than the minimum length after cleaning. */
  TOO_SHORT,
  /** Raw record larger than the configured cap. */
  OVERSIZE,
  /** Bytes that are not text: NULs, control characters, undecodable content. */
  BINARY_CONTENT,
  /** A second record with an article_id already taken by another record. */
  DUPLICATE_ID,
  /** Any other per-record failure; the message holds the exception. */
  PROCESSING_ERROR
}
