package io.riposte.cluster;

import java.util.List;
import java.util.Locale;

/**
 * Short human-readable labels of claim clusters and outlet clusters, built from what the cluster
 * tables hold (plain Java, no Spark types).
 *
 * <p>A claim cluster reads "offence category (terms): actors; denial", what is alleged first, e.g.
 * {@code "cyberattack (banks, grid): state -> state; denied 80%, 'smear'"} or {@code "chemical
 * weapons (douma): Syria -> United States; denied 41%, 'fabricated'"}. When no category holds half
 * the claims, the two largest lead with their shares: {@code "sexual misconduct 38% / abuse of
 * power 21% (trump): unnamed -> person; denied 13%"}. Without a dominant actor pair or type
 * pattern, a side whose type most claims share is still named: {@code "mixed -> state"}.
 */
public final class ClusterLabel {

  /** Share of a cluster's claims the top actor pair (or type pattern) needs to name the cluster. */
  public static final double DOMINANT = 0.5;

  /** Offence terms named in a label, after the category. */
  public static final int TERMS = 2;

  /** How a claim without an offence category shows in {@link Pattern#category}. */
  public static final String NO_CATEGORY = "none";

  /** Claim cluster labels are cut to this many characters. */
  public static final int MAX_LENGTH = 100;

  /** Outlet cluster labels, which quote a claim cluster label, are cut to this many characters. */
  public static final int OUTLET_MAX_LENGTH = 150;

  /** How an actor without a type shows in a type pattern. */
  static final String NO_TYPE = "none";

  private ClusterLabel() {}

  /**
   * What a claim cluster's label is built from.
   *
   * @param size claims in the cluster
   * @param category most frequent offence category key ("chemical_weapons"; {@value #NO_CATEGORY}
   *     for claims without one), or null
   * @param categoryClaims claims of {@code category}
   * @param secondCategory second most frequent offence category key, or null
   * @param secondCategoryClaims claims of {@code secondCategory}
   * @param topPair most frequent "accuser -> accused", or null
   * @param topPairClaims claims of {@code topPair}
   * @param topTypes most frequent "accuser type -> accused type" (e.g. "state -> person"), or null
   * @param topTypesClaims claims of {@code topTypes}
   * @param accuserType most frequent accuser type ("state"), or null
   * @param accuserTypeClaims claims of {@code accuserType}
   * @param accusedType most frequent accused type, or null
   * @param accusedTypeClaims claims of {@code accusedType}
   * @param terms top offence terms, best first
   * @param denialCue most frequent cue of the cluster's denials, or null
   * @param accusations accusations in the cluster
   * @param shareDenied share of the accusations answered by a denial, null without accusations
   */
  public record Pattern(
      long size,
      String category,
      long categoryClaims,
      String secondCategory,
      long secondCategoryClaims,
      String topPair,
      long topPairClaims,
      String topTypes,
      long topTypesClaims,
      String accuserType,
      long accuserTypeClaims,
      String accusedType,
      long accusedTypeClaims,
      List<String> terms,
      String denialCue,
      long accusations,
      Double shareDenied) {

    public Pattern {
      terms = terms == null ? List.of() : List.copyOf(terms);
    }

    /** A pattern without the types of each side. */
    public Pattern(
        long size,
        String category,
        long categoryClaims,
        String secondCategory,
        long secondCategoryClaims,
        String topPair,
        long topPairClaims,
        String topTypes,
        long topTypesClaims,
        List<String> terms,
        String denialCue,
        long accusations,
        Double shareDenied) {
      this(
          size,
          category,
          categoryClaims,
          secondCategory,
          secondCategoryClaims,
          topPair,
          topPairClaims,
          topTypes,
          topTypesClaims,
          null,
          0,
          null,
          0,
          terms,
          denialCue,
          accusations,
          shareDenied);
    }
  }

