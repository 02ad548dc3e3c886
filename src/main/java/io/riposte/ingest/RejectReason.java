package io.riposte.ingest;

/** Why an input record did not become an article. Stored by name in the rejects table. */
public enum RejectReason {
  /** Not parseable in its format: bad JSON, a CSV row with the wrong number of fields. */
  MALFORMED_RECORD,
  /** No text field, or a text that is empty after cleaning. */
  EMPTY_TEXT,
  /** Text shorter than the minimum length after cleaning. */
  TOO_SHORT,
  /** Raw record larger than the configured cap, or a compressed file past its expansion limit. */
  OVERSIZE,
  /** Bytes that are not text: NULs, control characters, undecodable content. */
  BINARY_CONTENT,
  /** A second record with an article_id already taken by another record. */
  DUPLICATE_ID,
  /**
   * The rest of a file that cannot be read past a point (truncated or corrupt gzip, a Parquet file
   * without a valid footer); the records before the fault are kept, the position is where it was.
   */
  CORRUPT_FILE,
  /** Any other per-record failure; the message holds the exception. */
  PROCESSING_ERROR
}
