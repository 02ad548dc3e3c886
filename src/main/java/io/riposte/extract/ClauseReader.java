package io.riposte.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Token-window heuristics that stand in for a parser: the subject left of a verb, the object right
 * of it, passive voice, the agent of a passive, coordination, and the speaker of a position
 * (quotation, reporting clause, "according to").
 */
final class ClauseReader {

  static final Set<String> PREPOSITIONS =
      Set.of(
          "of",
          "for",
          "in",
          "with",
          "against",
          "to",
          "on",
          "from",
          "about",
          "at",
          "into",
          "over",
          "under",
          "by",
          "between",
          "among",
          "toward",
          "towards",
          "than",
          "like",
          "including",
          "after",
          "before",
          "during",
          "despite",
          "via",
          "upon",
          "amid",
          "behind",
          "near",
          "across",
          "through",
          "within",
          "without",
          "involving",
          "regarding",
          "as");

  static final Set<String> BE =
      Set.of(
          "is", "was", "were", "are", "been", "being", "be", "'s", "get", "got", "gets", "getting",
          "'re", "am");

  static final Set<String> ADVERBS =
      Set.of(
          "also",
          "repeatedly",
          "previously",
          "already",
          "strongly",
          "categorically",
          "flatly",
          "vehemently",
          "publicly",
          "officially",
          "formally",
          "again",
          "long",
          "since",
          "once",
          "often",
          "widely",
          "first",
          "initially",
          "promptly",
          "quickly",
          "later",
          "earlier",
          "now",
          "still",
          "has",
          "have",
          "had",
          "having",
          "will",
          "would",
          "could",
          "may",
          "might",
          "can",
          "did",
          "does",
          "do",
          "just",
          "then",
          "furiously",
          "falsely",
          "wrongly",
          "directly",
          "explicitly",
          "openly",
          "further",
          "all",
          "each",
          "both",
          "immediately",
          "swiftly",
          "allegedly",
          "reportedly",
          "apparently",
          "effectively",
          "essentially",
          "indirectly",
          "implicitly",
          "personally",
          "consistently",
          "firmly",
          "angrily",
          "sharply",
          "loudly",
          "squarely",
          "ultimately",
          "recently",
          "subsequently",
          "separately",
          "likewise",
          "similarly",
          "too",
          "even",
          "rushed",
          "rush",
          "moved",
          "went",
          "go",
          "continue",
          "continued",
          "continues");

  private static final int MAX_LEFT = 30;

  private final DocView v;
  private final MentionFinder mf;
  private final CueLexicon lexicon;

  ClauseReader(DocView v, MentionFinder mf, CueLexicon lexicon) {
    this.v = v;
    this.mf = mf;
    this.lexicon = lexicon;
  }

  private boolean sameQuoteZone(int a, int b) {
    boolean sa = v.inSpeech(a);
    boolean sb = v.inSpeech(b);
    if (sa != sb) {
      return false;
    }
    return !sa || v.quoteOf[a] == v.quoteOf[b];
  }

