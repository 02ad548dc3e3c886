package io.riposte.ingest;

/**
 * One record as read from an input file, before cleaning: the mapped fields as strings, or a reject
 * reason when the record could not even be parsed.
 *
 * @param sourceFile the file it came from
 * @param position where in the file (see the rejects table's {@code position}); null if unknown
 * @param format the input format name
 * @param rejectReason a {@link RejectReason} name when unparseable, else null
 */
public record RawRecord(
    String sourceFile,
    Long position,
    String format,
    String id,
    String url,
    String outlet,
    String date,
    String title,
    String text,
    String rejectReason,
    String rejectMessage,
    String rawSnippet) {

  /** Longest raw snippet kept with a reject. */
  public static final int SNIPPET_CHARS = 500;

  /** A record that could not be parsed. */
  public static RawRecord rejected(
      String sourceFile,
      Long position,
      String format,
      RejectReason reason,
      String message,
      String raw) {
    return new RawRecord(
        sourceFile,
        position,
        format,
        null,
        null,
        null,
        null,
        null,
        null,
        reason.name(),
        message,
        snippet(raw));
  }

  /** The start of {@code raw}, at most {@link #SNIPPET_CHARS} characters, NULs made visible. */
  public static String snippet(String raw) {
    if (raw == null) {
      return null;
    }
    String s = raw.length() > SNIPPET_CHARS ? raw.substring(0, SNIPPET_CHARS) : raw;
    return s.replace('\0', '\uFFFD');
  }
}
