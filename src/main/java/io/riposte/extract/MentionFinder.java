package io.riposte.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds the actor mentions of one document, in ordered passes: gazetteer spans (given, then
 * re-matched on capitalised tokens for robustness against tokenisation), demonyms with their noun
 * ("Syrian government", "Syrian rebels"), titled and capitalised names not in the gazetteer,
 * anaphors ("the ministry", "officials") and third-person pronouns resolved to an earlier
 * compatible actor, vague accusers ("critics"), then quotation speakers and first-person pronouns
 * inside speech.
 */
final class MentionFinder {

  /** A matched incident alias on tokens {@code [from, to)}. */
  record IncidentMention(int from, int to, Incident incident) {}

  private static final int MAX_PHRASE_TOKENS = 6;
  private static final int COREF_SENTENCES = 6;
  private static final int PRONOUN_SENTENCES = 2;

  static final Set<String> DETERMINERS =
      Set.of(
          "the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our",
          "my", "your", "any", "all", "some", "such", "another", "other", "both", "each", "every");

  private static final Set<String> STOP_CAPITALISED =
      Set.copyOf(
          List.of(
              "the",
              "a",
              "an",
              "in",
              "on",
              "at",
              "but",
              "and",
              "or",
              "as",
              "after",
              "before",
              "he",
              "she",
              "it",
              "they",
              "we",
              "i",
              "you",
              "this",
              "that",
              "these",
              "those",
              "his",
              "her",
              "their",
              "our",
              "my",
              "its",
              "there",
              "here",
              "when",
              "while",
              "if",
              "for",
              "from",
              "with",
              "by",
              "of",
              "to",
              "what",
              "who",
              "why",
              "how",
              "where",
              "which",
              "so",
              "yet",
              "also",
              "meanwhile",
              "however",
              "still",
              "now",
              "then",
              "earlier",
              "later",
              "last",
              "next",
              "since",
              "despite",
              "although",
              "though",
              "because",
              "during",
              "until",
              "under",
              "over",
              "among",
              "between",
              "about",
              "according",
              "not",
              "no",
              "yes",
              "all",
              "some",
              "many",
              "most",
              "more",
              "one",
              "two",
              "three",
              "both",
              "each",
              "every",
              "such",
              "only",
              "even",
              "just",
              "like",
              "update",
              "editor",
              "note",
              "read",
              "watch",
              "photo",
              "video",
              "reporting",
              "story",
              "continued",
              "below",
              "above",
              "advertisement",
              "related",
              "tags",
              "date",
              "publication",
              "monday",
              "tuesday",
              "wednesday",
              "thursday",
              "friday",
              "saturday",
              "sunday",
              "january",
              "february",
              "march",
              "april",
              "may",
              "june",
              "july",
              "august",
              "september",
              "october",
              "november",
              "december",
              "jan",
              "feb",
              "mar",
              "apr",
              "jun",
              "jul",
              "aug",
              "sep",
              "sept",
              "oct",
              "nov",
              "dec",
              "mr",
              "mrs",
              "ms",
              "dr",
              "breaking",
              "exclusive",
              "opinion",
              "analysis",
              "getty",
              "images",
              "am",
              "pm",
              "god",
              "lord",
              "oh",
              "ok",
              "okay",
              "please",
              "thank",
              "thanks",
              "hello",
              "sir",
              "madam",
              "christmas",
              "easter",
              "ramadan",
              "once",
              "following",
              "asked",
              "speaking",
              "responding",
              "instead",
              "indeed",
              "several",
              "few",
              "every",
              "whether",
              "unless",
              "whose",
              "whom",
              "did",
              "does",
              "do",
              "is",
              "was",
              "are",
              "were",
              "has",
              "have",
              "had",
              "will",
              "would",
              "can",
              "could",
              "should",
              "must",
              "let",
              "here's",
              "that's",
              "it's",
              "there's",
              "what's",
              "let's",
              "we're",
              "they're",
              "you're",
              "i'm",
              "i've",
              "we've",
              "don't",
              "doesn't",
              "isn't",
              "wasn't",
              "mr.",
              "mrs.",
              "ms.",
              "dr.",
              "st",
              "new",
              "former",
              "acting",
              "late",
              "top",
              "senior",
              "junior",
              "republican",
              "democrat",
              "democratic",
              "gop",
              "independent",
              "conservative",
              "liberal",
              "progressive"));

  private static final Set<String> CONNECTORS =
      Set.of(
          "al", "bin", "ibn", "de", "van", "von", "der", "la", "le", "da", "du", "el", "abu", "&");

  private static final Set<String> GENERIC_INSTITUTION =
      Set.of(
          "foreign",
          "affairs",
          "interior",
          "justice",
          "defence",
          "defense",
          "home",
          "state",
          "national",
          "security",
          "homeland",
          "public",
          "health",
          "federal",
          "central",
          "civil",
          "general",
          "supreme",
          "high",
          "joint",
          "chief",
          "senior",
          "deputy",
          "press",
          "secretary",
          "house",
          "ministry",
          "minister",
          "department",
          "office",
          "government",
          "administration",
          "military",
          "army",
          "spokesperson",
          "spokesman",
          "spokeswoman",
          "agency",
          "intelligence",
          "prime",
          "president",
          "presidential",
          "vice",
          "white");

  /** Plural or generic heads that resolve only through a modifier, never to the nearest actor. */
  private static final Set<String> NO_NEAREST =
      Set.of(
          "forces",
          "troops",
          "officials",
          "official",
          "authorities",
          "military",
          "army",
          "diplomats",
          "group",
          "party",
          "committee",
          "campaign",
          "company",
          "firm");

  /** Vague nouns that stand against the actor after them ("critics of X"), never for it. */
  private static final Set<String> ADVERSARIES =
      Set.of(
          "critics",
          "opponents",
          "detractors",
          "skeptics",
          "sceptics",
          "rivals",
          "accusers",
          "enemies",
          "foes",
          "victims");

  /**
   * Group nouns used as a modifier ("rebel shelling", "a militant commander"): the group is named
   * by the plural, as the bare noun would be.
   */
  private static final Map<String, String> ADJECTIVAL_GROUPS =
      Map.of(
          "rebel", "rebels",
          "militant", "militants",
          "insurgent", "insurgents",
          "jihadist", "jihadists",
          "separatist", "separatists");

  /** Nouns that name a state's armed opposition, each standing for the others once one is named. */
  private static final List<String> OPPOSITION = List.of("opposition", "rebels", "insurgents");

  /** Nouns for armed groups, for "pro-X forces" and "anti-X militants". */
  private static final Set<String> ARMED_GROUPS =
      Set.of(
          "forces",
          "troops",
          "militia",
          "militias",
          "fighters",
          "gunmen",
          "militants",
          "rebels",
          "insurgents",
          "factions");

  private static final Set<String> FIRST_PERSON =
      Set.of("we", "us", "our", "ours", "i", "me", "my", "mine", "myself", "ourselves");

  private static final Set<String> HE_SHE =
      Set.of("he", "she", "him", "her", "his", "himself", "herself");

  private static final Set<String> THEY_IT = Set.of("they", "them", "their", "it", "its");

  private final Gazetteer gazetteer;
  private final CueLexicon lexicon;
  private final DocView v;
  private final Document doc;
  private final LocalDate date;

  final Mention[] at;
  final List<IncidentMention> incidents = new ArrayList<>();
  private final boolean[] incidentToken;

  MentionFinder(Gazetteer gazetteer, CueLexicon lexicon, DocView view, Document doc) {
    this.gazetteer = gazetteer;
    this.lexicon = lexicon;
    this.v = view;
    this.doc = doc;
    this.date = doc.publishedDate();
    this.at = new Mention[v.n];
    this.incidentToken = new boolean[v.n];
  }

  /** Runs all passes; afterwards {@link #at} maps each token to its mention (or null). */
  void run() {
    givenSpans();
    rematchCapitalised();
    demonymsAndNouns();
    vague();
    names();
    surnames();
    sidedGroups();
    ledCoalitions();
    bareGroups();
    anaphorsAndPronouns();
    attachVague();
    new QuoteAttribution(v, this, lexicon).attribute();
    firstPersonInSpeech();
  }

  Mention mentionAt(int i) {
    return i >= 0 && i < v.n ? at[i] : null;
  }

  /** Mentions ending before token {@code i}, nearest first, at most {@code window} tokens back. */
  List<Mention> mentionsBefore(int i, int window) {
    List<Mention> out = new ArrayList<>();
    Mention last = null;
    for (int k = Math.min(i, v.n) - 1; k >= Math.max(0, i - window); k--) {
      if (at[k] != null && at[k] != last) {
        out.add(at[k]);
        last = at[k];
      }
    }
    return out;
  }