  /**
   * The nearest actor mention left of token {@code i} in its clause that is not the object of a
   * preposition; null when none.
   */
  Mention subjectLeft(int i) {
    if (i <= 0 || i > v.n) {
      return null;
    }
    int anchor = Math.min(i, v.n - 1);
    int sentStart = v.sentFrom[v.sentOf[anchor]];
    Mention antecedent = relativeAntecedent(i, sentStart);
    if (antecedent != null) {
      return antecedent;
    }
    int limit = Math.max(sentStart, i - MAX_LEFT);
    for (int j = i - 1; j >= limit; j--) {
      String l = v.low[j];
      if (l.equals(";") || (l.equals(":") && !v.inSpeech(j))) {
        return null;
      }
      if (DocView.isQuoteMark(v.raw[j])) {
        boolean speechEdge = v.inSpeech(j - 1) || v.inSpeech(j + 1);
        if (speechEdge && (v.inSpeech(anchor) || v.inSpeech(j - 1))) {
          return null;
        }
        continue;
      }
      if (!sameQuoteZone(j, anchor)) {
        return null;
      }
      if (isDash(l)) {
        int open = j - 1;
        while (open > sentStart && !isDash(v.low[open])) {
          open--;
        }
        if (open > sentStart && j - open <= 40) {
          // "Kelly defended the call – they were what Dunford told him – and condemned Wilson"
          limit = Math.max(sentStart, limit - (j - open));
          j = open;
          continue;
        }
      }
      if (l.equals(",")) {
        int open = relativeClauseStart(j, sentStart);
        if (open >= 0) {
          limit = Math.max(sentStart, limit - (j - open)); // the inserted words do not count
          j = open;
          continue;
        }
      }
      Mention m = mf.mentionAt(j);
      if (m == null) {
        continue;
      }
      j = m.from();
      Mention named = appositionHead(m, sentStart);
      if (named != null) {
        return named;
      }
      if (isObjectOfPreposition(m) && (!adjacent(m, i) || addressee(m))) {
        continue;
      }
      if (possessorOfAnObject(m, i)) {
        continue; // "Kelly defended Trump's call and ... condemned": Trump owns an object
      }
      if (v.possessive[m.to() - 1] && !"ANAPHOR".equals(m.kind())) {
        Mention next = mf.mentionAt(m.to());
        if (next == null && m.to() < i && !v.isPunct(m.to())) {
          // "Trump's lawyer said": the possessor speaks through an unlisted noun; keep it.
          return m;
        }
      }
      return m;
    }
    return null;
  }

  /**
   * "by Russia, which has denied": when the verb at {@code i} opens a relative clause (", which" or
   * ", who" before it, auxiliaries and adverbs between), the named mention right before the comma
   * is its subject, even as the object of a preposition; else null.
   */
  private Mention relativeAntecedent(int i, int sentStart) {
    int j = i - 1;
    while (j > sentStart
        && (ADVERBS.contains(v.low[j])
            || BE.contains(v.low[j])
            || lexicon.is("NEGATION", v.low[j])
            || v.negated[j])) {
      j--;
    }
    if (j - 2 < sentStart
        || !(v.low[j].equals("which") || v.low[j].equals("who"))
        || !v.low[j - 1].equals(",")) {
      return null;
    }
    Mention m = mf.mentionAt(j - 2);
    if (named(m) && m.to() == j - 1) {
      return m;
    }
    // "Laurie Luhn, the former Fox booker, who accused": a person named before a definite
    // apposition of up to five words.
    int k = j - 2;
    for (int words = 0; k > sentStart && words < 5 && !v.low[k].equals(","); words++) {
      k--;
    }
    if (!v.low[j].equals("who") || k - 1 < sentStart || !v.low[k].equals(",")) {
      return null;
    }
    if (!v.low[k + 1].equals("the") && !v.low[k + 1].equals("a") && !v.low[k + 1].equals("an")) {
      return null;
    }
    Mention head = mf.mentionAt(k - 1);
    return named(head) && head.to() == k && "person".equals(head.actor().type()) ? head : null;
  }

  private static boolean named(Mention m) {
    return m != null && m.actor() != null && !m.vague() && !"PRONOUN".equals(m.kind());
  }

  /**
   * "The Local Coordination Committees, an activist network, said": when {@code m} ends a noun
   * phrase with an indefinite article ("an activist network", up to three words after the article)
   * that stands right after a named subject (a comma between, or none where an archive dropped
   * them), that subject; else null. The subject must open its sentence (only determiners before
   * it), so "the strike hit Damascus, a US official said" keeps its speaker.
   */
  private Mention appositionHead(Mention m, int sentStart) {
    int k = m.from() - 1;
    for (int words = 0; k > sentStart && words < 3 && !isIndefinite(k); words++) {
      if (v.isPunct(k) || v.isCapitalised(k)) {
        return null;
      }
      k--;
    }
    if (k <= sentStart || !isIndefinite(k)) {
      return null;
    }
    int end = v.low[k - 1].equals(",") ? k - 2 : k - 1;
    Mention named = end >= sentStart ? mf.mentionAt(end) : null;
    if (named == null || named == m || named.to() != end + 1 || named.actor() == null) {
      return null;
    }
    if (named.vague() || "PRONOUN".equals(named.kind()) || "ANAPHOR".equals(named.kind())) {
      return null;
    }
    for (int b = sentStart; b < named.from(); b++) {
      if (!MentionFinder.DETERMINERS.contains(v.low[b])) {
        return null;
      }
    }
    return named;
  }