  /** The label of a claim cluster. */
  public static String of(Pattern p) {
    String actors;
    if (p.topPair() != null && dominant(p.topPairClaims(), p.size())) {
      actors = p.topPair();
    } else if (p.topTypes() != null && dominant(p.topTypesClaims(), p.size())) {
      actors = p.topTypes().replace(NO_TYPE, "unnamed");
    } else {
      // One side may still have a type most claims share: "mixed -> state".
      String accuser = side(p.accuserType(), p.accuserTypeClaims(), p.size());
      String accused = side(p.accusedType(), p.accusedTypeClaims(), p.size());
      actors =
          accuser.equals(MIXED) && accused.equals(MIXED)
              ? "mixed actors"
              : accuser + " -> " + accused;
    }
    String what;
    if (p.category() == null) {
      what = "mixed offences";
    } else if (!dominant(p.categoryClaims(), p.size())) {
      // No category holds half the claims: the two largest, with their shares.
      what = category(p.category()) + " " + percent((double) p.categoryClaims() / p.size());
      if (p.secondCategory() != null && p.secondCategoryClaims() > 0) {
        what +=
            " / "
                + category(p.secondCategory())
                + " "
                + percent((double) p.secondCategoryClaims() / p.size());
      }
    } else {
      what = category(p.category());
    }
    // The terms add what the category does not say already (a place, a target).
    List<String> categoryWords = List.of(what.split(" "));
    List<String> terms =
        p.terms().stream().filter(t -> !categoryWords.contains(t)).limit(TERMS).toList();
    if (!terms.isEmpty()) {
      what = what + " (" + String.join(", ", terms) + ")";
    }
    String cue = p.denialCue() == null ? "" : ", '" + p.denialCue() + "'";
    String denial;
    if (p.accusations() == 0) {
      denial = "denials only" + cue;
    } else if (p.shareDenied() == null || p.shareDenied() == 0) {
      denial = "not denied";
    } else {
      denial = "denied " + percent(p.shareDenied()) + cue;
    }
    return cut(what + ": " + actors + "; " + denial, MAX_LENGTH);
  }

  /**
   * The label of an outlet cluster: the claim cluster its outlets report most and how often they
   * give the denial, e.g. {@code "mostly #2 (45% of claims); gives the denial for 60% of
   * accusations: state -> state: cyberattack; denied 80%, 'smear'"}.
   *
   * @param claimClusterId claim cluster with the most of these outlets' claims
   * @param claimClusterLabel its label
   * @param shareOfClaims share of these outlets' claims in it
   * @param shareDenied share of these outlets' accusations reported with a denial, null without
   *     accusations
   */
  public static String ofOutlets(
      int claimClusterId, String claimClusterLabel, double shareOfClaims, Double shareDenied) {
    String reports =
        shareDenied == null
            ? "no accusations"
            : "gives the denial for " + percent(shareDenied) + " of accusations";
    String mostly =
        "mostly #" + claimClusterId + " (" + percent(shareOfClaims) + " of claims); " + reports;
    // The claim cluster's label goes last, where cutting it loses the least.
    return cut(mostly + ": " + claimClusterLabel, OUTLET_MAX_LENGTH);
  }

  private static final String MIXED = "mixed";

  /** An actor type most claims share ("unnamed" for none), else {@value #MIXED}. */
  private static String side(String type, long claims, long size) {
    return type != null && dominant(claims, size) ? type.replace(NO_TYPE, "unnamed") : MIXED;
  }

  private static String category(String key) {
    return key.equals(NO_CATEGORY) ? "offence not categorised" : key.replace('_', ' ');
  }

  private static boolean dominant(long claims, long size) {
    return size > 0 && claims >= DOMINANT * size;
  }

  static String percent(double share) {
    return String.format(Locale.ROOT, "%d%%", Math.round(share * 100));
  }

  private static String cut(String label, int max) {
    return label.length() <= max ? label : label.substring(0, max - 1) + "…";
  }
}
