package io.riposte.extract;

import java.io.Serializable;

/**
 * A named incident from incidents.tsv; its aliases are gazetteer phrases.
 *
 * @param offence the normalised offence phrase claims carry ("WannaCry cyberattack")
 * @param year the year it happened, or 0 when unknown
 */
public record Incident(String id, String offence, int year, String category)
    implements Serializable {}