  private boolean isIndefinite(int k) {
    return v.low[k].equals("a") || v.low[k].equals("an");
  }

  /** Whether only adverbs and auxiliaries stand between mention m and token i. */
  private boolean adjacent(Mention m, int i) {
    return adjacentAt(m.to(), i);
  }

  /**
   * For a comma at {@code close} ending ", where|who|which|when ... ," or an adverbial phrase
   * between a named subject and its verb ("Mitt Romney, in an interview with Paul Ryan, accused"),
   * the index of the opening comma (so the inserted words' mentions are skipped); else -1.
   */
  private int relativeClauseStart(int close, int sentStart) {
    boolean nearest = true;
    for (int k = close - 1; k >= Math.max(sentStart, close - 40); k--) {
      if (v.low[k].equals(",")) {
        String next = k + 1 < v.n ? v.low[k + 1] : "";
        if (RELATIVE_OPENERS.contains(next)) {
          return k;
        }
        if (!nearest || close - k > 12) {
          continue; // a list inside a relative clause: "whom Israel barred for A, B and C,"
        }
        nearest = false;
        Mention before = k > sentStart ? mf.mentionAt(k - 1) : null;
        boolean namedBefore =
            before != null && before.actor() != null && !"PRONOUN".equals(before.kind());
        if (namedBefore && ADVERBIAL_OPENERS.contains(next)) {
          return k;
        }
      }
    }
    return -1;
  }

  /**
   * Whether m is a possessor ("Trump's", "his") whose noun phrase does not run up to the verb at
   * {@code i}: the possessed noun is then an object ("defended Trump's call and sought to put his
   * words ..."), not the subject ("Trump's lawyer said").
   */
  private boolean possessorOfAnObject(Mention m, int i) {
    if (!possessor(m) || m.to() >= i) {
      return false;
    }
    int k = m.to();
    for (int words = 0; k < i && words < 4 && !v.isPunct(k) && mf.mentionAt(k) == null; words++) {
      k++;
    }
    return !adjacentAt(k, i);
  }

  /** Whether m owns the noun after it: "Trump's", "the ministry's", "his", "their". */
  boolean possessor(Mention m) {
    return v.possessive[m.to() - 1]
        || "PRONOUN".equals(m.kind()) && POSSESSIVE_PRONOUNS.contains(v.low[m.from()]);
  }

  /**
   * "GEO Group, in an email to The Associated Press, said": m is who a message was sent to ("to" or
   * "with" after a message noun), never its sender, however near the verb.
   */
  private boolean addressee(Mention m) {
    int p = mf.prepositionBefore(m, true);
    return p > 0
        && (v.low[p].equals("to") || v.low[p].equals("with"))
        && MESSAGE_NOUNS.contains(v.low[p - 1]);
  }

  private static final Set<String> MESSAGE_NOUNS =
      Set.of(
          "email",
          "e-mail",
          "statement",
          "letter",
          "interview",
          "message",
          "note",
          "memo",
          "tweet",
          "post",
          "remarks",
          "comments",
          "call",
          "conversation");

  /** Whether only adverbs and auxiliaries stand from token k up to token i. */
  private boolean adjacentAt(int k, int i) {
    for (; k < i; k++) {
      String l = v.low[k];
      if (!ADVERBS.contains(l) && !l.endsWith("ly") && !BE.contains(l)) {
        return false;
      }
    }
    return true;
  }

  private static final Set<String> POSSESSIVE_PRONOUNS = Set.of("his", "her", "their", "its");

  private static boolean isDash(String l) {
    return l.equals("–") || l.equals("—") || l.equals("--");
  }

  private static final Set<String> RELATIVE_OPENERS =
      Set.of("where", "who", "which", "when", "whose", "whom");

  /** Prepositions that open an inserted adverbial phrase, never an apposition of the subject. */
  private static final Set<String> ADVERBIAL_OPENERS =
      Set.of("in", "at", "during", "on", "with", "after", "before", "speaking", "writing");

