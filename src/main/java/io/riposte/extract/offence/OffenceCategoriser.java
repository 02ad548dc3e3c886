package io.riposte.extract.offence;

import io.riposte.extract.Gazetteer;
import io.riposte.extract.Incident;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Gives the claims of one article their offence phrase cut to its noun phrase ({@link
 * OffencePhrase}) and their offence category ({@link OffenceTaxonomy}). Plain Java: the Spark stage
 * {@code CategoriseOffences} calls it once per article.
 *
 * <p>Passes, the first that gives a category decides:
 *
 * <ol>
 *   <li>the claim's own offence phrase (after cutting);
 *   <li>for a DENIAL linked to an accusation of the article ({@code denies_claim_id}), that
 *       accusation's category: a denial's sentence is full of words about the accusation ("lies",
 *       "fabricated") rather than about the act;
 *   <li>the claim's sentence;
 *   <li>when the offence phrase is the offence of a named incident of {@code
 *       gazetteer/incidents.tsv} ("benghazi attack", "sony pictures hack", which name no category),
 *       the incident's category column read with the same taxonomy ("terrorism", "cyberattack"):
 *       after the sentence, because the extractor may take the phrase from an incident named
 *       elsewhere in the article;
 *   <li>the category most claims of the article got from the passes above (ties to the category
 *       listed first): "blamed each other for that attack" is about what the article is about.
 * </ol>
 */
public final class OffenceCategoriser implements Serializable {

  private static final long serialVersionUID = 1L;

  /** What the categoriser reads of a claim. */
  public record ClaimText(
      String claimId, String kind, String offence, String sentence, String deniesClaimId) {}

  /**
   * A claim's cut offence phrase (null when nothing is left) and category (null when nothing fits).
   */
  public record Categorised(String offence, OffenceCategory category) {

    /** The category as stored in the tables ({@link OffenceCategory#key()}), or null. */
    public String categoryKey() {
      return category == null ? null : category.key();
    }
  }

  /** The incidents file, whose {@code category} column names the category of an incident. */
  public static final String INCIDENTS_FILE = "gazetteer/incidents.tsv";

  private final OffenceTaxonomy taxonomy;
  private final OffencePhrase phrase;
  private final Map<String, OffenceCategory> byIncident;

  public OffenceCategoriser(OffenceTaxonomy taxonomy, OffencePhrase phrase) {
    this(taxonomy, phrase, List.of());
  }

  /**
   * @param incidents named incidents: an offence phrase that is an incident's offence, and in which
   *     the taxonomy finds no category, takes that of the incident's category column
   */
  public OffenceCategoriser(
      OffenceTaxonomy taxonomy, OffencePhrase phrase, List<Incident> incidents) {
    this.taxonomy = taxonomy;
    this.phrase = phrase;
    this.byIncident = new HashMap<>();
    for (Incident incident : incidents) {
      OffenceCategory category =
          incident.category() == null ? null : taxonomy.classify(incident.category());
      if (category != null) {
        byIncident.putIfAbsent(incident.offence().toLowerCase(Locale.ROOT), category);
      }
    }
  }

  /** Loads the taxonomy, the phrase words and the incidents through {@code lines}. */
  public static OffenceCategoriser load(Function<String, List<String>> lines) {
    return new OffenceCategoriser(
        OffenceTaxonomy.load(lines),
        OffencePhrase.load(lines),
        Gazetteer.parse(null, lines.apply(INCIDENTS_FILE)).incidents());
  }

  public OffenceTaxonomy taxonomy() {
    return taxonomy;
  }

  public OffencePhrase phrase() {
    return phrase;
  }

  /** The claims of one article, in the same order. */
  public List<Categorised> categorise(List<ClaimText> claims) {
    List<String> offences = new ArrayList<>(claims.size());
    List<OffenceCategory> own = new ArrayList<>(claims.size());
    Map<String, OffenceCategory> accusations = new HashMap<>();
    for (ClaimText c : claims) {
      String cut = phrase.trim(c.offence());
      offences.add(cut);
      OffenceCategory category = taxonomy.classify(cut);
      own.add(category);
      if (!"DENIAL".equals(c.kind())) {
        if (category == null) {
          category = taxonomy.classify(c.sentence());
        }
        if (category == null) {
          category = incident(cut);
        }
        accusations.put(c.claimId(), category);
      }
    }
    List<Categorised> out = new ArrayList<>(claims.size());
    for (int i = 0; i < claims.size(); i++) {
      ClaimText c = claims.get(i);
      OffenceCategory category = own.get(i);
      if (category == null && "DENIAL".equals(c.kind()) && c.deniesClaimId() != null) {
        category = accusations.get(c.deniesClaimId());
      }
      if (category == null) {
        category = taxonomy.classify(c.sentence());
      }
      if (category == null) {
        category = incident(offences.get(i));
      }
      out.add(new Categorised(offences.get(i), category));
    }
    OffenceCategory article = mostFrequent(out);
    if (article != null) {
      for (int i = 0; i < out.size(); i++) {
        if (out.get(i).category() == null) {
          out.set(i, new Categorised(out.get(i).offence(), article));
        }
      }
    }
    return out;
  }

  /** The category of the incident whose offence {@code offence} is, or null. */
  private OffenceCategory incident(String offence) {
    return offence == null ? null : byIncident.get(offence.toLowerCase(Locale.ROOT));
  }

  /** The category most of {@code claims} have, ties to the category listed first; null if none. */
  private static OffenceCategory mostFrequent(List<Categorised> claims) {
    int[] votes = new int[OffenceCategory.values().length];
    OffenceCategory best = null;
    for (Categorised c : claims) {
      if (c.category() != null) {
        votes[c.category().ordinal()]++;
      }
    }
    for (OffenceCategory c : OffenceCategory.values()) {
      if (votes[c.ordinal()] > 0 && (best == null || votes[c.ordinal()] > votes[best.ordinal()])) {
        best = c;
      }
    }
    return best;
  }
}
