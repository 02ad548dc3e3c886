package io.riposte.extract;

import java.io.Serializable;

/**
 * One accusation or denial found in an article; the fields of the claims table except the article's
 * outlet fields.
 *
 * @param kind {@link #ACCUSATION} or {@link #DENIAL}
 * @param sourceActor the accuser (ACCUSATION) or the denier (DENIAL), canonical name, or {@link
 *     #UNSPECIFIED} (null) when the claim does not name it (a vague accuser: "critics")
 * @param targetActor the accused (ACCUSATION), or the accuser whose accusation is rejected (DENIAL,
 *     {@link #UNSPECIFIED} when unknown)
 * @param sourceType state, person, org or group (null when unknown)
 * @param sourceCountry ISO 3166-1 alpha-3 or null
 * @param offence a short normalised phrase for the wrongdoing, or null
 * @param cue the cue words as written
 * @param quoted whether the cue is inside a quotation
 * @param speaker the speaker of that quotation or reported clause, as resolved, or null
 * @param confidence in [0,1], from the rule pass and hedging
 * @param sentenceIndex index of the evidence sentence in the document
 * @param sentence the evidence sentence's text; {@code begin}/{@code end} are its offsets
 * @param resolvedBy the rule pass that decided the source ("svo-active", "passive-by", ...)
 * @param deniesClaimId for a DENIAL, the claimId of the accusation in the same article it answers,
 *     else null
 */
public record Claim(
    String articleId,
    String claimId,
    String kind,
    String sourceActor,
    String sourceActorId,
    String sourceType,
    String sourceCountry,
    String targetActor,
    String targetActorId,
    String targetType,
    String targetCountry,
    String offence,
    String cue,
    boolean quoted,
    String speaker,
    boolean hedged,
    double confidence,
    int sentenceIndex,
    String sentence,
    int begin,
    int end,
    String resolvedBy,
    String deniesClaimId)
    implements Serializable {

  public static final String ACCUSATION = "ACCUSATION";
  public static final String DENIAL = "DENIAL";

  /**
   * An actor the claim does not name (a vague accuser such as "critics" or "officials", a passive
   * without its agent, the unknown accuser of a denial): null, here and in every table ({@code
   * io.riposte.io.Tables#UNNAMED_ACTOR}). One value, so that grouping by actor puts all unnamed
   * actors together. Test it with {@code == null} or {@code Column.isNull()}: no string equals it.
   */
  public static final String UNSPECIFIED = null;
}