  /**
   * Whether the word right before the verb at {@code i} (adverbs and auxiliaries skipped) is a
   * lower-case common noun: then the verb's subject is an unnamed one ("a woman accused").
   */
  boolean unnamedSubjectBefore(int i) {
    int sentStart = v.sentFrom[v.sentOf[Math.min(i, v.n - 1)]];
    for (int j = i - 1; j >= Math.max(sentStart, i - 5); j--) {
      String l = v.low[j];
      if (ADVERBS.contains(l)
          || l.endsWith("ly")
          || lexicon.is("NEGATION", l)
          || v.negated[j]
          || BE.contains(l)
          || lexicon.is("HEDGE", l)) {
        continue;
      }
      if (mf.mentionAt(j) != null || v.isPunct(j) || v.isCapitalised(j) || !isWord(j)) {
        return false;
      }
      return !NON_NOUNS.contains(l)
          && !PREPOSITIONS.contains(l)
          && !MentionFinder.DETERMINERS.contains(l)
          && !lexicon.is("REPORTING", l)
          && !l.endsWith("ing")
          && !l.endsWith("ed");
    }
    return false;
  }

  private boolean isWord(int j) {
    String r = v.raw[j];
    for (int k = 0; k < r.length(); k++) {
      if (!Character.isLetter(r.charAt(k)) && r.charAt(k) != '-') {
        return false;
      }
    }
    return !r.isEmpty();
  }

  static final Set<String> NON_NOUNS =
      Set.of(
          "and",
          "or",
          "but",
          "nor",
          "who",
          "which",
          "that",
          "what",
          "whom",
          "whose",
          "he",
          "she",
          "it",
          "they",
          "we",
          "i",
          "you",
          "him",
          "her",
          "them",
          "us",
          "me",
          "also",
          "to",
          "not",
          "then",
          "so",
          "yet",
          "while",
          "when",
          "where",
          "if",
          "because",
          "as",
          "than",
          "there",
          "here",
          "one",
          "each",
          "both",
          "either",
          "neither",
          "himself",
          "herself",
          "itself",
          "themselves",
          "later",
          "subsequently",
          "first",
          "publicly",
          "openly");

  boolean isObjectOfPreposition(Mention m) {
    return mf.objectOfPreposition(m, true);
  }

  /**
   * The mention ending right before token {@code i}, or before a comma there, at or after {@code
   * from}: what a reduced passive says its participle of ("contractors accused of stealing",
   * "Warmbier, accused of ..."); null when a common noun stands there ("institutions accused of"),
   * which names no actor.
   */
  Mention nounJustLeft(int i, int from) {
    int k = i - 1;
    if (k > from && v.raw[k].equals(",")) {
      k--;
    }
    Mention m = k >= from ? mf.mentionAt(k) : null;
    return m != null && m.to() == k + 1 ? m : null;
  }

  /**
   * The mention ending right before {@code i}, skipping only auxiliaries, adverbs, negation, hedges
   * and relative pronouns ("Pyongyang wasn't responsible", "Russia, which was behind").
   */
  Mention subjectImmediatelyLeft(int i) {
    int sentStart = v.sentFrom[v.sentOf[Math.min(i, v.n - 1)]];
    for (int j = i - 1; j >= Math.max(sentStart, i - 6); j--) {
      Mention m = mf.mentionAt(j);
      if (m != null) {
        return m;
      }
      String l = v.low[j];
      if (AGENT_HEADS.contains(l) && j > sentStart) {
        Mention owner = mf.mentionAt(j - 1);
        return owner != null && !"PRONOUN".equals(owner.kind()) ? owner : null;
      }
      if (ADVERBS.contains(l)
          || BE.contains(l)
          || lexicon.is("NEGATION", l)
          || v.negated[j]
          || lexicon.is("HEDGE", l)
          || l.equals("who")
          || l.equals("which")
          || l.equals("that")
          || l.endsWith("ly")
          || l.equals(",")
          || l.equals("partly")
          || l.equals("solely")) {
        continue;
      }
      return null;
    }
    return null;
  }

