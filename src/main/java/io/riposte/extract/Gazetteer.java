package io.riposte.extract;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The actors and incidents the extractor names canonically, read from {@code gazetteer/actors.tsv}
 * (columns {@code actor_id name type country aliases demonyms metonyms valid_from valid_to role})
 * and {@code gazetteer/incidents.tsv} ({@code incident_id offence aliases year category});
 * multi-values are separated by {@code |}. Columns are found by header name, so their order may
 * change.
 *
 * <p>Every surface form (name, alias, demonym, metonym, incident alias) is a phrase for the
 * TextMatcher; {@link #lookup} maps a matched span's text back to its entry.
 */
public final class Gazetteer implements Serializable {

  private static final long serialVersionUID = 1L;

  /** How a surface form names its entry. */
  public enum Form {
    NAME,
    ALIAS,
    DEMONYM,
    METONYM,
    INCIDENT
  }

  /** A surface form's entry: an actor (with how it is named) or an incident. */
  public record Entry(Actor actor, Incident incident, Form form, String surface)
      implements Serializable {}

  private final List<Actor> actors;
  private final List<Incident> incidents;
  private final Map<String, List<Entry>> byKey;
  private final Map<String, List<Entry>> byLowerKey;
  private final Map<String, Actor> stateByCountry;
  private final Map<String, String> demonymByCountry;
  private final List<String> phrases;

  private Gazetteer(
      List<Actor> actors,
      List<Incident> incidents,
      Map<String, List<Entry>> byKey,
      Map<String, Actor> stateByCountry,
      Map<String, String> demonymByCountry) {
    this.actors = List.copyOf(actors);
    this.incidents = List.copyOf(incidents);
    this.byKey = byKey;
    this.byLowerKey = new HashMap<>();
    for (Map.Entry<String, List<Entry>> e : byKey.entrySet()) {
      byLowerKey
          .computeIfAbsent(e.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .addAll(e.getValue());
    }
    this.stateByCountry = stateByCountry;
    this.demonymByCountry = demonymByCountry;
    Set<String> out = new LinkedHashSet<>();
    for (List<Entry> entries : byKey.values()) {
      for (Entry entry : entries) {
        String phrase = stripArticle(entry.surface().trim().replaceAll("\\s+", " "));
        if (!phrase.isEmpty()) {
          out.add(phrase);
          if (phrase.endsWith(".") && phrase.length() > 1) {
            out.add(phrase.substring(0, phrase.length() - 1));
          }
          if (phrase.indexOf('\'') >= 0) {
            out.add(phrase.replace('\'', '\u2019'));
          }
        }
      }
    }
    this.phrases = List.copyOf(out);
  }

  /**
   * Parses the data lines of actors.tsv and incidents.tsv (comments and blank lines removed, header
   * first). Malformed rows fail fast with the line.
   */
  public static Gazetteer parse(List<String> actorLines, List<String> incidentLines) {
    List<Actor> actors = new ArrayList<>();
    List<Incident> incidents = new ArrayList<>();
    Map<String, List<Entry>> byKey = new LinkedHashMap<>();
    Map<String, Actor> stateByCountry = new HashMap<>();
    Map<String, String> demonymByCountry = new HashMap<>();
    if (actorLines != null && !actorLines.isEmpty()) {
      Map<String, Integer> col = header(actorLines.get(0), "actors.tsv", "actor_id", "name");
      for (String line : actorLines.subList(1, actorLines.size())) {
        String[] f = line.split("\t", -1);
        String name = field(f, col, "name");
        if (name.isEmpty()) {
          throw new IllegalArgumentException("actors.tsv: row without a name: " + line);
        }
        String type = emptyToNull(field(f, col, "type"));
        String country = emptyToNull(field(f, col, "country"));
        Actor actor =
            new Actor(
                emptyToNull(field(f, col, "actor_id")),
                name,
                type == null ? null : type.toLowerCase(Locale.ROOT),
                country == null ? null : country.toUpperCase(Locale.ROOT),
                emptyToNull(field(f, col, "role")),
                date(field(f, col, "valid_from"), line, false),
                date(field(f, col, "valid_to"), line, true));
        actors.add(actor);
        if ("state".equals(actor.type()) && actor.country() != null) {
          stateByCountry.putIfAbsent(actor.country(), actor);
        }
        add(byKey, name, new Entry(actor, null, Form.NAME, name));
        for (String alias : multi(field(f, col, "aliases"))) {
          add(byKey, alias, new Entry(actor, null, Form.ALIAS, alias));
        }
        for (String demonym : multi(field(f, col, "demonyms"))) {
          add(byKey, demonym, new Entry(actor, null, Form.DEMONYM, demonym));
          if (actor.country() != null) {
            demonymByCountry.putIfAbsent(actor.country(), demonym);
          }
        }
        for (String metonym : multi(field(f, col, "metonyms"))) {
          add(byKey, metonym, new Entry(actor, null, Form.METONYM, metonym));
        }
      }
    }
    if (incidentLines != null && !incidentLines.isEmpty()) {
      Map<String, Integer> col =
          header(incidentLines.get(0), "incidents.tsv", "incident_id", "offence");
      for (String line : incidentLines.subList(1, incidentLines.size())) {
        String[] f = line.split("\t", -1);
        String offence = field(f, col, "offence");
        if (offence.isEmpty()) {
          continue;
        }
        int year = 0;
        try {
          String y = field(f, col, "year");
          year = y.isEmpty() ? 0 : Integer.parseInt(y.trim());
        } catch (NumberFormatException e) {
          year = 0;
        }
        Incident incident =
            new Incident(
                emptyToNull(field(f, col, "incident_id")),
                offence,
                year,
                emptyToNull(field(f, col, "category")));
        incidents.add(incident);
        for (String alias : multi(field(f, col, "aliases"))) {
          add(byKey, alias, new Entry(null, incident, Form.INCIDENT, alias));
        }
      }
    }
    return new Gazetteer(actors, incidents, byKey, stateByCountry, demonymByCountry);
  }

  /** Every surface phrase to match in text, as it appears in text (no leading "the"). */
  public List<String> phrases() {
    return phrases;
  }

  /** All actors, in file order. */
  public List<Actor> actors() {
    return actors;
  }

  /** Every incident of incidents.tsv, in file order. */
  public List<Incident> incidents() {
    return incidents;
  }

  /**
   * The entry a matched span names, preferring an actor valid on {@code date} and the more specific
   * forms (names and aliases over metonyms and demonyms); null when unknown.
   */
  public Entry lookup(String surface, LocalDate date) {
    if (surface == null) {
      return null;
    }
    String key = key(surface);
    List<Entry> entries = byKey.get(key);
    if (entries == null && key.length() > 3) {
      entries = byLowerKey.get(key.toLowerCase(Locale.ROOT));
    }
    if (entries == null || entries.isEmpty()) {
      return null;
    }
    Entry best = null;
    for (Entry e : entries) {
      if (best == null || better(e, best, date)) {
        best = e;
      }
    }
    return best;
  }

  /** The state actor of a country code, or null. */
  public Actor state(String country) {
    return country == null ? null : stateByCountry.get(country);
  }

  /** A demonym of a country ("Syrian" for SYR), or null. */
  public String demonym(String country) {
    return country == null ? null : demonymByCountry.get(country);
  }

  /** Normalised lookup key: curly apostrophes, whitespace, leading article, trailing dots. */
  static String key(String surface) {
    String s = surface.replace('\u2019', '\'').replace('\u2018', '\'').trim();
    s = s.replaceAll("\\s+", " ");
    s = stripArticle(s);
    while (s.endsWith(".") && s.length() > 1) {
      s = s.substring(0, s.length() - 1);
    }
    s = s.replace(" .", ".");
    return s;
  }

  private static boolean better(Entry a, Entry b, LocalDate date) {
    if (a.actor() != null && b.actor() != null) {
      boolean va = a.actor().validOn(date);
      boolean vb = b.actor().validOn(date);
      if (va != vb) {
        return va;
      }
    }
    return rank(a.form()) < rank(b.form());
  }

  private static int rank(Form form) {
    switch (form) {
      case NAME:
        return 0;
      case ALIAS:
        return 1;
      case INCIDENT:
        return 2;
      case METONYM:
        return 3;
      default:
        return 4;
    }
  }

  private static String stripArticle(String s) {
    if (s.length() > 4 && (s.startsWith("the ") || s.startsWith("The "))) {
      return s.substring(4);
    }
    return s;
  }

  private static void add(Map<String, List<Entry>> byKey, String surface, Entry entry) {
    String k = key(surface);
    if (!k.isEmpty()) {
      byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(entry);
    }
  }

  private static Map<String, Integer> header(String line, String file, String... required) {
    Map<String, Integer> col = new HashMap<>();
    String[] names = line.split("\t", -1);
    for (int i = 0; i < names.length; i++) {
      col.put(names[i].trim().toLowerCase(Locale.ROOT), i);
    }
    for (String r : required) {
      if (!col.containsKey(r)) {
        throw new IllegalArgumentException(
            file + ": expected a header with column '" + r + "', got: " + line);
      }
    }
    return col;
  }

  private static String field(String[] f, Map<String, Integer> col, String name) {
    Integer i = col.get(name);
    return i == null || i >= f.length ? "" : f[i].trim();
  }

  private static List<String> multi(String value) {
    if (value.isEmpty()) {
      return Collections.emptyList();
    }
    List<String> out = new ArrayList<>();
    for (String v : value.split("\\|")) {
      if (!v.isBlank()) {
        out.add(v.trim());
      }
    }
    return out;
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() || s.equals("-") ? null : s;
  }

  private static LocalDate date(String s, String line, boolean end) {
    if (s.isEmpty() || s.equals("-")) {
      return null;
    }
    try {
      if (s.length() == 4) {
        return end
            ? LocalDate.of(Integer.parseInt(s), 12, 31)
            : LocalDate.of(Integer.parseInt(s), 1, 1);
      }
      return LocalDate.parse(s);
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new IllegalArgumentException("actors.tsv: bad date '" + s + "' in: " + line, e);
    }
  }
}