  /** Mentions in token order, each once. */
  List<Mention> mentions() {
    List<Mention> out = new ArrayList<>();
    Mention last = null;
    for (int i = 0; i < v.n; i++) {
      if (at[i] != null && at[i] != last) {
        out.add(at[i]);
        last = at[i];
      }
    }
    return out;
  }

  private void put(Mention m) {
    for (int i = m.from(); i < m.to(); i++) {
      at[i] = m;
    }
  }

  private boolean free(int from, int to) {
    if (from < 0 || to > v.n || from >= to) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (at[i] != null || incidentToken[i]) {
        return false;
      }
    }
    return true;
  }

  private void putEntry(Gazetteer.Entry e, int from, int to) {
    if (e.incident() != null) {
      for (int i = from; i < to; i++) {
        if (incidentToken[i]) {
          return;
        }
      }
      incidents.add(new IncidentMention(from, to, e.incident()));
      for (int i = from; i < to; i++) {
        incidentToken[i] = true;
      }
      return;
    }
    String kind = e.form() == Gazetteer.Form.DEMONYM ? "DEMONYM" : "NAME";
    put(new Mention(from, to, e.actor(), kind, "gazetteer"));
  }

  /** Pass 1: the spans the TextMatcher found, longest first. */
  private void givenSpans() {
    if (doc.actorMentions() == null) {
      return;
    }
    List<Span> spans = new ArrayList<>();
    for (Span s : doc.actorMentions()) {
      if (s != null && s.begin() >= 0 && s.end() <= v.text.length() && s.begin() < s.end()) {
        spans.add(s);
      }
    }
    spans.sort((a, b) -> a.begin() != b.begin() ? a.begin() - b.begin() : b.end() - a.end());
    int limit = Math.min(spans.size(), 5 * DocView.MAX_TOKENS);
    for (int k = 0; k < limit; k++) {
      Span s = spans.get(k);
      int from = firstTokenAtOrAfter(s.begin());
      int to = from;
      while (to < v.n && v.te[to] <= s.end()) {
        to++;
      }
      if (from >= to || !free(from, to)) {
        continue;
      }
      Gazetteer.Entry e = gazetteer.lookup(v.text.substring(s.begin(), s.end()), date);
      if (e == null) {
        e = lookupTokens(from, to);
      }
      if (e != null) {
        putEntry(e, from, to);
      }
    }
  }

  /** Pass 2: gazetteer phrases on capitalised tokens the given spans missed. */
  private void rematchCapitalised() {
    for (int i = 0; i < v.n; i++) {
      if (at[i] != null || v.raw[i].isEmpty() || !Character.isUpperCase(v.raw[i].charAt(0))) {
        continue;
      }
      int max = Math.min(MAX_PHRASE_TOKENS, v.sentTo[v.sentOf[i]] - i);
      for (int len = max; len >= 1; len--) {
        if (!free(i, i + len)
            || v.isPunct(i + len - 1) && len > 1 && !v.raw[i + len - 1].equals(".")) {
          continue;
        }
        Gazetteer.Entry e = lookupTokens(i, i + len);
        if (e == null) {
          e = bareSPossessive(i, i + len);
        }
        if (e != null) {
          putEntry(e, i, i + len);
          i += len - 1;
          break;
        }
      }
    }
  }

  /**
   * A name whose possessive lost its apostrophe ("Assads forces", "Russias role"): the tokens with
   * the last one's final "s" removed name a gazetteer actor (not a demonym, not an incident). The
   * last token is then marked possessive in the view, as "Assad's" would be.
   */
  private Gazetteer.Entry bareSPossessive(int from, int to) {
    int last = to - 1;
    String r = v.raw[last];
    if (v.possessive[last]
        || r.length() < 5
        || !r.endsWith("s")
        || r.endsWith("ss")
        || !Character.isLowerCase(r.charAt(r.length() - 2))) {
      return null;
    }
    String surface = v.text.substring(v.tb[from], v.te[last] - 1);
    Gazetteer.Entry e = gazetteer.lookup(surface, date);
    if (e == null
        || e.actor() == null
        || e.form() == Gazetteer.Form.DEMONYM
        || !e.surface().equals(Gazetteer.key(surface))) {
      return null;
    }
    v.possessive[last] = true;
    v.low[last] = v.low[last].substring(0, v.low[last].length() - 1);
    return e;
  }

  private Gazetteer.Entry lookupTokens(int from, int to) {
    String surface = v.text.substring(v.tb[from], v.te[to - 1]);
    if (v.possessive[to - 1]) {
      String last = v.raw[to - 1];
      int cut = last.endsWith("'s") ? 2 : last.endsWith("'") ? 1 : 0;
      if (cut > 0) {
        surface = v.text.substring(v.tb[from], v.te[to - 1] - cut);
      }
    }
    Gazetteer.Entry e = gazetteer.lookup(surface, date);
    if (e != null
        && e.actor() != null
        && surface.length() <= 3
        && !surface.equals(surface.toUpperCase(Locale.ROOT))
        && !surface.contains(".")) {
      return e.surface().equals(Gazetteer.key(surface)) ? e : null;
    }
    return e;
  }

  private int firstTokenAtOrAfter(int charPos) {
    int lo = 0;
    int hi = v.n;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (v.tb[mid] < charPos) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * Pass 3: a demonym names its state only before a state noun ("Syrian government"), an org before
   * a group noun ("Syrian rebels"), else nothing ("Syrian city"). A state name followed by state
   * nouns ("North Korea's foreign ministry spokesperson") takes them into its span; a person
   * followed by "administration" or "government" becomes that person's state.
   */
  private void demonymsAndNouns() {
    for (int i = 0; i < v.n; i++) {
      Mention m = at[i];
      if (m == null || m.from() != i) {
        continue;
      }
      int end = m.to();
      int sentEnd = v.sentTo[v.sentOf[i]];
      Actor a = m.actor();
      if ("DEMONYM".equals(m.kind())) {
        int[] noun = stateNounAfter(end, sentEnd, true);
        Actor state = "state".equals(a.type()) ? a : gazetteer.state(a.country());
        Actor leader = noun != null && state != null ? leaderNamedBefore(i, noun, state) : null;
        if (leader != null) {
          clear(m);
          put(new Mention(i, noun[1], leader, "ANAPHOR", "demonym-leader"));
        } else if (noun != null && state != null) {
          clear(m);
          put(new Mention(i, noun[1], state, "STATE", "demonym"));
        } else if ((lexicon.context("GROUP_NOUN", v.low, end, sentEnd) > 0
                || (end < sentEnd && lexicon.is("DEMONYM_GROUP_NOUN", v.low[end]))
                || (end + 1 < sentEnd
                    && ADJECTIVAL_GROUPS.containsKey(v.low[end])
                    && ARMED_GROUPS.contains(v.low[end + 1])))
            && free(end, end + 1)) {
          clear(m);
          String group = ADJECTIVAL_GROUPS.getOrDefault(v.low[end], v.low[end]); // "rebel forces"
          String name = v.text.substring(v.tb[i], v.te[m.to() - 1]) + " " + group;
          put(
              new Mention(
                  i, end + 1, Actor.unlisted(name, "org", a.country()), "GROUP", "demonym"));
        } else {
          clear(m);
        }
        i = Math.max(i, (at[i] == null ? i : at[i].to() - 1));
        continue;
      }
      if (a != null && "state".equals(a.type())) {
        int[] noun = stateNounAfter(end, sentEnd, false);
        if (noun != null) {
          clear(m);
          put(new Mention(i, noun[1], a, "STATE", m.via()));
        }
      } else if (a != null && "person".equals(a.type()) && a.country() != null && end < sentEnd) {
        String next = v.low[end];
        if ((next.equals("administration") || next.equals("government")) && free(end, end + 1)) {
          Actor state = gazetteer.state(a.country());
          if (state != null) {
            clear(m);
            put(new Mention(i, end + 1, state, "STATE", "person-administration"));
          }
        }
      }
      i = Math.max(i, at[i] == null ? i : at[i].to() - 1);
    }
  }

  private void clear(Mention m) {
    for (int i = m.from(); i < m.to(); i++) {
      if (at[i] == m) {
        at[i] = null;
      }
    }
  }

  /** [start, end) of a run of state nouns right after {@code from}, or null. */
  /**
   * "the Israeli leader", "the Syrian president": when the state noun is a leader's title, the head
   * of state (president) or of government (prime minister, premier) of that state named earlier in
   * the article, if any; "leader" takes either.
   */
  private Actor leaderNamedBefore(int i, int[] noun, Actor state) {
    String title = v.low[noun[1] - 1];
    boolean head = title.equals("president") || title.equals("leader");
    boolean government =
        title.equals("premier")
            || title.equals("leader")
            || title.equals("minister")
                && noun[1] - 2 >= noun[0]
                && v.low[noun[1] - 2].equals("prime");
    if (!head && !government) {
      return null;
    }
    return state.country() == null ? null : lastLeader(i, state.country(), head, government);
  }

  private int[] stateNounAfter(int from, int sentEnd, boolean allowCoordination) {
    int i = from;
    if (i < sentEnd && (v.low[i].equals("'s") || v.low[i].equals("'"))) {
      i++;
    }
    int end = -1;
    for (int k = 0; k < 4 && i < sentEnd; k++) {
      if (at[i] != null) {
        break;
      }
      int len = lexicon.context("STATE_NOUN", v.low, i, sentEnd);
      if (len > 0) {
        end = i + len;
        i += len;
        continue;
      }
      if (bareSNoun(i)) {
        v.possessive[i] = true;
        v.low[i] = v.low[i].substring(0, v.low[i].length() - 1);
        end = i + 1;
        break;
      }
      if (end > 0) {
        break;
      }
      boolean modifier =
          !v.isPunct(i)
              && (!v.isCapitalised(i) || isModelCode(v.raw[i]))
              && !DETERMINERS.contains(v.low[i]) // "told Sputnik that the army": no "Sputnik army"
              && !ClauseReader.PREPOSITIONS.contains(v.low[i])
              && !OPPOSITION.contains(v.low[i]) // "Syrian opposition forces" are no state's
              && !ADJECTIVAL_GROUPS.containsKey(v.low[i])
              && k < 2
              && !v.low[i].equals("and")
              && !lexicon.is("REPORTING", v.low[i])
              && v.low[i].length() > 2;
      boolean coordination = allowCoordination && v.low[i].equals("and") && k == 0;
      if (!modifier && !coordination) {
        break;
      }
      i++;
    }
    return end > 0 ? new int[] {from, end} : null;
  }

  /** A state noun whose possessive lost its apostrophe ("the Syrian armys shelling"). */
  private boolean bareSNoun(int i) {
    String l = v.low[i];
    return !v.possessive[i]
        && l.length() > 4
        && l.endsWith("ys")
        && lexicon.is("STATE_NOUN", l.substring(0, l.length() - 1));
  }

  /** Pass 4: titled and capitalised names not in the gazetteer. */
  private void names() {
    Set<String> lowerWords = new HashSet<>();
    for (int i = 0; i < v.n; i++) {
      if (!v.raw[i].isEmpty() && Character.isLowerCase(v.raw[i].charAt(0))) {
        lowerWords.add(v.low[i]);
      }
    }
    boolean[] titleCase = new boolean[v.sentenceCount()];
    for (int s = 0; s < v.sentenceCount(); s++) {
      int words = 0;
      int caps = 0;
      for (int k = v.sentFrom[s]; k < v.sentTo[s]; k++) {
        if (!v.isPunct(k) && Character.isLetter(v.raw[k].charAt(0))) {
          words++;
          if (v.isCapitalised(k)) {
            caps++;
          }
        }
      }
      titleCase[s] = words >= 6 && caps * 10 >= words * 7;
    }
    int i = 0;
    while (i < v.n) {
      if (at[i] != null || incidentToken[i] || !isNameToken(i) || titleCase[v.sentOf[i]]) {
        i++;
        continue;
      }
      int s = v.sentOf[i];
      int j = i;
      while (j < v.n
          && v.sentOf[j] == s
          && at[j] == null
          && !incidentToken[j]
          && (isNameToken(j)
              || (j > i && isConnector(j) && j + 1 < v.n && isNameToken(j + 1))
              || middleInitialDot(j))) {
        j++;
        if (v.possessive[j - 1]) {
          break;
        }
      }
      if (!quotedTitle(i, j)) {
        nameRun(i, j, lowerWords);
      }
      i = Math.max(j, i + 1);
    }
  }

  /** A capitalised run that is a whole quotation names a work ("CNN's “New Day”"), no actor. */
  private boolean quotedTitle(int from, int to) {
    return from > 0
        && to < v.n
        && DocView.isQuoteMark(v.raw[from - 1])
        && DocView.isQuoteMark(v.raw[to]);
  }

  /**
   * A name as written, less its middle initials ("Brett M. Kavanaugh" is "Brett Kavanaugh", as the
   * other mentions of the person name them).
   */
  private String withoutMiddleInitials(int a, int b) {
    StringBuilder out = new StringBuilder();
    int from = a;
    for (int k = a + 1; k + 2 < b; k++) {
      if (middleInitialDot(k + 1) && k > from) {
        out.append(surface(from, k)).append(' ');
        from = k + 2;
        k++;
      }
    }
    return from == a ? surface(a, b) : out.append(surface(from, b)).toString();
  }

  /** The full stop of a middle initial ("Brett M. Kavanaugh") between two name words. */
  private boolean middleInitialDot(int j) {
    return j > 1
        && j + 1 < v.n
        && v.raw[j].equals(".")
        && v.raw[j - 1].length() == 1
        && Character.isUpperCase(v.raw[j - 1].charAt(0))
        && isNameToken(j - 2)
        && isNameToken(j + 1)
        && v.sentOf[j + 1] == v.sentOf[j];
  }

  private boolean isNameToken(int i) {
    String r = v.raw[i];
    if (r.isEmpty() || !Character.isUpperCase(r.charAt(0)) || isModelCode(r)) {
      return false;
    }
    for (int k = 0; k < r.length(); k++) {
      if (Character.isLetter(r.charAt(k))) {
        return !r.endsWith(".") || r.length() <= 4;
      }
    }
    return false;
  }

  /**
   * A model or serial code: letters, a hyphen, then a digit ("F-15", "Tu-22M3", "S-400",
   * "Covid-19"). It names a weapon, an aircraft or a virus, never an actor, and stands as a
   * modifier ("Israeli F-15 warplanes" are Israel's).
   */
  private static boolean isModelCode(String raw) {
    int dash = raw.indexOf('-');
    if (dash < 1 || dash + 1 >= raw.length() || !Character.isDigit(raw.charAt(dash + 1))) {
      return false;
    }
    for (int k = 0; k < dash; k++) {
      if (!Character.isLetter(raw.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  private boolean isConnector(int i) {
    String l = v.low[i];
    int dash = l.indexOf('-');
    String head = dash > 0 ? l.substring(0, dash) : l;
    return CONNECTORS.contains(head);
  }

  private void nameRun(int from, int to, Set<String> lowerWords) {
    for (int k = from; k < to; k++) {
      if (lexicon.startsCue(v.low[k])
          || lexicon.is("HEDGE", v.low[k])
          || lexicon.is("REPORTING", v.low[k])) {
        if (k > from) {
          nameRun(from, k, lowerWords);
        }
        if (k + 1 < to) {
          nameRun(k + 1, to, lowerWords);
        }
        return;
      }
    }
    int lastTitle = -1;
    for (int k = from; k < to - 1; k++) {
      int len = titleLength(k, to - 1);
      if (len > 0) {
        lastTitle = k + len - 1;
        k += len - 1;
      }
    }
    int a = from;
    boolean titled = false;
    if (lastTitle >= from && lastTitle < to - 1) {
      a = lastTitle + 1;
      titled = true;
    }
    int sentStart = v.sentFrom[v.sentOf[from]];
    while (a < to) {
      String l = stripDot(v.low[a]);
      int title = titleLength(a, to);
      if (title > 0 && a + title < to) {
        titled = true;
        a += title;
        continue;
      }
      if (title > 0 && !titled && !afterTitle(from)) {
        // "Rep." before a name the gazetteer knows: a title alone names nobody ("Mr. Judge" does)
        return;
      }
      boolean initial = a == sentStart || (a > 0 && DocView.isQuoteMark(v.raw[a - 1]));
      if (STOP_CAPITALISED.contains(l)
          || (initial && lowerWords.contains(l))
          || lexicon.is("VAGUE", l)
          || lexicon.is("REPORTING", l)) {
        a++;
        continue;
      }
      break;
    }
    int b = to;
    while (b > a && (STOP_CAPITALISED.contains(stripDot(v.low[b - 1])) || isConnector(b - 1))) {
      b--;
    }
    if (a >= b) {
      return;
    }
    for (int k = a; k < b; k++) {
      if (STOP_CAPITALISED.contains(stripDot(v.low[k])) && !middleInitialDot(k + 1)) {
        nameRun(a, k, lowerWords);
        nameRun(k + 1, b, lowerWords);
        return;
      }
    }
    boolean generic = true;
    boolean orgWord = false;
    for (int k = a; k < b; k++) {
      String l = v.low[k];
      if (lexicon.is("ORG_WORD", l)) {
        orgWord = true;
      }
      if (!GENERIC_INSTITUTION.contains(l) && !lexicon.is("ANAPHOR", l)) {
        generic = false;
      }
    }
    if (generic) {
      return;
    }
    String name = withoutMiddleInitials(a, b);
    if (b - a == 1 && !titled) {
      boolean initial = a == sentStart || (a > 0 && DocView.isQuoteMark(v.raw[a - 1]));
      if (lowerWords.contains(v.low[a])
          || name.length() < 2
          || (initial && lexicon.is("ANAPHOR", v.low[a]))) {
        return;
      }
    }
    if (!titled && notAnActor(a, b)) {
      return;
    }
    boolean allCaps = name.equals(name.toUpperCase(Locale.ROOT));
    String type = titled ? "person" : orgWord || (allCaps && b - a == 1) ? "org" : "person";
    String country = null;
    int before = from - 1;
    if (before >= 0 && v.low[before].equals(".")) {
      before--;
    }
    Mention prefix = mentionAt(before);
    if (prefix != null
        && prefix.actor() != null
        && "state".equals(prefix.actor().type())
        && v.sentOf[before] == v.sentOf[from]) {
      country = prefix.actor().country();
    }
    if (!titled && titleCase(v.sentOf[a])) {
      return; // a headline in Title Case: its capitals name nobody
    }
    int sentEnd = v.sentTo[v.sentOf[a]];
    int group =
        titled || b < to || name.indexOf('-') >= 0
            ? 0
            : lexicon.context("GROUP_NOUN", v.low, b, sentEnd);
    if (group > 0 && free(b, b + group)) {
      // "Kurdish militia", "Houthi rebels", "Hamas gunmen": a group, not a person; one word is a
      // people or a creed, and the group is named with its noun
      String groupName = b - a == 1 ? name + " " + surface(b, b + group) : name;
      put(
          new Mention(
              a, b + group, Actor.unlisted(groupName, "org", country), "GROUP", "capitals-group"));
      return;
    }
    if (!titled && b - a == 1 && lexicon.is("CREED", v.low[a])) {
      return; // "Hindu pilgrims", "a Sunni": a faith, not a person ("Muslims" stay a group)
    }
    put(
        new Mention(
            a, b, Actor.unlisted(name, type, country), "UNLISTED", titled ? "title" : "capitals"));
  }

  /** Whether a title ends right before token {@code k} ("Mr. | Judge", the dot a token or not). */
  private boolean afterTitle(int k) {
    int t = k - 1;
    if (t > 0 && v.low[t].equals(".")) {
      t--;
    }
    return t >= 0 && isTitle(t);
  }

  /**
   * Tokens of the TITLE phrase at {@code k} ending by {@code to} ("Secretary of State", "Sen.").
   */
  private int titleLength(int k, int to) {
    int len = lexicon.context("TITLE", v.low, k, to);
    return len == 0 && isTitle(k) ? 1 : len;
  }

  boolean isTitle(int k) {
    return lexicon.is("TITLE", stripDot(v.low[k]));
  }

  /**
   * Whether the capitalised tokens {@code [a, b)} name no actor: a place that is not a state, a day
   * or month ({@code NOT_ACTOR} in context_words.tsv), a hyphenated modifier ending the run
   * ("US-led", "United Kingdom-based": {@code NOT_ACTOR_SUFFIX}), a party-and-state tag ("D-Mich",
   * "R-Texas"), a name before a place noun ("Deir Ezzor province": {@code PLACE_NOUN}), or a lone
   * demonym ("Russian" involvement: the parse may read its state). Such a run is never an unlisted
   * actor, so coreference passes over it.
   */
  boolean notAnActor(int a, int b) {
    StringBuilder low = new StringBuilder();
    for (int k = a; k < b; k++) {
      if (k > a) {
        low.append(' ');
      }
      low.append(v.low[k]);
    }
    String name = low.toString();
    if (lexicon.is("NOT_ACTOR", name) || lexicon.is("NOT_ACTOR", stripDot(name))) {
      return true;
    }
    return modifier(v.low[b - 1])
        || (b - a == 1 && (partyTag(v.raw[a]) || isDemonym(v.raw[a])))
        || (b - a > 1 && isDemonym(surface(a, b)))
        || placeNounAt(b)
        || placeAfterPreposition(a, b);
  }

  /**
   * "a strike in | Raqqa", "a camp near the | Golan Heights": a name the gazetteer does not know
   * after a preposition of place ({@code PLACE_BEFORE}) is a place, unless it owns something ("in
   * Smith's memo").
   */
  private boolean placeAfterPreposition(int a, int b) {
    int k = a - 1;
    if (k >= 0 && v.low[k].equals("the")) {
      k--;
    }
    return k >= 0 && lexicon.is("PLACE_BEFORE", v.low[k]) && !v.possessive[b - 1];
  }

  /** A surname and, for an Arabic article prefix ("al-Bashir"), the name without it ("bashir"). */
  private static List<String> surnameForms(String last) {
    for (String prefix : List.of("al-", "el-", "ul-")) {
      if (last.startsWith(prefix) && last.length() > prefix.length() + 2) {
        return List.of(last, last.substring(prefix.length()));
      }
    }
    return List.of(last);
  }

  /** "Deir Ezzor | province": a lower-case place noun right after a name makes it a place. */
  private boolean placeNounAt(int k) {
    return k < v.n && !v.isCapitalised(k) && lexicon.context("PLACE_NOUN", v.low, k, v.n) > 0;
  }

  /**
   * Whether the words are a demonym of the gazetteer ("Russian", "North Korean"): it names its
   * state only before a noun.
   */
  private boolean isDemonym(String words) {
    Gazetteer.Entry e = gazetteer.lookup(words, date);
    return e != null && e.actor() != null && e.form() == Gazetteer.Form.DEMONYM;
  }

  /**
   * "us-led", "iran-backed": a word ending in a hyphenated NOT_ACTOR_SUFFIX modifies, not names.
   */
  boolean modifier(String low) {
    int hyphen = low.lastIndexOf('-');
    return hyphen > 0 && lexicon.is("NOT_ACTOR_SUFFIX", low.substring(hyphen));
  }

  /** "D-Mich", "R-Texas", "D-N.Y.", "I-Vt": a party letter, a hyphen, a state abbreviation. */
  private static boolean partyTag(String raw) {
    if (raw.length() < 4 || raw.length() > 8 || raw.charAt(1) != '-') {
      return false;
    }
    char party = raw.charAt(0);
    return (party == 'D' || party == 'R' || party == 'I') && Character.isUpperCase(raw.charAt(2));
  }

  /** "WASHINGTON (Reuters) -": a byline in brackets is no antecedent. */
  private boolean parenthesised(Mention m) {
    return m.from() > 0
        && m.to() < v.n
        && v.raw[m.from() - 1].equals("(")
        && v.raw[m.to()].equals(")");
  }

  private static final Set<String> MEDIA_NOUNS =
      Set.of("network", "newspaper", "channel", "tabloid", "broadcaster", "outlet", "magazine");

  private final Map<Integer, Boolean> titleCaseSentences = new HashMap<>();

  /**
   * Whether sentence {@code s} is written in Title Case (a headline): at least 5 words of four or
   * more letters, and 80% of them capitalised.
   */
  private boolean titleCase(int s) {
    return titleCaseSentences.computeIfAbsent(
        s,
        k -> {
          int words = 0;
          int capitalised = 0;
          for (int i = v.sentFrom[k]; i < v.sentTo[k]; i++) {
            if (v.raw[i].length() >= 4 && Character.isLetter(v.raw[i].charAt(0))) {
              words++;
              if (Character.isUpperCase(v.raw[i].charAt(0))) {
                capitalised++;
              }
            }
          }
          return words >= 5 && capitalised * 5 >= words * 4;
        });
  }

  private static String stripDot(String s) {
    return s.endsWith(".") && s.length() > 1 ? s.substring(0, s.length() - 1) : s;
  }

  /** Text of tokens [from, to) with a final possessive removed and spaces normalised. */
  String surface(int from, int to) {
    String s = v.text.substring(v.tb[from], v.te[to - 1]).replace('\u2019', '\'');
    if (s.endsWith("'s")) {
      s = s.substring(0, s.length() - 2);
    } else if (s.endsWith("'") && s.length() > 2) {
      s = s.substring(0, s.length() - 1);
    }
    return s.replaceAll("\\s+", " ").trim();
  }

  private boolean sentenceInitial(int i) {
    int k = i - 1;
    while (k >= 0 && DocView.isQuoteMark(v.raw[k]) && v.sentOf[k] == v.sentOf[i]) {
      k--;
    }
    return k < 0 || v.sentOf[k] != v.sentOf[i];
  }

  /** Words that, after "the", may stand for a state named with them: "the North", "the South". */
  private static final Set<String> COMPASS = Set.of("north", "south");

  /**
   * "the South blamed the North": the one state of the article's actors (or of their countries)
   * whose name starts with {@code word} ("South Korea"), or null when none or several do.
   */
  private Actor compassState(String word) {
    Actor found = null;
    for (Mention m : mentions()) {
      Actor a = m.actor();
      Actor state = a == null ? null : gazetteer.state(a.country());
      if (state != null && state.name().startsWith(word + " ")) {
        if (found != null && !found.name().equals(state.name())) {
          return null;
        }
        found = state;
      }
    }
    return found;
  }

  /** Pass 5: a lone surname names the person met in full elsewhere in the article. */
  private void surnames() {
    Map<String, Actor> bySurname = new HashMap<>();
    Map<String, Actor> byFirst = new HashMap<>();
    Map<String, Actor> byOrgWord = new HashMap<>();
    Set<String> ambiguous = new HashSet<>();
    for (Mention m : mentions()) {
      Actor a = m.actor();
      if (a == null || !"person".equals(a.type())) {
        continue;
      }
      String[] parts = a.name().split(" ");
      if (parts.length < 2) {
        continue;
      }
      String last = parts[parts.length - 1].toLowerCase(Locale.ROOT);
      for (String surname : surnameForms(last)) {
        Actor prev = bySurname.putIfAbsent(surname, a);
        if (prev != null && !prev.name().equals(a.name())) {
          ambiguous.add(surname);
        }
      }
      String first = parts[0].toLowerCase(Locale.ROOT);
      Actor prevFirst = byFirst.putIfAbsent(first, a);
      if (prevFirst != null && !prevFirst.name().equals(a.name())) {
        ambiguous.add(first);
      }
    }
    for (Mention m : mentions()) {
      Actor a = m.actor();
      if (a == null || !("org".equals(a.type()) || "group".equals(a.type()))) {
        continue;
      }
      String[] parts = a.name().split(" ");
      String last = parts[parts.length - 1].toLowerCase(Locale.ROOT);
      if (parts.length >= 2 && !lexicon.is("ORG_WORD", last)) {
        Actor prev = byOrgWord.putIfAbsent(last, a);
        if (prev != null && !prev.name().equals(a.name())) {
          ambiguous.add(last);
        }
      }
    }
    for (String k : bySurname.keySet()) {
      if (byFirst.containsKey(k)) {
        ambiguous.add(k);
      }
    }
    byFirst.forEach(bySurname::putIfAbsent);
    byOrgWord.forEach(bySurname::putIfAbsent);
    Map<String, Actor> byHeadWord = orgHeadWords();
    for (Mention m : mentions()) {
      if (!"UNLISTED".equals(m.kind()) || m.to() - m.from() != 1) {
        continue;
      }
      String l = v.low[m.from()];
      Actor full = bySurname.get(l);
      if (full == null
          && COMPASS.contains(l)
          && m.from() > 0
          && v.low[m.from() - 1].equals("the")) {
        full = compassState(v.raw[m.from()]);
      }
      if (full == null && m.from() > 0 && v.low[m.from() - 1].equals("the")) {
        full = byHeadWord.get(l);
        if (full == null && l.endsWith("s") && !v.possessive[m.from()]) {
          full = byHeadWord.get(l.substring(0, l.length() - 1));
          if (full != null) {
            v.possessive[m.from()] = true;
          }
        }
      }
      if (full != null && !ambiguous.contains(l)) {
        put(new Mention(m.from(), m.to(), full, "NAME", "surname"));
      } else if ("capitals".equals(m.via()) && sentenceInitial(m.from())) {
        clear(m);
      }
    }
    for (int i = 1; i < v.n; i++) {
      String l = v.low[i];
      if (at[i] == null
          && !incidentToken[i]
          && v.low[i - 1].equals("the")
          && byHeadWord.containsKey(l)
          && !lexicon.is("STATE_NOUN", l)
          && !lexicon.is("GROUP_NOUN", l)) {
        put(new Mention(i, i + 1, byHeadWord.get(l), "ANAPHOR", "org-head"));
      }
    }
  }

  /**
   * "the Observatory" for the one organisation of the article whose multi-word name has that
   * organisation word ("Syrian Observatory for Human Rights"); ambiguous words are left out.
   */
  private Map<String, Actor> orgHeadWords() {
    Map<String, Actor> out = new HashMap<>();
    Set<String> ambiguous = new HashSet<>();
    for (Mention m : mentions()) {
      Actor a = m.actor();
      if (a == null || !("org".equals(a.type()) || "group".equals(a.type()))) {
        continue;
      }
      String[] parts = a.name().toLowerCase(Locale.ROOT).split(" ");
      if (parts.length < 2) {
        continue;
      }
      for (String w : parts) {
        if (lexicon.is("ORG_WORD", w)) {
          Actor prev = out.putIfAbsent(w, a);
          if (prev != null && !prev.name().equals(a.name())) {
            ambiguous.add(w);
          }
        }
      }
    }
    out.keySet().removeAll(ambiguous);
    return out;
  }

  /** Pass 6: anaphors ("the ministry", "a spokesperson for X") and he/she/they/it. */
  private void anaphorsAndPronouns() {
    Map<String, Actor> chain = new HashMap<>();
    String dominant = dominantCountry();
    for (int i = 0; i < v.n; i++) {
      if (at[i] != null) {
        continue;
      }
      int sentEnd = v.sentTo[v.sentOf[i]];
      int len = lexicon.context("ANAPHOR", v.low, i, sentEnd);
      if (len > 0 && v.low[i].length() > 1) {
        int end = i + len;
        while (end < sentEnd
            && at[end] == null
            && lexicon.context("ANAPHOR", v.low, end, sentEnd) > 0) {
          end += lexicon.context("ANAPHOR", v.low, end, sentEnd);
        }
        String head = headClass(v.low[end - 1]);
        String phrase =
            len > 1
                ? lexicon.value("ANAPHOR", String.join(" ", Arrays.copyOfRange(v.low, i, i + len)))
                : null;
        // a phrase of its own ("chief minister": a person) before its last word ("minister")
        String compat =
            phrase != null && end == i + len ? phrase : lexicon.value("ANAPHOR", v.low[end - 1]);
        if (MEDIA_NOUNS.contains(v.low[end - 1])) {
          compat = "media"; // "the cable news network": a news outlet, not any organisation
        }
        if (compat == null) {
          compat = phrase;
        }
        if (compat == null) {
          compat = lexicon.value("ANAPHOR", v.low[i]);
        }
        Mention attached = attachedOf(end, sentEnd);
        Mention m;
        if ("role".equals(compat)) {
          // "a monitor said", "the watchdog found": the one actor of the article, named before or
          // after, whose gazetteer role is that noun ("war monitor")
          Actor holder = determinedNoun(i) ? roleHolder(head) : null;
          m =
              holder == null
                  ? new Mention(i, end, null, "VAGUE", "unresolved")
                  : new Mention(i, end, holder, "ANAPHOR", "coref-role");
        } else if (attached != null) {
          Actor owner = attached.actor();
          if ("state".equals(compat)
              && "person".equals(owner.type())
              && gazetteer.state(owner.country()) != null) {
            owner = gazetteer.state(owner.country());
          }
          m = new Mention(i, end, owner, "ANAPHOR", "of-attach");
        } else if (titleOfName(i, end) || personTitleOfName(compat, end)) {
          i = end - 1; // "accused Governor Ann Lee": the title of the name after it, no anaphor
          continue;
        } else {
          Mention left = mentionJustBefore(i);
          Actor leftActor = left == null || left.vague() ? null : left.actor();
          if (leftActor != null && "state".equals(compat) && "person".equals(leftActor.type())) {
            leftActor = gazetteer.state(leftActor.country());
          }
          if (leftActor != null && governmentWord(i, end) && !"state".equals(leftActor.type())) {
            leftActor = gazetteer.state(leftActor.country());
          }
          Actor president =
              leftActor == null && end - i == 1 && v.low[i].equals("president")
                  ? lastHeadOfState(i)
                  : null;
          if (leftActor != null) {
            m = new Mention(i, end, leftActor, "ANAPHOR", "modifier");
          } else if (president != null) {
            m = new Mention(i, end, president, "ANAPHOR", "coref-president");
          } else if (left != null && left.actor() != null) {
            m = new Mention(i, end, null, "VAGUE", "unresolved");
          } else if (NO_NEAREST.contains(v.low[end - 1]) && !governmentWord(i, end)) {
            m = new Mention(i, end, null, "VAGUE", "unresolved");
          } else if (chain.containsKey(head)
              && (!governmentWord(i, end) || "state".equals(chain.get(head).type()))) {
            m = new Mention(i, end, chain.get(head), "ANAPHOR", "coref-chain");
          } else {
            Actor near = nearest(i, governmentWord(i, end) ? "state" : compat, COREF_SENTENCES);
            String via = "coref-nearest";
            if (near == null && governmentWord(i, end)) {
              near = gazetteer.state(dominant);
              via = "coref-dominant";
            }
            m =
                new Mention(
                    i,
                    end,
                    near,
                    near == null ? "VAGUE" : "ANAPHOR",
                    near == null ? "unresolved" : via);
          }
        }
        put(m);
        if (m.actor() != null) {
          chain.put(head, m.actor());
        }
        i = end - 1;
        continue;
      }
      String l = v.low[i];
      if (v.inSpeech(i) && FIRST_PERSON.contains(l)) {
        continue;
      }
      if (HE_SHE.contains(l)) {
        Actor near = salientPerson(i);
        if (near != null) {
          put(new Mention(i, i + 1, near, "PRONOUN", "coref-pronoun"));
        }
      } else if (THEY_IT.contains(l)) {
        if (l.equals("it") && i + 1 < v.n && isBeOrModal(v.low[i + 1])) {
          continue;
        }
        if (l.startsWith("the") && coordinatedPeopleBefore(i)) {
          continue; // "Omar and Tlaib, whom Israel barred, ... denounce their treatment"
        }
        Actor near = nearest(i, "nonperson", 1);
        if (near != null) {
          put(new Mention(i, i + 1, near, "PRONOUN", "coref-pronoun"));
        }
      }
    }
  }

  /** Whether two people joined by "and" ("X and Rep. Y") are named earlier in i's sentence. */
  private boolean coordinatedPeopleBefore(int i) {
    int from = v.sentFrom[v.sentOf[i]];
    Mention previous = null;
    for (int j = from; j < i; j++) {
      Mention m = at[j];
      if (m == null || m.from() != j) {
        continue;
      }
      if (isPerson(m) && previous != null && isPerson(previous)) {
        int k = previous.to();
        while (k < j && (isTitle(k) || v.low[k].equals("and"))) {
          k++;
        }
        if (k == j && v.low[previous.to()].equals("and")) {
          return true;
        }
      }
      previous = m;
      j = m.to() - 1;
    }
    return false;
  }

  private static boolean isPerson(Mention m) {
    return m.actor() != null && "person".equals(m.actor().type());
  }

  /**
   * "the president": the last head of state named before {@code i} (a person, not the state), if
   * "president" is preceded by "the" and not by "vice" or a demonym.
   */
  private Actor lastHeadOfState(int i) {
    if (i == 0 || !v.low[i - 1].equals("the")) {
      return null;
    }
    return lastLeader(i, null, true, false);
  }

  /**
   * The last person named before {@code i} whose gazetteer role is head of state ({@code head}) or
   * of government ({@code government}), valid on the article's date, of {@code country} (any when
   * null); else null.
   */
  private Actor lastLeader(int i, String country, boolean head, boolean government) {
    for (int j = i - 1; j >= 0; j--) {
      Mention m = at[j];
      if (m == null) {
        continue;
      }
      Actor a = m.actor();
      if (a != null
          && "person".equals(a.type())
          && (country == null || country.equals(a.country()))
          && a.role() != null
          && (head && a.role().equals("head of state")
              || government && a.role().equals("head of government"))
          && a.validOn(date)) {
        return a;
      }
      j = m.from();
    }
    return null;
  }

  private boolean governmentWord(int from, int to) {
    for (int k = from; k < to; k++) {
      String l = v.low[k];
      if (l.equals("government") || l.equals("regime") || l.equals("federal")) {
        return true;
      }
    }
    return from > 0
        && (v.low[from - 1].equals("federal")
            || v.low[from - 1].equals("government")
            || v.low[from - 1].equals("regime"));
  }

  private static boolean isBeOrModal(String l) {
    return l.equals("is")
        || l.equals("was")
        || l.equals("'s")
        || l.equals("would")
        || l.equals("will")
        || l.equals("could")
        || l.equals("may")
        || l.equals("might")
        || l.equals("seems")
        || l.equals("appears")
        || l.equals("has")
        || l.equals("had");
  }

  private static String headClass(String l) {
    if (l.startsWith("spokes")) {
      return "spokesperson";
    }
    if (l.equals("officials") || l.equals("official")) {
      return "official";
    }
    return l;
  }

  /** "X of|for [the] Mention": the mention right after. */
  private Mention attachedOf(int end, int sentEnd) {
    int j = end + 1;
    if (end + 1 < sentEnd && v.low[end].equals("loyal") && v.low[end + 1].equals("to")) {
      j = end + 2;
    } else if (end >= sentEnd || !(v.low[end].equals("of") || v.low[end].equals("for"))) {
      return null;
    }
    if (j < sentEnd && v.low[j].equals("the")) {
      j++;
    }
    Mention m = mentionAt(j);
    return m != null
            && m.from() == j
            && m.actor() != null
            && !m.vague()
            && !"PRONOUN".equals(m.kind())
        ? m
        : null;
  }

  /** A named mention ending within three word tokens before {@code i} in the same phrase. */
  private Mention mentionJustBefore(int i) {
    int sentStart = v.sentFrom[v.sentOf[i]];
    for (int j = i - 1; j >= Math.max(sentStart, i - 3); j--) {
      if (at[j] != null) {
        Mention m = at[j];
        return "PRONOUN".equals(m.kind()) ? null : m;
      }
      if (v.isPunct(j) && !v.low[j].equals("'s") && !v.low[j].equals("'")) {
        return null;
      }
      if (DETERMINERS.contains(v.low[j])
          || lexicon.is("REPORTING", v.low[j])
          || v.low[j].equals("and")) {
        return null;
      }
    }
    return null;
  }

  /**
   * "the senator Ann Lee", "movie mogul Harvey Weinstein": a person's description right before a
   * name that no gazetteer entry makes a state or an organisation is that name's title.
   */
  private boolean personTitleOfName(String compat, int end) {
    if (!"person".equals(compat) || end >= v.n || at[end] == null || at[end].from() != end) {
      return false;
    }
    Actor named = at[end].actor();
    return named != null
        && !"state".equals(named.type())
        && !"org".equals(named.type())
        && ("NAME".equals(at[end].kind()) || "UNLISTED".equals(at[end].kind()));
  }

  /**
   * Whether the capitalised noun {@code [i, end)} is the title of the person named right after it
   * ("accused Governor Ann Lee"), not an anaphor: unless a name just before it makes it that name's
   * office ("Russian President Vladimir Putin").
   */
  private boolean titleOfName(int i, int end) {
    if (end >= v.n || at[end] == null || !Character.isUpperCase(v.raw[i].charAt(0))) {
      return false;
    }
    Actor named = at[end].actor();
    if (named == null || !"person".equals(named.type())) {
      return false;
    }
    int j = i - 1;
    if (j >= 0 && (v.low[j].equals("'s") || v.low[j].equals("'"))) {
      j--;
    }
    return j < 0 || at[j] == null;
  }

  /** Whether a determiner opens the noun phrase of the noun at {@code i} ("a war monitor"). */
  private boolean determinedNoun(int i) {
    for (int k = i - 1; k >= Math.max(0, i - 3); k--) {
      if (DETERMINERS.contains(v.low[k])) {
        return true;
      }
      if (!Character.isLetter(v.raw[k].charAt(0))) {
        return false;
      }
    }
    return false;
  }

  /**
   * The one actor named anywhere in the article whose gazetteer role ends with {@code noun} ("war
   * monitor" for "monitor"); null when none or several.
   */
  private Actor roleHolder(String noun) {
    Actor found = null;
    for (Mention m : mentions()) {
      if (m.actor() == null || m.vague()) {
        continue;
      }
      String role = m.actor().role();
      if (role != null && (role.equals(noun) || role.endsWith(" " + noun))) {
        if (found != null && !found.name().equals(m.actor().name())) {
          return null;
        }
        found = m.actor();
      }
    }
    return found;
  }

  /**
   * The resolved actor before token i of a compatible type within some sentences: for organisations
   * the most often mentioned one so far (ties: the nearest), else the nearest (for a person in
   * object position of a cue verb, not the verb's subject; right before a denial verb, also an
   * actor in a prepositional phrase).
   */
  Actor nearest(int i, String compat, int sentences) {
    if ("org".equals(compat) || "any".equals(compat) || "media".equals(compat)) {
      Map<String, Integer> counts = new HashMap<>();
      for (int j = 0; j < i; j++) {
        Mention m = at[j];
        if (m != null
            && m.from() == j
            && m.actor() != null
            && !m.vague()
            && compatible(m.actor(), compat)
            && !"PRONOUN".equals(m.kind())) {
          counts.merge(m.actor().name(), 1, Integer::sum);
        }
      }
      Actor best = null;
      int bestCount = 0;
      int minSent = v.sentOf[i] - sentences;
      for (int j = i - 1; j >= 0 && v.sentOf[j] >= minSent; j--) {
        Mention m = at[j];
        if (m == null
            || m.actor() == null
            || m.vague()
            || !compatible(m.actor(), compat)
            || parenthesised(m)
            || "PRONOUN".equals(m.kind())) {
          j = m == null ? j : m.from();
          continue;
        }
        int count = counts.getOrDefault(m.actor().name(), 0);
        if (count > bestCount) {
          best = m.actor();
          bestCount = count;
        }
        j = m.from();
      }
      return best;
    }
    int minSent = v.sentOf[i] - sentences;
    int subjectEnd = "person".equals(compat) ? cueVerbBefore(i) : -1;
    // "pointed the finger at X for the attack, though it denied": right before a denial verb, a
    // pronoun or description may name the accused, however often named in a phrase
    boolean denier = i + 1 < v.n && lexicon.startsDenial(v.low[i + 1]);
    Actor subject = null;
    for (int j = i - 1; j >= 0 && v.sentOf[j] >= minSent; j--) {
      Mention m = at[j];
      if (m == null || m.actor() == null || m.vague()) {
        continue;
      }
      if (m.to() == subjectEnd) {
        subject = m.actor(); // "Trump accused the senator": not Trump
      }
      if (m.actor().equals(subject)) {
        j = m.from();
        continue;
      }
      if (compatible(m.actor(), compat)
          && (subjectEnd >= 0 || denier || !objectOfPreposition(m))
          && !parenthesised(m)) {
        return m.actor();
      }
      if ("state".equals(compat) && "demonym-leader".equals(m.via())) {
        return gazetteer.state(m.actor().country()); // "the Syrian leader ... the regime"
      }
      j = m.from();
    }
    return null;
  }

  /**
   * The cue verb whose object the description at {@code i} is ("accused the senator"), or -1: its
   * subject is someone else, so a name ending right before it is no antecedent.
   */
  private int cueVerbBefore(int i) {
    int k = i - 1;
    if (k >= 0 && DETERMINERS.contains(v.low[k])) {
      k--;
    }
    return k >= 0 && k < i - 1 && lexicon.startsCue(v.low[k]) ? k : -1;
  }

  /**
   * He/she: the nearest person before it in its own sentence; else, sentence by sentence back, the
   * first person named in that sentence (its subject more often than not), the order of Hobbs's
   * search.
   */
  private Actor salientPerson(int i) {
    int s = v.sentOf[i];
    for (int j = i - 1; j >= v.sentFrom[s]; j--) {
      Mention m = at[j];
      if (m == null || m.actor() == null || m.vague()) {
        continue;
      }
      if (personAntecedent(m)) {
        return m.actor();
      }
      j = m.from();
    }
    for (int t = s - 1; t >= Math.max(0, s - PRONOUN_SENTENCES); t--) {
      for (int j = v.sentFrom[t]; j < v.sentTo[t]; j++) {
        Mention m = at[j];
        if (m == null || m.from() != j || m.actor() == null || m.vague()) {
          continue;
        }
        Mention next = m.to() < v.n ? at[m.to()] : null;
        boolean titleOfNext = next != null && next.actor() != null && personAntecedent(next);
        if (personAntecedent(m) && !titleOfNext) {
          return m.actor();
        }
        j = m.to() - 1;
      }
    }
    return null;
  }

  private boolean personAntecedent(Mention m) {
    return compatible(m.actor(), "person") && !objectOfPreposition(m) && !parenthesised(m);
  }

  boolean objectOfPreposition(Mention m) {
    return objectOfPreposition(m, false);
  }

  /** With {@code skipTitles}, "of Mr Barr" counts too (the title is outside the mention). */
  boolean objectOfPreposition(Mention m, boolean skipTitles) {
    return prepositionBefore(m, skipTitles) >= 0;
  }

  /**
   * The token of the preposition whose object {@code m} is (determiners, and with {@code
   * skipTitles} a title, between), in m's sentence; else -1.
   */
  int prepositionBefore(Mention m, boolean skipTitles) {
    int p = m.from() - 1;
    if (skipTitles && p >= 0 && isTitle(p)) {
      p--;
    }
    while (p >= 0 && p >= m.from() - 3 && DETERMINERS.contains(v.low[p])) {
      p--;
    }
    return p >= 0
            && ClauseReader.PREPOSITIONS.contains(v.low[p])
            && v.sentOf[p] == v.sentOf[m.from()]
        ? p
        : -1;
  }

  private static boolean compatible(Actor a, String compat) {
    String type = a.type();
    if (compat == null || compat.isEmpty() || compat.equals("any")) {
      return true;
    }
    if (compat.equals("nonperson")) {
      return !"person".equals(type);
    }
    if (compat.equals("org")) {
      return "org".equals(type) || "group".equals(type);
    }
    if (compat.equals("media")) {
      return a.role() != null && (a.role().startsWith("news") || a.role().startsWith("media"));
    }
    return compat.equals(type);
  }

  /** Pass 7: vague accusers ("critics", "Western countries"). */
  private void vague() {
    for (int i = 0; i < v.n; i++) {
      if (at[i] != null) {
        continue;
      }
      int len = lexicon.context("VAGUE", v.low, i, v.sentTo[v.sentOf[i]]);
      if (len > 0 && free(i, i + len)) {
        put(new Mention(i, i + len, null, "VAGUE", "vague"));
        i += len - 1;
      }
    }
  }

  /**
   * Pass 6b: vague or institutional nouns followed by "at|of|from|for|with" and a named actor
   * ("activists at the X Council", "officials from X") speak for that actor.
   */
  private void attachVague() {
    for (int i = 0; i < v.n; i++) {
      Mention m = at[i];
      if (m == null || m.from() != i || !"VAGUE".equals(m.kind())) {
        continue;
      }
      int p = m.to();
      int sentEnd = v.sentTo[v.sentOf[i]];
      if (ADVERSARIES.contains(v.low[m.to() - 1])) {
        continue;
      }
      if (p + 1 < sentEnd && Set.of("at", "of", "from", "for", "with", "in").contains(v.low[p])) {
        int k = p + 1;
        while (k < sentEnd && DETERMINERS.contains(v.low[k])) {
          k++;
        }
        Mention x = mentionAt(k);
        if (x != null
            && x.from() == k
            && x.actor() != null
            && !x.vague()
            && !"PRONOUN".equals(x.kind())
            && (!v.low[p].equals("in") || "state".equals(x.actor().type()))) {
          put(new Mention(m.from(), m.to(), x.actor(), "ANAPHOR", "of-attach"));
        }
      }
    }
  }

  /**
   * Pass 5a: a group named by the side it takes. "pro-X forces" (X a state, its leader, or "the
   * government"/"regime" of the article's dominant state) are that state's forces; "anti-X
   * militants" are the armed opposition of X's state ("Syrian rebels"), "anti-X protesters" that
   * state's protesters. A demonym as X ("pro-Russian separatists") is left alone.
   */
  private void sidedGroups() {
    String dominant = dominantCountry();
    for (int i = 0; i + 1 < v.n; i++) {
      String l = v.low[i];
      boolean pro = l.startsWith("pro-");
      if (!pro && !l.startsWith("anti-")) {
        continue;
      }
      int next = i + 1;
      if (v.sentOf[next] != v.sentOf[i] || !free(next, next + 1)) {
        continue;
      }
      Mention old = at[i];
      if (old != null
          && (old.to() != i + 1
              || old.from() != i
              || old.actor() == null
              || !"UNLISTED".equals(old.kind()))) {
        continue;
      }
      String noun = v.low[next];
      boolean armed = ARMED_GROUPS.contains(noun);
      if (!armed && lexicon.context("GROUP_NOUN", v.low, next, v.sentTo[v.sentOf[i]]) != 1) {
        continue;
      }
      String side = v.raw[i].substring(pro ? 4 : 5);
      String country = sideCountry(side, dominant);
      if (country == null) {
        continue;
      }
      Actor state = gazetteer.state(country);
      if (pro && armed && state != null) {
        if (old != null) {
          clear(old);
        }
        put(new Mention(i, next + 1, state, "STATE", "pro-side"));
      } else if (!pro && gazetteer.demonym(country) != null) {
        if (old != null) {
          clear(old);
        }
        String name = gazetteer.demonym(country) + " " + (armed ? "rebels" : noun);
        put(new Mention(i, next + 1, Actor.unlisted(name, "org", country), "GROUP", "anti-side"));
      }
      i = next;
    }
  }

  /**
   * Pass 5a': "the US-led coalition", "Saudi-led forces": a coalition named by the state that leads
   * it is a group of that state's country (the name as written).
   */
  private void ledCoalitions() {
    for (int i = 0; i + 1 < v.n; i++) {
      String l = v.low[i];
      if (!l.endsWith("-led")
          || l.length() < 6
          || v.sentOf[i + 1] != v.sentOf[i]
          || !LED_GROUPS.contains(v.low[i + 1])) {
        continue;
      }
      Mention old = at[i] != null ? at[i] : at[i + 1];
      if (old != null && (old.from() < i || old.to() > i + 2 || "NAME".equals(old.kind()))) {
        continue;
      }
      String side = v.raw[i].substring(0, v.raw[i].length() - 4);
      Gazetteer.Entry e = gazetteer.lookup(side, date);
      Actor a = e == null ? null : e.actor();
      if (a == null || a.country() == null || !"state".equals(a.type())) {
        continue;
      }
      for (int k = i; k < i + 2; k++) {
        if (at[k] != null) {
          clear(at[k]);
        }
      }
      String name = v.raw[i] + " " + v.low[i + 1];
      put(new Mention(i, i + 2, Actor.unlisted(name, "org", a.country()), "GROUP", "led-group"));
      i++;
    }
  }

  private static final Set<String> LED_GROUPS =
      Set.of("coalition", "forces", "alliance", "troops", "military", "campaign", "operation");

  /** The country of the side in "pro-X"/"anti-X", or null (demonyms and unknown names too). */
  private String sideCountry(String side, String dominant) {
    String low = side.toLowerCase(Locale.ROOT);
    if (low.equals("government") || low.equals("regime")) {
      return dominant;
    }
    if (side.isEmpty() || !Character.isUpperCase(side.charAt(0))) {
      return null;
    }
    Gazetteer.Entry e = gazetteer.lookup(side, date);
    if (e == null || e.actor() == null || e.form() == Gazetteer.Form.DEMONYM) {
      return null;
    }
    Actor a = e.actor();
    return "state".equals(a.type()) || "person".equals(a.type()) ? a.country() : null;
  }

  /**
   * Pass 5b: a bare group noun ("the opposition", "accused rebels") is the group of the same noun
   * named with a demonym earlier, or for the armed opposition of a synonym named so ("the Syrian
   * opposition" ... "rebels"), else that of the article's dominant state ("Syrian rebels").
   */
  private void bareGroups() {
    Map<String, Actor> named = new HashMap<>();
    String dominant = dominantCountry();
    for (int i = 0; i < v.n; i++) {
      Mention m = at[i];
      if (m != null) {
        if ("GROUP".equals(m.kind())) {
          named.put(v.low[m.to() - 1], m.actor());
        }
        i = m.to() - 1;
        continue;
      }
      String noun = v.low[i];
      if (ADJECTIVAL_GROUPS.containsKey(noun)
          && i + 1 < v.sentTo[v.sentOf[i]]
          && !v.isPunct(i + 1)
          && !v.isCapitalised(i + 1)) {
        noun = ADJECTIVAL_GROUPS.get(noun);
      } else if (lexicon.context("GROUP_NOUN", v.low, i, v.sentTo[v.sentOf[i]]) != 1) {
        continue;
      }
      if (i > 0
          && !v.isPunct(i - 1)
          && !DETERMINERS.contains(v.low[i - 1])
          && !v.low[i - 1].equals("and")
          && !ClauseReader.PREPOSITIONS.contains(v.low[i - 1])
          && !lexicon.startsCue(v.low[i - 1]) // "accused rebels of", "blamed militants"
          && !accusationNounAfter(i) // "following opposition claims that"
          && v.sentFrom[v.sentOf[i]] != i) {
        continue;
      }
      Actor group = servedState(noun, i);
      if (group == null) {
        group = named.get(noun);
      }
      if (group == null && OPPOSITION.contains(noun)) {
        // "the Syrian opposition ... accused rebels": the armed opposition named before
        for (String other : OPPOSITION) {
          Actor side = named.get(other);
          String demonym = side == null ? null : gazetteer.demonym(side.country());
          if (demonym != null) {
            group = Actor.unlisted(demonym + " " + noun, "org", side.country());
            break;
          }
        }
      }
      if (group == null && dominant != null && gazetteer.demonym(dominant) != null) {
        group = Actor.unlisted(gazetteer.demonym(dominant) + " " + noun, "org", dominant);
      }
      if (group == null
          && i > 0
          && lexicon.startsCue(v.low[i - 1])
          && !ClauseReader.PREPOSITIONS.contains(v.low[i - 1])) {
        // "Assad's regime and Russia have accused rebels of": no state of the article is dominant,
        // so the group is named as written
        group = Actor.unlisted(noun, "org", null);
      }
      if (group != null) {
        put(new Mention(i, i + 1, group, "GROUP", "group-country"));
      }
    }
  }

  /**
   * "hackers working for Russian intelligence", "militias linked to Iran": the group of the state
   * it serves, named with that state's demonym ("Russian hackers"), or null.
   */
  private Actor servedState(String noun, int i) {
    int end = v.sentTo[v.sentOf[i]];
    if (i + 2 >= end || !SERVES.contains(v.low[i + 1] + " " + v.low[i + 2])) {
      return null;
    }
    int k = i + 3 < end && v.low[i + 3].equals("the") ? i + 4 : i + 3;
    Mention m = k < end ? at[k] : null; // the text may end inside the phrase
    Actor state = m == null || m.actor() == null ? null : gazetteer.state(m.actor().country());
    String demonym = state == null ? null : gazetteer.demonym(state.country());
    return demonym == null ? null : Actor.unlisted(demonym + " " + noun, "org", state.country());
  }

  /** What joins a group to the state it serves: "hackers | working for | Russian intelligence". */
  static final Set<String> SERVES =
      Set.of("working for", "linked to", "tied to", "affiliated with", "loyal to", "acting for");

  /** Whether an accusation noun follows token {@code i} in its sentence ("rebel claims"). */
  private boolean accusationNounAfter(int i) {
    return i + 1 < v.sentTo[v.sentOf[i]] && lexicon.is("ACCUSATION_NOUN", v.low[i + 1]);
  }

  /** The country of at least half (and at least two) of the state mentions, or null. */
  String dominantCountry() {
    Map<String, Integer> counts = new HashMap<>();
    int total = 0;
    for (Mention m : mentions()) {
      if (m.actor() != null && "state".equals(m.actor().type()) && m.actor().country() != null) {
        counts.merge(m.actor().country(), 1, Integer::sum);
        total++;
      }
    }
    String best = null;
    int bestCount = 0;
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      if (e.getValue() > bestCount
          || e.getValue() == bestCount && best != null && e.getKey().compareTo(best) < 0) {
        best = e.getKey();
        bestCount = e.getValue();
      }
    }
    return bestCount >= 2 && bestCount * 2 >= total ? best : null;
  }

  /** Pass 9: "we", "us", "our", "I" inside speech name the quotation's speaker. */
  private void firstPersonInSpeech() {
    for (int i = 0; i < v.n; i++) {
      if (at[i] != null || !v.inSpeech(i) || !FIRST_PERSON.contains(v.low[i])) {
        continue;
      }
      Mention speaker = v.quotes.get(v.quoteOf[i]).speaker;
      if (speaker != null && speaker.actor() != null) {
        put(new Mention(i, i + 1, speaker.actor(), "PRONOUN", "quote-speaker"));
      }
    }
  }

  boolean isFirstPerson(int i) {
    return i >= 0 && i < v.n && FIRST_PERSON.contains(v.low[i]);
  }
}