  /**
   * Nouns for the people, weapons or acts through which a named actor acts: "Nusra Front members
   * kidnapped", "coalition strikes killed", "regime warplanes were behind" accuse the actor.
   */
  static final Set<String> AGENT_HEADS =
      Set.of(
          "members",
          "member",
          "fighters",
          "militants",
          "gunmen",
          "soldiers",
          "units",
          "operatives",
          "agents",
          "jets",
          "warplanes",
          "planes",
          "aircraft",
          "helicopters",
          "drones",
          "strike",
          "strikes",
          "airstrike",
          "airstrikes",
          "shelling",
          "fire",
          "bombing",
          "bombings",
          "raid",
          "raids",
          "attack",
          "attacks");

  /** Mentions coordinated to the left of m ("X and Y"), including m, left to right. */
  List<Mention> withCoordinatedLeft(Mention m) {
    List<Mention> out = new ArrayList<>();
    out.add(m);
    Mention cur = m;
    for (int k = 0; k < 3; k++) {
      int p = cur.from() - 1;
      Mention adjacent = p >= 0 ? mf.mentionAt(p) : null;
      if (adjacent != null
          && adjacent.to() == p + 1
          && v.sentOf[p] == v.sentOf[m.from()]
          && stateNames(adjacent, cur)) {
        // "Russia Iran and Turkey accused": a list whose commas the archive dropped
        out.add(0, adjacent);
        cur = adjacent;
        continue;
      }
      if (p > 0 && (v.low[p].equals("the") || v.low[p].equals("its") || v.low[p].equals("their"))) {
        p--;
      } else if (p > 0 && cur.actor() != null && "person".equals(cur.actor().type())) {
        // "Ms. Omar and Rep. Rashida Tlaib": a title (its dot may be a token) between
        int t = v.low[p].equals(".") ? p - 1 : p;
        p = t > 0 && mf.isTitle(t) && v.low[t - 1].equals("and") ? t - 1 : p;
      }
      if (p < 1 || !(v.low[p].equals("and") || v.low[p].equals(","))) {
        break;
      }
      int q = p - 1;
      while (q >= 0 && MentionFinder.DETERMINERS.contains(v.low[q])) {
        q--;
      }
      Mention left = mf.mentionAt(q);
      if (left == null || left.to() != q + 1 || v.sentOf[q] != v.sentOf[m.from()]) {
        break;
      }
      out.add(0, left);
      cur = left;
    }
    return out;
  }

  /** Mentions coordinated to the right of m ("X and Y"), including m. */
  List<Mention> withCoordinatedRight(Mention m, int limit) {
    List<Mention> out = new ArrayList<>();
    out.add(m);
    Mention cur = m;
    for (int k = 0; k < 3; k++) {
      int p = cur.to();
      Mention adjacent = p < limit ? mf.mentionAt(p) : null;
      if (adjacent != null && adjacent.from() == p && stateNames(cur, adjacent)) {
        // "Saudi Arabia Turkey and Qatar": a list whose commas the archive dropped
        out.add(adjacent);
        cur = adjacent;
        continue;
      }
      if (p >= limit
          || !(v.low[p].equals("and") || v.low[p].equals(",") || v.low[p].equals("or"))) {
        break;
      }
      int q = p + 1;
      while (q < limit
          && (MentionFinder.DETERMINERS.contains(v.low[q])
              || (!v.isCapitalised(q) && lexicon.is("TITLE", v.low[q])))) {
        q++;
      }
      Mention right = mf.mentionAt(q);
      if (right == null || right.from() != q) {
        break;
      }
      out.add(right);
      cur = right;
    }
    return out;
  }

  /** Whether both mentions are states named by the gazetteer (no demonym, no anaphor). */
  private static boolean stateNames(Mention a, Mention b) {
    return "NAME".equals(a.kind())
        && "NAME".equals(b.kind())
        && a.actor() != null
        && b.actor() != null
        && "state".equals(a.actor().type())
        && "state".equals(b.actor().type())
        && !a.actor().equals(b.actor());
  }

