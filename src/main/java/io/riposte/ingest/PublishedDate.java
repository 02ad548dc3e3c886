package io.riposte.ingest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;

/**
 * Parses the publication dates that archives really contain: ISO dates and timestamps, {@code
 * M/D/YYYY} and {@code M/D/YY}, "Thursday, December 21, 2017", "21 Dec 2017", RFC 822 / 1123 ("Tue,
 * 19 Dec 2017 14:03:00 GMT") and epoch seconds or milliseconds.
 *
 * <p>A date that is present but impossible ("2018-02-30") or outside [{@link #EARLIEST}, run date +
 * 1 day] (year 0, epoch 0, 9999) is {@link Status#INVALID}: the article is kept with a null date
 * and the job counts it. A two-digit year is read in the hundred years ending the year after the
 * run ("3/4/18" is 2018, "3/4/50" 1950, so invalid).
 */
public final class PublishedDate {

  /** Outcome of parsing one raw value. */
  public enum Status {
    OK,
    MISSING,
    INVALID
  }

  /** A parse result: {@code date} is null unless {@code status} is OK. */
  public record Parsed(LocalDate date, Status status) {
    static final Parsed MISSING = new Parsed(null, Status.MISSING);
    static final Parsed INVALID = new Parsed(null, Status.INVALID);
  }

  /** Earliest valid publication date: older archives are out of scope, older values are errors. */
  public static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);

  private static final int MAX_INPUT = 100;

  private static final DateTimeFormatter TWO_DIGIT_YEAR = strict("M/d/uu");

  private static final List<DateTimeFormatter> TEXT_FORMATS =
      List.of(
          strict("MMMM d uuuu"),
          strict("MMM d uuuu"),
          strict("d MMMM uuuu"),
          strict("d MMM uuuu"),
          strict("uuuu MMMM d"),
          strict("uuuu MMM d"),
          strict("M/d/uuuu"),
          TWO_DIGIT_YEAR,
          strict("uuuu/M/d"),
          strict("d.M.uuuu"),
          strict("uuuuMMdd"));

  private PublishedDate() {}

  /** Parses {@code raw} for a run on today's date (UTC); never throws. */
  public static Parsed parse(String raw) {
    return parse(raw, LocalDate.now(ZoneOffset.UTC));
  }

  /** Parses {@code raw} for a run on {@code runDate}; never throws. */
  public static Parsed parse(String raw, LocalDate runDate) {
    if (raw == null || raw.isBlank()) {
      return Parsed.MISSING;
    }
    String s = raw.strip();
    if (s.length() > MAX_INPUT) {
      return Parsed.INVALID;
    }
    try {
      LocalDate latest = runDate.plusDays(1);
      Parsed iso = parseIsoPrefix(s, latest);
      if (iso != null) {
        return iso;
      }
      if (s.chars().allMatch(Character::isDigit) && s.length() >= 9 && s.length() <= 13) {
        long n = Long.parseLong(s);
        Instant instant = s.length() >= 12 ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n);
        return checked(LocalDate.ofInstant(instant, ZoneOffset.UTC), latest);
      }
      String words = simplify(s);
      for (DateTimeFormatter f : TEXT_FORMATS) {
        try {
          LocalDate d = LocalDate.parse(words, f);
          if (f == TWO_DIGIT_YEAR && d.getYear() > latest.getYear()) {
            d = d.minusYears(100);
          }
          return checked(d, latest);
        } catch (DateTimeException ignored) {
          // try the next pattern
        }
      }
    } catch (RuntimeException e) {
      return Parsed.INVALID;
    }
    return Parsed.INVALID;
  }

  /** "2017-12-21", "2017-12-21T14:03:00Z", "2017-12-21 14:03": the date part decides. */
  private static Parsed parseIsoPrefix(String s, LocalDate latest) {
    if (s.length() < 10
        || s.charAt(4) != '-'
        || s.charAt(7) != '-'
        || !digits(s, 0, 4)
        || !digits(s, 5, 7)
        || !digits(s, 8, 10)) {
      return null;
    }
    if (s.length() > 10 && Character.isDigit(s.charAt(10))) {
      return null;
    }
    try {
      return checked(LocalDate.parse(s.substring(0, 10), DateTimeFormatter.ISO_LOCAL_DATE), latest);
    } catch (DateTimeException e) {
      return Parsed.INVALID;
    }
  }

  /**
   * Drops weekday names, times, zones and punctuation so that the remaining words fit one of the
   * text formats: "Tue, 19 Dec 2017 14:03:00 GMT" becomes "19 Dec 2017".
   */
  static String simplify(String s) {
    StringBuilder out = new StringBuilder();
    for (String token : s.replace(',', ' ').split("\\s+")) {
      String t = token.endsWith(".") && !token.matches("\\d+\\.\\d+\\.\\d+") ? chop(token) : token;
      if (t.isEmpty() || isWeekday(t) || t.indexOf(':') >= 0 || isZone(t) || t.equals("at")) {
        continue;
      }
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(t.equalsIgnoreCase("sept") ? "Sep" : stripOrdinal(t));
    }
    return out.toString();
  }

  /** "21st" becomes "21"; anything else is returned as it is. */
  private static String stripOrdinal(String t) {
    if (t.length() < 3) {
      return t;
    }
    String suffix = t.substring(t.length() - 2).toLowerCase(Locale.ROOT);
    String head = t.substring(0, t.length() - 2);
    boolean ordinal = List.of("st", "nd", "rd", "th").contains(suffix);
    return ordinal && head.chars().allMatch(Character::isDigit) ? head : t;
  }

  private static String chop(String t) {
    return t.substring(0, t.length() - 1);
  }

  private static boolean isWeekday(String t) {
    String l = t.toLowerCase(Locale.ROOT);
    return l.length() >= 3
        && List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun").contains(l.substring(0, 3))
        && (l.length() <= 4 || l.endsWith("day"));
  }

  private static boolean isZone(String t) {
    return t.equals("GMT")
        || t.equals("UTC")
        || t.equals("Z")
        || t.equals("EST")
        || t.equals("EDT")
        || t.equals("PST")
        || t.equals("PDT")
        || t.equals("AM")
        || t.equals("PM")
        || t.equals("am")
        || t.equals("pm")
        || ((t.startsWith("+") || t.startsWith("-")) && t.length() == 5);
  }

  private static Parsed checked(LocalDate d, LocalDate latest) {
    return d.isBefore(EARLIEST) || d.isAfter(latest) ? Parsed.INVALID : new Parsed(d, Status.OK);
  }

  private static boolean digits(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static DateTimeFormatter strict(String pattern) {
    return new DateTimeFormatterBuilder()
        .parseCaseInsensitive()
        .appendPattern(pattern)
        .toFormatter(Locale.ENGLISH)
        .withResolverStyle(ResolverStyle.STRICT);
  }
}
