package io.riposte.extract.offence;

import java.util.Locale;

/**
 * The closed vocabulary of what an accusation alleges. The words of each category and its CAMEO /
 * PLOVER codes are data ({@code data/offences/}); this enum only names the categories, and its
 * order is the tie-break order (more specific categories first), checked against {@code
 * categories.tsv} at load.
 */
public enum OffenceCategory {
  CHEMICAL_WEAPONS,
  CYBERATTACK,
  ELECTION_INTERFERENCE,
  CAMPAIGN_FINANCE,
  ESPIONAGE,
  LEAKING,
  TERRORISM,
  WAR_CRIMES,
  SEXUAL_MISCONDUCT,
  RACISM,
  HUMAN_RIGHTS_ABUSE,
  CORRUPTION,
  FRAUD,
  TRAFFICKING,
  OBSTRUCTION,
  LYING,
  ABUSE_OF_POWER,
  TREATY_VIOLATION,
  MILITARY_ATTACK,
  VIOLENCE,
  NEGLIGENCE;

  /** The value stored in the {@code offence_category} columns: the name in lower case. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The category in words, for labels and charts: "chemical weapons", "abuse of power". */
  public String label() {
    return key().replace('_', ' ');
  }

  /** The category whose {@link #key()} is {@code key}; fails naming the known keys. */
  public static OffenceCategory ofKey(String key) {
    for (OffenceCategory c : values()) {
      if (c.key().equals(key)) {
        return c;
      }
    }
    throw new IllegalArgumentException(
        "unknown offence category '" + key + "', expected one of " + keys());
  }

  static String keys() {
    StringBuilder out = new StringBuilder();
    for (OffenceCategory c : values()) {
      out.append(out.length() == 0 ? "" : ", ").append(c.key());
    }
    return out.toString();
  }
}