  /**
   * The person a noun phrase names after its modifiers: "Donald Trump campaign manager Corey
   * Lewandowski" is Lewandowski, not Trump. Returns m itself when no role word and person follow.
   */
  Mention appositiveHead(Mention m, int limit) {
    if (m == null) {
      return null;
    }
    boolean role = false;
    int k = m.to();
    for (int steps = 0; steps < 5 && k < limit; steps++) {
      Mention x = mf.mentionAt(k);
      if (x != null) {
        if (x.actor() != null && m.actor() != null && x.actor().name().equals(m.actor().name())) {
          k = x.to();
          continue;
        }
        boolean person =
            x.actor() != null
                && "person".equals(x.actor().type())
                && ("NAME".equals(x.kind()) || "UNLISTED".equals(x.kind()));
        if (!person && !role && x.from() == k && v.isCapitalised(k)) {
          // another proper-noun modifier: "Alabama GOP Senate nominee Roy Moore"
          k = x.to();
          continue;
        }
        return role && person && x.from() == k ? x : m;
      }
      if (v.isCapitalised(k) && !v.isPunct(k)) {
        k++;
        continue;
      }
      if (!lexicon.is("TITLE", v.low[k])) {
        return m;
      }
      role = true;
      k++;
    }
    return m;
  }

  /**
   * Whether m is a possessor followed by a person's role ("Donald Trump's campaign manager", "the
   * senator's wife"): then the phrase names someone else, not m.
   */
  boolean possessesRole(Mention m, int limit) {
    int k = m.to();
    if (!v.possessive[k - 1]) {
      if (k < limit && (v.low[k].equals("'s") || v.low[k].equals("'"))) {
        k++;
      } else {
        return false;
      }
    }
    for (int steps = 0; steps < 3 && k < limit; steps++, k++) {
      String l = v.low[k];
      if (lexicon.is("TITLE", l) || RELATIVES.contains(l)) {
        return true;
      }
      Mention x = mf.mentionAt(k);
      if (v.isPunct(k) || x != null && !"ANAPHOR".equals(x.kind())) {
        return false;
      }
    }
    return false;
  }

  private static final Set<String> RELATIVES =
      Set.of(
          "son",
          "daughter",
          "wife",
          "husband",
          "brother",
          "sister",
          "father",
          "mother",
          "nephew",
          "niece",
          "cousin",
          "friend",
          "associate",
          "associates",
          "ally",
          "allies",
          "lawyer",
          "lawyers",
          "aide",
          "aides",
          "adviser",
          "advisers",
          "advisor",
          "staffer",
          "staffers",
          "employee",
          "employees",
          "supporters",
          "family");

  /** The first mention right of {@code from}, before a preposition or clause break. */
  Mention objectRight(int from, int limit) {
    int end = Math.min(limit, from + 8);
    for (int j = from; j < end; j++) {
      Mention m = mf.mentionAt(j);
      if (m != null) {
        return m;
      }
      String l = v.low[j];
      if (MentionFinder.DETERMINERS.contains(l)
          || ADVERBS.contains(l)
          || DocView.isQuoteMark(v.raw[j])) {
        continue;
      }
      if (PREPOSITIONS.contains(l) || v.isPunct(j) || l.equals("that") || l.equals("which")) {
        return null;
      }
      if (!v.isCapitalised(j) && j > from + 2) {
        return null;
      }
    }
    return null;
  }

  /** Whether the verb at {@code i} is passive: a form of "be" (adverbs between) before it. */
  boolean passiveBefore(int i) {
    int sentStart = v.sentFrom[v.sentOf[Math.min(i, v.n - 1)]];
    for (int j = i - 1; j >= Math.max(sentStart, i - 4); j--) {
      String l = v.low[j];
      if (BE.contains(l)) {
        return true;
      }
      if (v.negated[j]
          && (l.equals("was") || l.equals("is") || l.equals("were") || l.equals("are"))) {
        return true;
      }
      if (!ADVERBS.contains(l) && !lexicon.is("NEGATION", l) && !lexicon.is("HEDGE", l)) {
        return false;
      }
    }
    return false;
  }

