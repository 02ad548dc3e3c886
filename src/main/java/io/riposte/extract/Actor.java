package io.riposte.extract;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * An actor as named in claims: a gazetteer entry, or one found in the text (then {@code id} is null
 * and {@code country} usually null).
 *
 * @param type state, person, org or group (null when unknown)
 * @param country ISO 3166-1 alpha-3 or null
 * @param role free text from the gazetteer ("president", "foreign minister"), or null
 * @param validFrom first day the role holds, or null
 * @param validTo last day the role holds, or null
 */
public record Actor(
    String id,
    String name,
    String type,
    String country,
    String role,
    LocalDate validFrom,
    LocalDate validTo)
    implements Serializable {

  /** An actor found in the text only. */
  static Actor unlisted(String name, String type, String country) {
    return new Actor(null, name, type, country, null, null, null);
  }

  /** Whether the gazetteer's validity interval (if any) contains {@code date} (null: yes). */
  boolean validOn(LocalDate date) {
    if (date == null) {
      return true;
    }
    return (validFrom == null || !date.isBefore(validFrom))
        && (validTo == null || !date.isAfter(validTo));
  }
}