  /** The mention after "by" within a few tokens after {@code from}, or null. */
  Mention agentAfter(int from, int limit) {
    int end = Math.min(limit, from + 10);
    for (int j = from; j < end; j++) {
      String l = v.low[j];
      if (l.equals("by")) {
        int k = j + 1;
        while (k < limit && MentionFinder.DETERMINERS.contains(v.low[k])) {
          k++;
        }
        Mention m = mf.mentionAt(k);
        return m != null && m.from() == k ? m : null;
      }
      if (l.equals(".") || l.equals(";") || l.equals("that") || l.equals("which")) {
        return null;
      }
    }
    return null;
  }

  /** A speaker found for a position: the mention and the pass that found it. */
  record Speaker(Mention mention, String pass) {}

  /**
   * The speaker of token {@code i}: its quotation's speaker, the subject of a reporting verb before
   * it, a trailing reporting clause ("..., officials said"), or "according to X".
   */
  Speaker speakerOf(int i) {
    if (v.inSpeech(i)) {
      DocView.Quote q = v.quotes.get(v.quoteOf[i]);
      if (q.speaker != null) {
        return new Speaker(q.speaker, "quote-speaker");
      }
    }
    int s = v.sentOf[i];
    int from = v.sentFrom[s];
    int to = v.sentTo[s];
    for (int j = i - 1; j >= from; j--) {
      if (!sameQuoteZone(j, i)) {
        break;
      }
      if (isAccordingTo(j)) {
        continue;
      }
      int len = lexicon.context("REPORTING", v.low, j, to);
      if (len > 0 && !v.negated[j] && !toldPassive(j)) {
        Mention subj = subjectLeft(j);
        if (subj != null) {
          return new Speaker(subj, "reported-speech");
        }
        Mention after = trailingSpeakerAfter(j, len, to);
        if (after != null) {
          return new Speaker(after, "reported-speech");
        }
      }
    }
    for (int j = i + 1; j < to; j++) {
      if (v.inSpeech(j) && !v.inSpeech(i)) {
        continue;
      }
      int len = lexicon.context("REPORTING", v.low, j, to);
      if (len > 0 && !isAccordingTo(j) && !toldPassive(j)) {
        for (int k = j - 1; k > i && k >= j - 6; k--) {
          Mention m = mf.mentionAt(k);
          if (m != null) {
            return new Speaker(m, "reported-speech");
          }
          if (v.low[k].equals(",") || v.isPunct(k) && !DocView.isQuoteMark(v.raw[k])) {
            break;
          }
        }
        Mention after = trailingSpeakerAfter(j, len, to);
        if (after != null) {
          return new Speaker(after, "reported-speech");
        }
      }
    }
    for (int j = from; j + 2 < to; j++) {
      if (isAccordingTo(j)) {
        Mention m = firstMentionFrom(j + 2, to, 4);
        if (m != null) {
          return new Speaker(m, "according-to");
        }
      }
    }
    return null;
  }

  /** "Trump Jr. was told ... that": the subject heard the claim; it did not make it. */
  private boolean toldPassive(int j) {
    return lexicon.is("ADDRESSEE", v.low[j]) && passiveBefore(j);
  }

  private boolean isAccordingTo(int j) {
    return v.low[j].equals("according") && j + 1 < v.n && v.low[j + 1].equals("to");
  }

  /**
   * "said Tom Bossert": a mention right after the reporting verb at {@code verb} ({@code len}
   * tokens long); none after a verb whose object is the one spoken to ("he told The Washington
   * Post": {@code ADDRESSEE}).
   */
  Mention trailingSpeakerAfter(int verb, int len, int to) {
    if (lexicon.is("ADDRESSEE", v.low[verb])) {
      return null;
    }
    return firstMentionFrom(verb + len, to, 3);
  }

  Mention firstMentionFrom(int from, int to, int window) {
    int skipped = 0;
    for (int k = from; k < to && skipped <= window; k++) {
      Mention m = mf.mentionAt(k);
      if (m != null) {
        return m;
      }
      if (MentionFinder.DETERMINERS.contains(v.low[k])) {
        continue;
      }
      skipped++;
      if (v.isPunct(k)) {
        return null;
      }
    }
    return null;
  }
}
