package io.riposte.extract;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Finds who accuses whom of what, and who denies it, in one document, with rules over tokens and
 * actor mentions (no parser, no POS tags).
 *
 * <p>Ordered passes, each recorded in {@link Claim#resolvedBy()}: actor mentions and coreference
 * ({@link MentionFinder}), quotation speakers ({@link QuoteAttribution}), then per cue the frame
 * rules of the lexicon ("svo-active", "passive-by", "quote-speaker", "reported-speech", ...), and
 * last the links from denials to the accusations they answer ("denial-link", and
 * "implied-by-denial" for an accuser named only in the denial).
 *
 * <p>Built with {@link #parsed}, a parser pass runs after the rules, on the candidate sentences
 * they left without a claim: ClearNLP parses them and {@link FrameReader} reads the frame table's
 * roles ("@wrongdoing.V:SPEAKER>A0"); mentions, speakers, linking and offences are shared.
 *
 * <p>Built once per partition; {@link #extract} is thread-confined per call, and does bounded work
 * per document (see {@link DocView}).
 */
public final class ClaimExtractor implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final int MAX_SENTENCE_TOKENS = 200;

  /** How many words before a participle cue {@code afterDocument} looks for a document noun. */
  private static final int DOCUMENT_REACH = 12;

  private static final int MAX_CLAIMS = 500;

  /** Forms of charging a person with a crime, which a state's prosecutors do. */
  private static final Set<String> CHARGING = Set.of("charged", "indicted", "prosecuted");

  /** Nouns of such charges, literal with "against" ("the indictment against X", not "of"). */
  private static final Set<String> CHARGE_NOUNS =
      Set.of("indictment", "indictments", "charge", "charges");

  /** Role nouns before a name that make the person speak for what precedes them. */
  private static final Set<String> ROLE_NOUNS =
      Set.of(
          "spokesman",
          "spokeswoman",
          "spokesperson",
          "head",
          "chief",
          "director",
          "chairman",
          "chairwoman",
          "leader",
          "secretary-general",
          "envoy",
          "ambassador",
          "minister");

  private static final Set<String> STRONG_DISMISS =
      Set.of(
          "witch hunt",
          "hoax",
          "smear",
          "smears",
          "slander",
          "fake news",
          "fabricated",
          "fabrication",
          "made up",
          "politically motivated",
          "trumped-up",
          "trumped up",
          "slanderous",
          "absurd",
          "baseless",
          "groundless",
          "unfounded");

  /**
   * Words that open a clause after a reporting verb ("alleged he lied"); determiners ("that",
   * "the") and prepositions are checked from their own sets.
   */
  private static final Set<String> CLAUSE_OPENERS =
      Set.of(
          "he",
          "she",
          "they",
          "it",
          "we",
          "i",
          "you",
          "there",
          "officials",
          "police",
          "authorities",
          "prosecutors",
          "investigators");

  private static final Set<String> FACE_VERBS =
      Set.of("face", "faces", "faced", "facing", "drew", "draws", "drawn", "drawing");

  private static final Set<String> CONDITIONAL_PHRASES =
      Set.of("never happened", "did not happen", "didn't happen", "not true", "untrue", "innocent");

  private static final Set<String> ACCUSATION_WORDS =
      Set.of(
          "accusation",
          "accusations",
          "allegation",
          "allegations",
          "charge",
          "charges",
          "claim",
          "claims",
          "report",
          "reports",
          "rumor",
          "rumors",
          "rumour",
          "rumours",
          "suggestion",
          "suggestions",
          "assertion",
          "assertions",
          "story",
          "stories");

  private final Gazetteer gazetteer;
  private final CueLexicon lexicon;
  private final Frames frames;
  private final WordClasses words;
  private final FrameReader reader;

  /**
   * Whether the parser reads every candidate sentence, not only those the rules left (DevHarness).
   */
  private boolean parserOnly;

  /** Set by tests; otherwise the JVM's {@link ClearNlpParser}, loaded on first use. */
  private transient SentenceParser parser;

  /** The rule path: cue patterns of {@code lexicon} over tokens. */
  public ClaimExtractor(Gazetteer gazetteer, CueLexicon lexicon) {
    this.gazetteer = Objects.requireNonNull(gazetteer, "gazetteer");
    this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
    this.frames = null;
    this.words = null;
    this.reader = null;
  }

  /**
   * The parser path: candidate sentences parsed, claims read from the frames' roles (see {@link
   * FrameReader}); mentions, quotation speakers, denial linking and offences as in the rule path.
   */
  public ClaimExtractor(Gazetteer gazetteer, CueLexicon lexicon, Frames frames, WordClasses words) {
    this.gazetteer = Objects.requireNonNull(gazetteer, "gazetteer");
    this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
    this.frames = Objects.requireNonNull(frames, "frames");
    this.words = Objects.requireNonNull(words, "words");
    this.reader = new FrameReader(frames, words);
  }

  /**
   * The parser path, with its gazetteer, lexicons, frames and word classes read by {@code linesOf}.
   */
  public static ClaimExtractor parsed(java.util.function.Function<String, List<String>> linesOf) {
    CueLexicon lexicon = CueLexicon.load(linesOf);
    return new ClaimExtractor(
        gazetteer(linesOf),
        lexicon,
        Frames.load(linesOf),
        WordClasses.load(linesOf).withWrongdoingNouns(lexicon.words("WRONGDOING")));
  }

  /** The rule path alone, with its gazetteer and lexicons read by {@code linesOf}. */
  public static ClaimExtractor rules(java.util.function.Function<String, List<String>> linesOf) {
    return new ClaimExtractor(gazetteer(linesOf), CueLexicon.load(linesOf));
  }

  private static Gazetteer gazetteer(java.util.function.Function<String, List<String>> linesOf) {
    return Gazetteer.parse(
        linesOf.apply("gazetteer/actors.tsv"), linesOf.apply("gazetteer/incidents.tsv"));
  }

  public Gazetteer gazetteer() {
    return gazetteer;
  }

  /** The parser path alone, without the rule pass: for measuring it (DevHarness --parser-only). */
  public ClaimExtractor parserOnly() {
    this.parserOnly = true;
    return this;
  }

  /** Uses {@code p} instead of the JVM's ClearNLP models (tests). */
  public ClaimExtractor withParser(SentenceParser p) {
    this.parser = p;
    return this;
  }

  /**
   * The words that let an article through the prefilter: the rules' cue phrases and, with the
   * parser, frame cue forms and wrongdoing forms (a sentence needs one of them to be a {@link
   * #candidate}).
   */
  public List<String> prefilterPhrases() {
    java.util.Set<String> out = new java.util.TreeSet<>(cuePhrases());
    out.addAll(wrongdoingPhrases());
    return List.copyOf(out);
  }

  /** The rules' cue phrases and, with the parser, the frames' cue forms. */
  private List<String> cuePhrases() {
    java.util.Set<String> out = new java.util.TreeSet<>(lexicon.phrases());
    if (frames != null) {
      out.addAll(frames.forms());
    }
    return List.copyOf(out);
  }

  /** With the parser, the wrongdoing forms of the reported-wrongdoing gate; none without. */
  private List<String> wrongdoingPhrases() {
    java.util.Set<String> out = new java.util.TreeSet<>();
    if (frames != null) {
      out.addAll(words.wrongdoingForms());
      out.addAll(lexicon.words("WRONGDOING"));
    }
    return List.copyOf(out);
  }

  /**
   * The windows of an article that extraction reads (see {@link CandidateWindows}): around
   * sentences with a rule cue phrase or a frame cue form, or, with the parser, a wrongdoing word
   * and a reporting word or a quote (as {@link #candidate}).
   */
  public CandidateWindows windows() {
    return new CandidateWindows(
        cuePhrases(),
        wrongdoingPhrases(),
        words == null ? List.of() : List.copyOf(words.gateContextForms()));
  }

  private SentenceParser parser() {
    if (parser == null) {
      parser = ClearNlpParser.get();
    }
    return parser;
  }

  /**
   * Whether sentence tokens (lower case) can hold a claim: a frame's cue form, or a wrongdoing word
   * with a reporting word or a quotation mark (reported wrongdoing).
   */
  boolean candidate(String[] low, int from, int to, boolean inQuote) {
    boolean wrong = false;
    boolean context = inQuote;
    for (int i = from; i < to; i++) {
      String l = low[i];
      if (frames.forms().contains(l)) {
        return true;
      }
      wrong |= words.wrongdoingForm(l) || lexicon.is("WRONGDOING", l);
      context |= words.gateContext(l);
    }
    return wrong && context;
  }

  /**
   * The claims of one document, in text order; empty for an empty document. A failure on one
   * document propagates, for the caller to record (the extract job's {@code GuardExtraction} makes
   * it an {@code EXTRACT_ERROR} row of {@code extract_rejects}), not to hide.
   */
  public List<Claim> extract(Document doc) {
    if (doc == null || doc.text() == null || doc.text().isEmpty()) {
      return List.of();
    }
    return new Run(doc).extract();
  }

  /** A claim under construction. */
  private static final class Candidate {
    String kind;
    Actor source;
    Actor target;
    String pass;
    int cueTok;
    int cueEnd;
    int sentence;
    double weight;
    boolean conditional;
    boolean hedged;
    String offence;
    String speaker;
    Actor namedAccuser;
    String claimId;
    String deniesClaimId;

    /** Whether the rules took the source from a prepositional phrase ("allies in Moscow"). */
    boolean sourceInPhrase;
  }

  private final class Run {
    private final Document doc;
    private final DocView v;
    private final MentionFinder mf;
    private final ClauseReader clauses;
    private final String articleId;
    private final List<Candidate> out = new ArrayList<>();
    private final Set<Integer> handledVerbs = new HashSet<>();
    private final Map<Integer, Sentence> parses = new HashMap<>();

    Run(Document doc) {
      this.doc = doc;
      this.v = new DocView(doc);
      this.mf = new MentionFinder(gazetteer, lexicon, v, doc);
      mf.run();
      this.clauses = new ClauseReader(v, mf, lexicon);
      this.articleId = doc.articleId() == null ? "" : doc.articleId();
    }

    List<Claim> extract() {
      if (reader == null || !parserOnly) {
        rules();
      }
      if (reader != null) {
        parsed();
      }
      return finish();
    }

    /**
     * The parser pass: candidate sentences that the rules left without a claim (all candidates with
     * {@link #parserOnly}) are parsed and read through the frame table, and so are sentences with
     * rule accusations only that hold a denial frame's word, for their denials.
     */
    private void parsed() {
      Map<Integer, Set<String>> covered = new HashMap<>();
      for (Candidate c : out) {
        if (!c.conditional) {
          covered.computeIfAbsent(c.sentence, k -> new HashSet<>()).add(c.kind);
        }
      }
      if (!parserOnly) {
        participleSubjects();
      }
      for (int s = 0; s < v.sentenceCount() && out.size() < MAX_CLAIMS; s++) {
        int from = v.sentFrom[s];
        int to = Math.min(v.sentTo[s], from + MAX_SENTENCE_TOKENS);
        Set<String> ruled = covered.get(s);
        if (from >= to
            || ruled != null && !denialLeft(ruled, from, to)
            || ruled == null && !candidate(v.low, from, to, inQuote(from, to, false))) {
          continue;
        }
        Sentence parsed = sentence(s, from, to);
        Words w = parsed.words();
        Parse p = parsed.parse();
        for (FrameReader.Hit h : reader.hits(p, inQuote(from, to, true))) {
          if (ruled == null || !ruled.contains(h.frame().kind())) {
            apply(h, p, w, s, from, to);
          }
        }
      }
    }

    /**
     * Whether a sentence whose rule claims are all accusations holds a denial frame's word ("X
     * accused the army of killing civilians, an accusation dismissed by the government"): the rules
     * read one claim shape per sentence, and the parser reads the denial they left.
     */
    private boolean denialLeft(Set<String> ruled, int from, int to) {
      if (ruled.contains(Claim.DENIAL)) {
        return false;
      }
      for (int i = from; i < to; i++) {
        if (frames.formsOf(Claim.DENIAL).contains(v.low[i])) {
          return true;
        }
      }
      return false;
    }

    /**
     * "Trump said the U.S. would leave the treaty, accusing Russia of breaching it": the subject of
     * an accusation verb's participial clause is the subject of the clause it hangs on, which the
     * token rules take as the nearest noun before the comma ("the treaty"). For rule accusations
     * whose cue is such a participle, or whose accuser the rules left unnamed ("American officials
     * accused", "Jihadist rebels blamed"), the parse's source of the same verb names the accuser,
     * unless another claim of the cue already has it (a coordinated accuser stays unnamed). So does
     * it for a rule claim of either kind whose source stood in a prepositional phrase before the
     * verb ("a former Vatican envoy to the US accused": the envoy, not the US).
     */
    private void participleSubjects() {
      Map<Integer, List<Candidate>> bySentence = new LinkedHashMap<>();
      for (Candidate c : out) {
        if (c.sourceInPhrase
            || c.kind.equals(Claim.ACCUSATION)
                && c.cueTok > 0
                && (c.source == null
                    || v.low[c.cueTok].endsWith("ing")
                        && (v.raw[c.cueTok - 1].equals(",") || afterDocument(c.cueTok)))) {
          bySentence.computeIfAbsent(c.sentence, k -> new ArrayList<>()).add(c);
        }
      }
      for (Map.Entry<Integer, List<Candidate>> e : bySentence.entrySet()) {
        int s = e.getKey();
        int from = v.sentFrom[s];
        int to = Math.min(v.sentTo[s], from + MAX_SENTENCE_TOKENS);
        Sentence parsed = sentence(s, from, to);
        Words w = parsed.words();
        Parse p = parsed.parse();
        for (FrameReader.Hit h : reader.hits(p)) {
          int cue = w.tokOf[h.predicate()];
          if (h.negated()) {
            continue;
          }
          Sources found = sources(h, p, w, cue);
          if (found.slot() == null || !usable(found.mentions().get(0))) {
            continue;
          }
          Actor subject = speaksFor(found.mentions().get(0).actor());
          for (Candidate c : e.getValue()) {
            if (c.cueTok == cue
                && c.kind.equals(h.frame().kind())
                && (c.source == null || !same(c.source, subject))) {
              if (c.target != null && same(subject, c.target) || hasSource(c.cueTok, subject)) {
                // A coordinated accuser the rules left unnamed keeps its place, not a copy.
                continue;
              }
              c.source = subject;
              c.pass = c.pass + "+parsed-subject";
            }
          }
        }
      }
    }

    /**
     * Whether a document noun stands in the dozen words before a cue of its sentence ("a letter the
     * campaign sent the DNC alleging"): the document's maker, which the parse finds, is the
     * accuser.
     */
    private boolean afterDocument(int cue) {
      int from = Math.max(v.sentFrom[v.sentOf[cue]], cue - DOCUMENT_REACH);
      for (int k = cue - 1; k >= from; k--) {
        String low = v.low[k];
        if (words.document(low)
            || low.endsWith("s") && words.document(low.substring(0, low.length() - 1))) {
          return true;
        }
      }
      return false;
    }

    /** Whether a claim of the cue at token {@code cue} already has {@code source}. */
    private boolean hasSource(int cue, Actor source) {
      for (Candidate o : out) {
        if (o.cueTok == cue && o.source != null && same(o.source, source)) {
          return true;
        }
      }
      return false;
    }

    /**
     * The parser's words and parse of sentence {@code s} (tokens [from, to)), once per document: a
     * sentence whose rule claim's source the parse corrects may be read again for a denial.
     */
    private Sentence sentence(int s, int from, int to) {
      return parses.computeIfAbsent(
          s,
          k -> {
            Words w = words(from, to);
            return new Sentence(w, parser().parse(w.forms));
          });
    }

    /** Whether a token of [from, to) is inside a quotation (with a known speaker, if asked). */
    private boolean inQuote(int from, int to, boolean withSpeaker) {
      for (int i = from; i < to; i++) {
        if (v.quoteOf[i] >= 0 && (!withSpeaker || v.quotes.get(v.quoteOf[i]).speaker != null)) {
          return true;
        }
      }
      return false;
    }

    /** The parser's words for tokens [from, to): "Korea's" and "wasn't" split in two. */
    private Words words(int from, int to) {
      List<String> forms = new ArrayList<>();
      List<Integer> tokOf = new ArrayList<>();
      for (int i = from; i < to; i++) {
        String r = v.raw[i];
        if (r.length() > 3 && (r.endsWith("'s") || r.endsWith("s'")) && v.possessive[i]) {
          boolean plural = r.endsWith("s'");
          forms.add(r.substring(0, r.length() - (plural ? 1 : 2)));
          tokOf.add(i);
          forms.add(plural ? "'" : "'s");
          tokOf.add(i);
        } else if (r.length() > 3 && v.negated[i]) {
          forms.add(r.substring(0, r.length() - 3));
          tokOf.add(i);
          forms.add("n't");
          tokOf.add(i);
        } else {
          forms.add(DocView.isQuoteMark(r) ? "\"" : r);
          tokOf.add(i);
        }
        if (forms.size() >= ClearNlpParser.MAX_WORDS) {
          break;
        }
      }
      int[] map = new int[tokOf.size()];
      for (int k = 0; k < map.length; k++) {
        map[k] = tokOf.get(k);
      }
      return new Words(forms, map);
    }

    /** One frame hit of a parsed sentence made a claim (or claims, one per coordinated actor). */
    private void apply(FrameReader.Hit h, Parse p, Words w, int s, int from, int to) {
      Frames.Frame f = h.frame();
      int cue = w.tokOf[h.predicate()];
      if (conditional(cue, from)) {
        return;
      }
      Sources found = sources(h, p, w, cue);
      List<Mention> sources = found.mentions;
      String sourceSlot = found.slot;
      boolean sourceFound = sourceSlot != null;
      boolean speakerOnly =
          f.source().size() == 1 && f.source().get(0).role() == Frames.Role.SPEAKER;
      if ((f.requires() == Frames.Requirement.SPEAKER || speakerOnly)
          && !sourceFound
          && !(f.pos() == 'N' && allegedWrongdoing(p, h.predicate()))) {
        return;
      }
      String offence = null;
      for (Frames.Slot slot : f.offence()) {
        List<Integer> nodes = reader.nodes(p, h.predicate(), slot);
        if (!nodes.isEmpty()) {
          offence = FrameReader.phrase(p, nodes.get(0), 6);
          break;
        }
      }
      List<Mention> targets = new ArrayList<>();
      String targetSlot = null;
      for (Frames.Slot slot : f.target()) {
        List<Integer> nodes = reader.nodes(p, h.predicate(), slot);
        if (nodes.isEmpty()) {
          continue;
        }
        if (nodes.size() == 1 && FrameReader.reciprocal(p, nodes.get(0)) && sources.size() > 1) {
          for (int a = 0; a < sources.size(); a++) {
            for (int b = 0; b < sources.size(); b++) {
              if (a != b && usable(sources.get(b))) {
                add(
                    Claim.ACCUSATION,
                    sources.get(a),
                    f.name() + ":reciprocal",
                    sources.get(b).actor(),
                    new int[] {cue, cue + 1},
                    s,
                    from,
                    to,
                    f.weight(),
                    offence,
                    false);
              }
            }
          }
          return;
        }
        for (int n : nodes) {
          if (speakerOnly && p.tags()[n].startsWith("PRP")) {
            continue; // "X said it killed ...": the speaker's own act, not an accusation
          }
          Mention m = resolve(p, w, n);
          if (usable(m) && !(slot.role() == Frames.Role.MOD && victimModifier(p, n, m))) {
            targets.add(m);
          }
        }
        targetSlot = slot.toString();
        break;
      }
      if (sources.isEmpty()) {
        sources.add(null);
      }
      boolean denial = f.kind().equals(Claim.DENIAL) || h.negated();
      if (denial) {
        List<Mention> deniers = new ArrayList<>();
        for (Mention m : sources) {
          if (usable(m)) {
            deniers.add(m);
          }
        }
        if (deniers.isEmpty() && h.negated() && f.kind().equals(Claim.ACCUSATION)) {
          deniers.addAll(targets);
        }
        for (Mention d : deniers) {
          String pass = f.name() + ":" + passOf(d, sourceSlot);
          Candidate c =
              add(
                  Claim.DENIAL,
                  d,
                  pass,
                  null,
                  new int[] {cue, cue + 1},
                  s,
                  from,
                  to,
                  f.weight(),
                  null,
                  pass.contains("SPEAKER"));
          if (c != null) {
            c.namedAccuser = namedAccuser(p, w, h.predicate());
          }
        }
        return;
      }
      for (Mention src : sources) {
        for (Mention tgt : targets) {
          String pass =
              f.name()
                  + ":"
                  + passOf(src, sourceSlot == null ? "none" : sourceSlot)
                  + ">"
                  + targetSlot;
          add(
              Claim.ACCUSATION,
              src,
              pass,
              tgt.actor(),
              new int[] {cue, cue + 1},
              s,
              from,
              to,
              f.weight(),
              offence != null ? offence : incidentOffence(from, to),
              pass.contains("SPEAKER"));
        }
      }
    }

    /**
     * "the Sony hack", "the DNC hack": a name compounded with a wrongdoing noun is what it was done
     * to, unless a state or an armed group, which do such things ("the Hamas attack").
     */
    private boolean victimModifier(Parse p, int n, Mention m) {
      String type = m.actor().type();
      return p.labels()[n].equals("compound") && !"state".equals(type) && !"group".equals(type);
    }

    /** The first source slot of a hit's frame that names something, with what it names. */
    private record Sources(List<Mention> mentions, String slot) {}

    private Sources sources(FrameReader.Hit h, Parse p, Words w, int cue) {
      for (Frames.Slot slot : h.frame().source()) {
        List<Mention> found = new ArrayList<>();
        if (slot.role() == Frames.Role.SPEAKER) {
          int sp = reader.speaker(p, h.predicate());
          if (sp >= 0) {
            for (int n : FrameReader.withConjuncts(p, sp)) {
              found.add(resolveSource(p, w, n));
            }
          } else if (v.quoteOf[cue] >= 0 && v.quotes.get(v.quoteOf[cue]).speaker != null) {
            found.add(v.quotes.get(v.quoteOf[cue]).speaker);
          }
        } else {
          for (int n : reader.nodes(p, h.predicate(), slot)) {
            found.add(resolveSource(p, w, n));
          }
        }
        if (found.stream().anyMatch(this::usable)) {
          found.removeIf(m -> !usable(m));
        }
        if (!found.isEmpty()) {
          return new Sources(found, slot.toString());
        }
      }
      return new Sources(new ArrayList<>(), null);
    }

    /** "rejected Washington's accusations": the accuser a denial names, or null. */
    private Actor namedAccuser(Parse p, Words w, int pred) {
      for (int o : p.dependents(pred)) {
        if (!words.accusationNoun(p.lemmas()[o])) {
          continue;
        }
        for (int d : p.dependents(o)) {
          String l = p.labels()[d];
          if (l.equals("poss") || l.equals("compound") || l.equals("amod")) {
            Mention m = mf.mentionAt(w.tokOf[d]);
            if (usable(m)) {
              return m.actor();
            }
          }
        }
      }
      return null;
    }

    /**
     * The actor a parse node names: the mention on its token (names, gazetteer entries, resolved
     * pronouns and anaphors), else one on its compound, apposition or modifier, else the
     * proper-noun phrase it heads as an actor of its own; null when it names none.
     */
    private Mention resolve(Parse p, Words w, int n) {
      Mention m = mf.mentionAt(w.tokOf[n]);
      if (m != null && !m.vague()) {
        return m;
      }
      Mention named = resolveName(p, w, n);
      if (named == null && (m == null || !"vague".equals(m.via()))) {
        named = owner(p, w, n); // "his critics", "his foes" are not he
      }
      return named != null ? named : m;
    }

    /**
     * An accuser's or denier's actor: as {@link #resolve}, but a named person who speaks for an
     * organisation ("RNC spokesman Sean Spicer", "Alexander Nix, the chief executive of Cambridge
     * Analytica") is that organisation. An accused keeps the person: "campaign chairman Paul
     * Manafort has been charged" accuses Manafort.
     */
    private Mention resolveSource(Parse p, Words w, int n) {
      Mention m = resolve(p, w, n);
      Mention employer = m != null && m.isPerson() ? employer(p, w, n) : null;
      return employer != null ? employer : m;
    }

    /**
     * "Party spokesman Ali Rahimi", "Observatory head Rami Abdurrahman": a person named after a
     * role noun speaks for the organisation or state named before it.
     */
    private Mention employer(Parse p, Words w, int n) {
      boolean role = false;
      Mention org = null;
      for (int d : p.dependents(n)) {
        if (!p.labels()[d].equals("compound") || d > n) {
          continue;
        }
        String low = v.low[w.tokOf[d]];
        if (ROLE_NOUNS.contains(low)) {
          role = true;
          for (int e : p.dependents(d)) {
            Mention m = mf.mentionAt(w.tokOf[e]);
            if (m == null && p.labels()[e].equals("compound")) {
              // "CNN Communications spokesperson": the name before the department
              int f = p.dependent(e, "compound");
              m = f < 0 ? null : mf.mentionAt(w.tokOf[f]);
            }
            if (m != null && m.actor() != null && !m.isPerson()) {
              org = m;
            }
          }
        } else {
          Mention m = mf.mentionAt(w.tokOf[d]);
          if (m != null && m.actor() != null && !m.isPerson()) {
            org = m;
          }
        }
      }
      return role ? org : appositionEmployer(p, w, n);
    }

    /**
     * "Alexander Nix, the chief executive of Cambridge Analytica, denied": a person whose
     * apposition is a role noun of an organisation or state speaks for it.
     */
    private Mention appositionEmployer(Parse p, Words w, int n) {
      int a = p.dependent(n, "appos");
      if (a < 0 || !(ROLE_NOUNS.contains(p.lemmas()[a]) || p.lemmas()[a].equals("executive"))) {
        return null;
      }
      for (int d : p.dependents(a)) {
        if (p.labels()[d].equals("prep")
            && (p.lemmas()[d].equals("of") || p.lemmas()[d].equals("for"))) {
          int o = p.dependent(d, "pobj");
          Mention m = o < 0 ? null : mf.mentionAt(w.tokOf[o]);
          if (m != null && m.actor() != null && m.actor().id() != null && !m.isPerson()) {
            return m; // a gazetteer entry: "the head of Iran's Strategic Council" stays a person
          }
        }
      }
      return null;
    }

    /**
     * The actor behind a word that names none: the possessor or author of a document or group
     * ("Damore's memo accused", "a letter from the ministry"), the place of an office ("prosecutors
     * in Sudan", "officials in Kyiv").
     */
    private Mention owner(Parse p, Words w, int n) {
      int poss = p.dependent(n, "poss");
      if (poss >= 0) {
        Mention pm = mf.mentionAt(w.tokOf[poss]);
        if (pm != null && !pm.vague()) {
          return pm;
        }
      }
      boolean document = words.document(p.lemmas()[n]);
      if (document) {
        Mention maker = maker(p, w, n);
        if (maker != null) {
          return maker;
        }
      }
      for (int d : p.dependents(n)) {
        if (!p.labels()[d].equals("prep")) {
          continue;
        }
        String prep = p.lemmas()[d];
        if (prep.equals("from") || prep.equals("by") || prep.equals("in") || prep.equals("of")) {
          int o = p.dependent(d, "pobj");
          Mention om = o < 0 ? null : mf.mentionAt(w.tokOf[o]);
          if (om != null
              && om.actor() != null
              && !om.vague()
              && (!prep.equals("in") || document || "state".equals(om.actor().type()))) {
            return om;
          }
        }
      }
      return null;
    }

    /**
     * Who made a document: the subject of the verb that made it ("Mueller unsealed an indictment
     * accusing", "a letter the campaign sent"), or its agent ("a complaint filed by the group");
     * null when no making verb governs it.
     */
    private Mention maker(Parse p, Words w, int n) {
      int h = p.heads()[n];
      int made = -1;
      if (h >= 0 && words.documentMaking(p.lemmas()[h])) {
        String l = p.labels()[n];
        if (l.equals("dobj")) {
          made = p.dependent(h, "nsubj");
        } else if (l.equals("nsubjpass")) {
          made = FrameReader.agentOf(p, h);
        }
      }
      for (int d : p.dependents(n)) {
        if (made >= 0) {
          break;
        }
        if (words.documentMaking(p.lemmas()[d])) {
          if (p.labels()[d].equals("relcl")) {
            made = p.dependent(d, "nsubj");
          } else if (p.labels()[d].equals("acl")) {
            made = FrameReader.agentOf(p, d);
          }
        }
      }
      if (made < 0) {
        return null;
      }
      Mention m = mf.mentionAt(w.tokOf[made]);
      if (m == null || m.vague()) {
        m = resolveName(p, w, made);
      }
      return m == null || m.vague() ? null : m;
    }

    private Mention resolveName(Parse p, Words w, int n) {
      int appos = p.dependent(n, "appos");
      if (appos >= 0) {
        Mention am = mf.mentionAt(w.tokOf[appos]);
        if (am != null && am.actor() != null) {
          return am;
        }
      }
      if (p.labels()[n].equals("appos") && p.heads()[n] >= 0) {
        // "Julie Swetnick, the third woman to come forward": the name the apposition describes
        Mention hm = mf.mentionAt(w.tokOf[p.heads()[n]]);
        if (hm != null && hm.actor() != null && !hm.vague() && hm.isPerson()) {
          return hm;
        }
      }
      String headLow = v.low[w.tokOf[n]];
      boolean collective =
          lexicon.is("STATE_NOUN", headLow)
              || lexicon.is("ORG_WORD", headLow)
              || lexicon.is("GROUP_NOUN", headLow)
              || p.tags()[n].equals("NNS")
              || p.tags()[n].startsWith("NNP");
      for (int d : p.dependents(n)) {
        String l = p.labels()[d];
        if (collective && (l.equals("compound") || l.equals("amod") || l.equals("nmod"))) {
          Mention dm = mf.mentionAt(w.tokOf[d]);
          if (dm != null && dm.actor() != null) {
            String headWord = v.low[w.tokOf[n]];
            boolean led = mf.modifier(v.low[w.tokOf[d]]);
            if (l.equals("amod")
                && (p.tags()[n].startsWith("NNS") || led)
                && !lexicon.is("STATE_NOUN", headWord)
                && dm.to() <= w.tokOf[n]) {
              // "Kurdish militants": a group of its own, not the state of the adjective
              int a = dm.from();
              int b = w.tokOf[n] + 1;
              return new Mention(
                  a, b, Actor.unlisted(mf.surface(a, b), "org", null), "GROUP", "parse-group");
            }
            return dm;
          }
        }
      }
      String head = v.low[w.tokOf[n]];
      if (!p.tags()[n].startsWith("NNP") && lexicon.is("STATE_NOUN", head)) {
        for (Mention earlier : mf.mentionsBefore(w.tokOf[n], 600)) {
          if (earlier.actor() != null && "state".equals(earlier.actor().type())) {
            return new Mention(
                w.tokOf[n], w.tokOf[n] + 1, earlier.actor(), "ANAPHOR", "parse-anaphor");
          }
        }
      }
      if (p.tags()[n].startsWith("JJ") || p.tags()[n].startsWith("NNP")) {
        // "Russian involvement", "the Israeli attack": the parser tags the demonym JJ or NNP
        Gazetteer.Entry e = gazetteer.lookup(v.raw[w.tokOf[n]], doc.publishedDate());
        if (e != null
            && e.actor() != null
            && (p.tags()[n].startsWith("JJ") || e.form() == Gazetteer.Form.DEMONYM)) {
          return new Mention(w.tokOf[n], w.tokOf[n] + 1, e.actor(), "STATE", "parse-demonym");
        }
      }
      Mention atHead = mf.mentionAt(w.tokOf[n]);
      String lemma = p.lemmas()[n];
      if (!p.tags()[n].startsWith("NNP")
          && (lexicon.is("GROUP_NOUN", head)
              || lexicon.is("ORG_WORD", head)
              || lexicon.is("ORG_WORD", lemma))
          && atHead == null) {
        // "the free army", "jihadist rebels": a group named by its modifiers, with no name
        int lo = n;
        while (lo > 0
            && p.heads()[lo - 1] == n
            && (p.labels()[lo - 1].equals("amod") || p.labels()[lo - 1].equals("compound"))
            && !p.tags()[lo - 1].startsWith("VB")
            && mf.mentionAt(w.tokOf[lo - 1]) == null) {
          lo--; // not over a participle: "dozens injured Syrian media"
        }
        if (lo < n) {
          int a = w.tokOf[lo];
          int b = w.tokOf[n] + 1;
          return new Mention(
              a, b, Actor.unlisted(mf.surface(a, b), "org", null), "GROUP", "parse-group");
        }
      }
      if (p.tags()[n].startsWith("NNP")) {
        Mention employer = employer(p, w, n);
        if (employer != null) {
          return employer;
        }
        int lo = n;
        while (lo > 0
            && p.heads()[lo - 1] == n
            && p.tags()[lo - 1].startsWith("NNP")
            && p.labels()[lo - 1].equals("compound")) {
          lo--;
        }
        int a = w.tokOf[lo];
        int b = w.tokOf[n] + 1;
        String name = mf.surface(a, b);
        if (name != null
            && !name.isBlank()
            && Character.isUpperCase(name.charAt(0))
            && !lexicon.is("TITLE", name.toLowerCase(Locale.ROOT).replace(".", ""))
            && !mf.notAnActor(a, b)) {
          return new Mention(
              a, b, Actor.unlisted(name, b - a > 1 ? "person" : null, null), "UNLISTED", "parse");
        }
      }
      return null;
    }

    /** The parser's words of a sentence, and for each the document token it came from. */
    private record Words(List<String> forms, int[] tokOf) {}

    /** A sentence's words as given to the parser, and its (staged) parse. */
    private record Sentence(Words words, Parse parse) {}

    /** The rule pass: cue patterns over tokens, sentence by sentence. */
    private void rules() {
      for (int s = 0; s < v.sentenceCount() && out.size() < MAX_CLAIMS; s++) {
        int from = v.sentFrom[s];
        int to = Math.min(v.sentTo[s], from + MAX_SENTENCE_TOKENS);
        if (from >= to) {
          continue;
        }
        boolean question = isQuestion(from, v.sentTo[s]);
        List<CueLexicon.Match> matches = lexicon.match(v.low, from, to);
        matches.sort(
            Comparator.comparingInt((CueLexicon.Match m) -> m.start())
                .thenComparing(m -> m.pattern().frame().equals("VERB_TO") ? 0 : 1));
        for (CueLexicon.Match m : matches) {
          if (question || conditional(m.start(), from)) {
            continue;
          }
          if (Claim.ACCUSATION.equals(m.pattern().kind())) {
            accusation(m, s, from, to);
          } else {
            denial(m, s, from, to);
          }
        }
      }
    }

    // ---------------------------------------------------------------- sentence-level checks

    private boolean isQuestion(int from, int to) {
      for (int i = to - 1; i >= from; i--) {
        if (DocView.isQuoteMark(v.raw[i])) {
          continue;
        }
        return v.raw[i].equals("?");
      }
      return false;
    }

    private boolean conditional(int cue, int from) {
      for (int j = cue - 1; j >= Math.max(from, cue - 15); j--) {
        if (v.low[j].equals(";")) {
          return false;
        }
        if (lexicon.context("CONDITIONAL", v.low, j, cue) > 0) {
          return !(j > 0 && v.low[j - 1].equals("even"));
        }
      }
      return false;
    }

    private boolean negatedBefore(int cue, int from) {
      for (int j = cue - 1; j >= Math.max(from, cue - 3); j--) {
        if (v.negated[j] || lexicon.is("NEGATION", v.low[j])) {
          return true;
        }
        if (v.isPunct(j) && !DocView.isQuoteMark(v.raw[j])) {
          return false;
        }
      }
      return false;
    }

    private boolean blockedBefore(int cue, int from) {
      for (int j = cue - 1; j >= Math.max(from, cue - 6); j--) {
        if (lexicon.context("BLOCKER", v.low, j, cue) > 0) {
          return true;
        }
        if (v.low[j].equals(";") || v.low[j].equals(",") && j < cue - 2) {
          return false;
        }
      }
      return false;
    }

    private boolean hedged(int start, int end, int from, int to) {
      for (int j = Math.max(from, start - 8); j < Math.min(to, end + 8); j++) {
        if (j >= start && j < end) {
          continue;
        }
        if (lexicon.context("HEDGE", v.low, j, to) > 0) {
          return true;
        }
      }
      return false;
    }

    private boolean usable(Mention m) {
      return m != null && m.actor() != null && !m.vague();
    }

    // ---------------------------------------------------------------- accusations

    private void accusation(CueLexicon.Match m, int s, int from, int to) {
      int c = m.start();
      if (negatedBefore(c, from) && !m.pattern().frame().equals("PRED")) {
        return;
      }
      if (blockedBefore(c, from)) {
        return;
      }
      switch (m.pattern().frame()) {
        case "VERB":
          if (!handledVerbs.contains(c)) {
            verb(m, s, from, to);
          }
          break;
        case "VERB_TO":
          verbTo(m, s, from, to);
          break;
        case "HOLD":
          hold(m, s, from, to);
          break;
        case "THAT":
          allege(m, s, from, to);
          break;
        case "PRED":
          predicate(m, s, from, to);
          break;
        case "NOUN":
          noun(m, s, from, to, false);
          break;
        case "NOUN_WEAK":
          noun(m, s, from, to, true);
          break;
        case "ACT":
          act(m, s, from, to);
          break;
        case "DEED":
          deed(m, s, from, to);
          break;
        case "CALL":
          call(m, s, from, to);
          break;
        default:
          break;
      }
    }

    /**
     * A wrongdoing verb reported by a speaker: its subject (right before it) is accused by the
     * speaker; its passive agent ("was raped by X") likewise; negated, the speaker denies.
     */
    private void act(CueLexicon.Match m, int s, int from, int to) {
      int c = m.start();
      if (c > from
          && (ClauseReader.PREPOSITIONS.contains(v.low[c - 1])
              || MentionFinder.DETERMINERS.contains(v.low[c - 1]))) {
        return;
      }
      boolean negated = negatedBefore(c, from);
      Mention accused;
      if (clauses.passiveBefore(c)) {
        accused = clauses.agentAfter(m.end(), to);
        if (accused == null || clauses.agentAfter(m.end(), to).from() > m.end() + 1) {
          return;
        }
      } else {
        accused = clauses.subjectImmediatelyLeft(c);
      }
      if (accused == null) {
        return;
      }
      ClauseReader.Speaker speaker = clauses.speakerOf(c);
      if (speaker == null) {
        return;
      }
      if (negated) {
        if (usable(speaker.mention())) {
          Candidate d = add(Claim.DENIAL, speaker.mention(), speaker.pass(), null, m, s, from, to);
          if (d != null) {
            d.conditional = true;
            d.offence = cueText(m);
          }
        }
        return;
      }
      if (!usable(accused) || mf.isFirstPerson(accused.from())) {
        return;
      }
      if (speaker.mention().actor() != null && same(speaker.mention().actor(), accused.actor())) {
        return;
      }
      speakerAccuses(speaker, accused, m, s, from, to);
    }

    /**
     * A violent deed named as a noun with its perpetrator right before it, in a reported clause
     * ("died in rebel shelling, the monitor said", "Russian air strikes hit the town, according to
     * X"): the speaker accuses the perpetrator. The perpetrator is a state or group mention ending
     * at the cue, or a demonym ("Russian", "Syrian and Russian") for its state. People, pronouns
     * and vague nouns never count; without a speaker the journalist's narrative accuses no one.
     */
    private void deed(CueLexicon.Match m, int s, int from, int to) {
      int c = m.start();
      if (c <= from || negatedBefore(c, from)) {
        return;
      }
      List<Mention> accused = new ArrayList<>();
      int j = c - 1;
      for (int k = 0; k < 3 && j >= from; k++) {
        Mention x = perpetratorEndingAt(j);
        if (x == null) {
          break;
        }
        accused.add(x);
        j = x.from() - 1;
        if (j < from + 1 || !v.low[j].equals("and")) {
          break;
        }
        j--;
      }
      if (accused.isEmpty()) {
        return;
      }
      ClauseReader.Speaker speaker = clauses.speakerOf(c);
      if (speaker == null || !usable(speaker.mention())) {
        return;
      }
      for (Mention a : accused) {
        if (!same(speaker.mention().actor(), a.actor())) {
          speakerAccuses(speaker, a, m, s, from, to);
        }
      }
    }

    /** A state or group named by the mention or demonym on token {@code j}, or null. */
    private Mention perpetratorEndingAt(int j) {
      Mention x = mf.mentionAt(j);
      if (x != null && x.from() == j && x.to() == j + 1 && demonymState(j) != null) {
        x = null;
      }
      if (x != null) {
        if (x.to() != j + 1
            || !usable(x)
            || "PRONOUN".equals(x.kind())
            || v.possessive[j]
            || "person".equals(x.actor().type())) {
          return null;
        }
        String type = x.actor().type();
        return "state".equals(type) || "group".equals(type) || "GROUP".equals(x.kind()) ? x : null;
      }
      Actor state = demonymState(j);
      return state == null ? null : new Mention(j, j + 1, state, "STATE", "demonym");
    }

    /** The state of the demonym on token {@code j} ("Russian"), or null. */
    private Actor demonymState(int j) {
      if (v.raw[j].isEmpty() || !Character.isUpperCase(v.raw[j].charAt(0))) {
        return null;
      }
      Gazetteer.Entry e = gazetteer.lookup(v.raw[j], doc.publishedDate());
      if (e == null || e.actor() == null || e.form() != Gazetteer.Form.DEMONYM) {
        return null;
      }
      return "state".equals(e.actor().type()) ? e.actor() : gazetteer.state(e.actor().country());
    }

    /**
     * The speaker of a reported clause accuses the clause's subject; so does each speaker
     * coordinated with it ("X and the observatory said government troops used chlorine").
     */
    private void speakerAccuses(
        ClauseReader.Speaker speaker,
        Mention accused,
        CueLexicon.Match m,
        int s,
        int from,
        int to) {
      List<Mention> speakers =
          "reported-speech".equals(speaker.pass())
              ? clauses.withCoordinatedLeft(speaker.mention())
              : List.of(speaker.mention());
      for (Mention sp : speakers) {
        if (sp.actor() == null || !same(sp.actor(), accused.actor())) {
          add(Claim.ACCUSATION, sp, speaker.pass(), accused.actor(), m, s, from, to);
        }
      }
    }

    private void verb(CueLexicon.Match m, int s, int from, int to) {
      int c = m.start();
      String form = v.low[c];
      if (c > from) {
        String prev = v.low[c - 1];
        if (MentionFinder.DETERMINERS.contains(prev) || prev.equals("in") || v.possessive[c - 1]) {
          return;
        }
      }
      if (form.startsWith("charg") && nextWord(c + 1, to, 3, "against") > 0) {
        chargesAgainst(m, s, from, to);
        return;
      }
      if (form.startsWith("charg") && nextWord(c + 1, to, 10, "with") < 0) {
        return;
      }
      if ((form.startsWith("condemn") || form.startsWith("denounc"))
          && nextWord(c + 1, to, 10, "for") < 0
          && !actorsDeedAfter(c + 1, to)) {
        return;
      }
      Mention relativeObject = relativeAntecedent(c, from);
      boolean reduced =
          relativeObject == null
              && c + 1 < to
              && form.endsWith("ed")
              && Set.of("of", "for", "with", "in").contains(v.low[c + 1]);
      if (relativeObject != null) {
        Mention subject = clauses.subjectLeft(c);
        if (usable(relativeObject) && subject != null && subject.from() > relativeObject.from()) {
          add(
              Claim.ACCUSATION,
              subject,
              passOf(subject, "relative-object"),
              relativeObject.actor(),
              m,
              s,
              from,
              to);
        }
        return;
      }
      boolean finite = clauses.passiveBefore(c) && !form.endsWith("ing");
      if (finite || reduced) {
        // "was arrested and charged with": a participle after "and" shares the clause's subject
        boolean ownNoun = !finite && c > from && !v.low[c - 1].equals("and");
        Mention accused = ownNoun ? clauses.nounJustLeft(c, from) : clauses.subjectLeft(c);
        if (!usable(accused) || mf.isFirstPerson(accused.from()) && !usable(accused)) {
          return;
        }
        Mention agent = clauses.agentAfter(c + 1, to);
        for (Mention t : clauses.withCoordinatedLeft(accused)) {
          if (usable(t)) {
            add(
                Claim.ACCUSATION,
                agent,
                agent == null ? "passive-unattributed" : "passive-by",
                t.actor(),
                m,
                s,
                from,
                to);
          }
        }
        return;
      }
      boolean unnamed = clauses.unnamedSubjectBefore(c);
      if (unnamed
          && form.endsWith("ed")
          && c > from
          && !ClauseReader.ADVERBS.contains(v.low[c - 1])
          && !ClauseReader.BE.contains(v.low[c - 1])
          && clauses.objectRight(c + 1, to) == null) {
        return;
      }
      Mention adjunctSubject = null;
      if (unnamed && form.endsWith("ing")) {
        // "X said ... after the shelling, accusing Y of ...": the adjunct's subject is the speaker.
        ClauseReader.Speaker main = clauses.speakerOf(c);
        if (main != null
            && "reported-speech".equals(main.pass())
            && main.mention().to() <= c
            && usable(main.mention())) {
          adjunctSubject = main.mention();
          unnamed = false;
        }
      }
      if (unnamed && adjunctSubject == null) {
        adjunctSubject = coordinatedBeforeNoun(c, from);
        unnamed = adjunctSubject == null;
      }
      Mention subject =
          adjunctSubject != null ? adjunctSubject : unnamed ? null : clauses.subjectLeft(c);
      if (subject == null && v.inSpeech(c) && !unnamed) {
        subject = v.quotes.get(v.quoteOf[c]).speaker;
      }
      if (subject == null && !unnamed) {
        return;
      }
      if (subject == null) {
        Mention object = clauses.objectRight(c + 1, to);
        if (usable(object)) {
          for (Mention t : clauses.withCoordinatedRight(object, to)) {
            if (usable(t)) {
              add(Claim.ACCUSATION, null, "unnamed-subject", t.actor(), m, s, from, to);
            }
          }
        }
        return;
      }
      String pass = passOf(subject, "svo-active");
      if (isEachOther(c + 1, to)) {
        List<Mention> subjects = clauses.withCoordinatedLeft(subject);
        for (Mention a : subjects) {
          for (Mention b : subjects) {
            if (a != b && usable(a) && usable(b)) {
              add(Claim.ACCUSATION, a, "svo-reciprocal", b.actor(), m, s, from, to);
            }
          }
        }
        return;
      }
      Mention object = clauses.appositiveHead(clauses.objectRight(c + 1, to), to);
      if (!usable(object)) {
        return;
      }
      for (Mention a : clauses.withCoordinatedLeft(subject)) {
        for (Mention t : clauses.withCoordinatedRight(object, to)) {
          if (usable(t)) {
            add(Claim.ACCUSATION, a, pass, t.actor(), m, s, from, to);
          }
        }
      }
    }

    /**
     * "Trump and his supporters accused ...": a named actor coordinated with the unnamed noun
     * phrase right before the verb is its subject; null when there is none.
     */
    private Mention coordinatedBeforeNoun(int c, int from) {
      int j = c - 1;
      while (j > from && (ClauseReader.ADVERBS.contains(v.low[j]) || v.low[j].endsWith("ly"))) {
        j--;
      }
      int k = j - 1;
      if (k > from && (MentionFinder.DETERMINERS.contains(v.low[k]) || mf.mentionAt(k) != null)) {
        Mention det = mf.mentionAt(k);
        if (det != null && !"PRONOUN".equals(det.kind())) {
          return null;
        }
        k--;
      }
      if (k <= from || !v.low[k].equals("and")) {
        return null;
      }
      Mention left = mf.mentionAt(k - 1);
      return usable(left) && !"PRONOUN".equals(left.kind()) ? left : null;
    }

    /**
     * The object of "condemned" is an actor's deed: "condemned Russia's bombing of ...", "condemned
     * the Syrian army's shelling", "denounced the coalition airstrikes".
     */
    private boolean actorsDeedAfter(int i, int to) {
      Mention object = clauses.objectRight(i, to);
      if (!usable(object) || object.to() >= to) {
        return false;
      }
      int k = object.to();
      if (v.low[k].equals("'s") || v.low[k].equals("'")) {
        k++;
      }
      return k < to
          && (lexicon.context("WRONGDOING", v.low, k, to) > 0
              || ClauseReader.AGENT_HEADS.contains(v.low[k]))
          && (v.possessive[object.to() - 1] || k > object.to() || !v.isPunct(k));
    }

    /**
     * "Y, which X accused of ...": the verb's object is the antecedent of a relative pronoun before
     * its subject; null when the verb is not in such a clause.
     */
    private Mention relativeAntecedent(int c, int from) {
      int j = c - 1;
      while (j > from && (ClauseReader.ADVERBS.contains(v.low[j]) || v.low[j].endsWith("ly"))) {
        j--;
      }
      Mention subject = mf.mentionAt(j);
      int k;
      if (subject != null) {
        k = subject.from() - 1;
      } else if (Set.of("they", "he", "she", "we", "i", "it").contains(v.low[j])) {
        k = j - 1;
      } else {
        return null;
      }
      if (k <= from || !Set.of("which", "whom", "that", "who").contains(v.low[k])) {
        return null;
      }
      int a = k - 1;
      if (a >= from && v.low[a].equals(",")) {
        a--;
      }
      Mention antecedent = mf.mentionAt(a);
      return antecedent != null ? antecedent : new Mention(a, a + 1, null, "VAGUE", "relative");
    }

    private void chargesAgainst(CueLexicon.Match m, int s, int from, int to) {
      int against = nextWord(m.start() + 1, to, 3, "against");
      Mention accused = clauses.firstMentionFrom(against + 1, to, 2);
      Mention accuser = clauses.subjectLeft(m.start());
      if (usable(accused) && accuser != null) {
        add(
            Claim.ACCUSATION,
            accuser,
            passOf(accuser, "svo-active"),
            accused.actor(),
            m,
            s,
            from,
            to);
      }
    }

    private boolean isEachOther(int i, int to) {
      return i + 1 < to
          && ((v.low[i].equals("each") && v.low[i + 1].equals("other"))
              || (v.low[i].equals("one") && v.low[i + 1].equals("another")));
    }

    private int nextWord(int from, int to, int window, String word) {
      for (int j = from; j < Math.min(to, from + window); j++) {
        if (v.low[j].equals(word)) {
          return j;
        }
        if (v.low[j].equals(".") || v.low[j].equals(";")) {
          return -1;
        }
      }
      return -1;
    }

    private void verbTo(CueLexicon.Match m, int s, int from, int to) {
      int c = m.start();
      String form = v.low[c];
      String prep = form.startsWith("attribut") ? "to" : "on";
      int p = nextWord(c + 1, to, prep.equals("to") ? 8 : 5, prep);
      if (p < 0) {
        return;
      }
      for (int j = c + 1; j < p; j++) {
        if (usable(mf.mentionAt(j)) && !"PRONOUN".equals(mf.mentionAt(j).kind())) {
          return;
        }
      }
      if (prep.equals("to") && !wrongdoingOrIncident(Math.max(from, c - 8), p)) {
        return; // "a prophecy attributed to Joseph Smith": nothing wrong is attributed
      }
      Mention accused = clauses.firstMentionFrom(p + 1, to, 0);
      if (!usable(accused)) {
        return;
      }
      handledVerbs.add(c);
      if (clauses.passiveBefore(c) && !form.endsWith("ing")) {
        Mention agent = clauses.agentAfter(c + 1, to);
        add(
            Claim.ACCUSATION,
            agent,
            agent == null ? "passive-unattributed" : "passive-by",
            accused.actor(),
            m,
            s,
            from,
            to);
        return;
      }
      Mention subject = clauses.subjectLeft(c);
      if (subject == null && v.inSpeech(c)) {
        subject = v.quotes.get(v.quoteOf[c]).speaker;
      }
      if (subject != null) {
        for (Mention t : clauses.withCoordinatedRight(accused, to)) {
          if (usable(t)) {
            add(
                Claim.ACCUSATION,
                subject,
                passOf(subject, "svo-active"),
                t.actor(),
                m,
                s,
                from,
                to);
          }
        }
      }
    }

    /** "X called the president a racist": name-calling with an insult is an accusation. */
    private void call(CueLexicon.Match m, int s, int from, int to) {
      int c = m.start();
      if (c > from
          && (MentionFinder.DETERMINERS.contains(v.low[c - 1])
              || ClauseReader.PREPOSITIONS.contains(v.low[c - 1]))) {
        return;
      }
      Mention target = clauses.firstMentionFrom(c + 1, to, 0);
      if (!usable(target)) {
        return;
      }
      int k = target.to();
      if (k >= to || !(v.low[k].equals("a") || v.low[k].equals("an"))) {
        return;
      }
      boolean insult = false;
      for (int j = k + 1; j < Math.min(to, k + 5) && !insult; j++) {
        insult = lexicon.context("INSULT", v.low, j, to) > 0;
        if (v.isPunct(j) && !DocView.isQuoteMark(v.raw[j])) {
          break;
        }
      }
      if (!insult) {
        return;
      }
      Mention subject = clauses.subjectLeft(c);
      if (subject == null && v.inSpeech(c)) {
        subject = v.quotes.get(v.quoteOf[c]).speaker;
      }
      if (subject == null
          || subject.actor() != null && same(subject.actor(), target.actor())
          || mf.isFirstPerson(target.from())) {
        return;
      }
      add(Claim.ACCUSATION, subject, passOf(subject, "svo-active"), target.actor(), m, s, from, to);
    }

    private void hold(CueLexicon.Match m, int s, int from, int to) {
      Mention accused = null;
      for (int j = m.start() + 1; j < m.end() - 1 && accused == null; j++) {
        Mention x = mf.mentionAt(j);
        if (usable(x)) {
          accused = x;
        }
      }
      Mention subject = clauses.subjectLeft(m.start());
      if (subject == null && v.inSpeech(m.start())) {
        subject = v.quotes.get(v.quoteOf[m.start()]).speaker;
      }
      if (accused != null && subject != null) {
        add(
            Claim.ACCUSATION,
            subject,
            passOf(subject, "svo-active"),
            accused.actor(),
            m,
            s,
            from,
            to);
      }
    }

    private void allege(CueLexicon.Match m, int s, int from, int to) {
      int c = m.start();
      if (c > from) {
        String prev = v.low[c - 1];
        if (MentionFinder.DETERMINERS.contains(prev)
            || v.possessive[c - 1]
            || ClauseReader.PREPOSITIONS.contains(prev)) {
          return;
        }
      }
      if (clauses.passiveBefore(c) || adjectivalParticiple(c, to)) {
        return;
      }
      int k = c + 1;
      int that = nextWord(k, to, 8, "that");
      int clause = that >= 0 ? that + 1 : k;
      Mention accused = clauses.firstMentionFrom(clause, to, 3);
      if (accused == null) {
        return;
      }
      Mention byAgent = passiveAgentInClause(accused.to(), to);
      if (byAgent != null) {
        accused = byAgent;
      }
      Mention subject = clauses.subjectLeft(c);
      if (subject == null && v.inSpeech(c)) {
        subject = v.quotes.get(v.quoteOf[c]).speaker;
      }
      if (subject == null || !usable(accused)) {
        return;
      }
      accused = clauses.appositiveHead(accused, to);
      if (clauses.possessesRole(accused, to)) {
        return;
      }
      if (subject.actor() != null
          && "PRONOUN".equals(accused.kind())
          && same(subject.actor(), accused.actor())) {
        accused = otherPersonBefore(accused.from(), subject.actor());
        if (accused == null) {
          return;
        }
      }
      List<Mention> accusedAll =
          byAgent == null ? clauses.withCoordinatedRight(accused, to) : List.of(accused);
      for (Mention t : accusedAll) {
        if (usable(t) && (t == accused || !"PRONOUN".equals(t.kind()))) {
          add(Claim.ACCUSATION, subject, passOf(subject, "svo-active"), t.actor(), m, s, from, to);
        }
      }
    }

    /**
     * "investigate alleged pay-to-play policies": a past participle followed by a lower-case noun
     * is an adjective, not a reporting verb ("X alleged that", "X alleged the company lied" and "X
     * alleged Russia meddled" still are verbs).
     */
    private boolean adjectivalParticiple(int c, int to) {
      if (!v.low[c].endsWith("ed") || c + 1 >= to) {
        return false;
      }
      int k = c + 1;
      return !v.isCapitalised(k)
          && !v.isPunct(k)
          && !CLAUSE_OPENERS.contains(v.low[k])
          && !MentionFinder.DETERMINERS.contains(v.low[k])
          && !ClauseReader.PREPOSITIONS.contains(v.low[k])
          && mf.mentionAt(k) == null;
    }

    /**
     * "Tyson alleges that he forced her": a pronoun accused cannot be the accuser, so it stands for
     * the nearest other named person in the preceding text (at most 80 tokens back).
     */
    private Mention otherPersonBefore(int i, Actor exclude) {
      for (Mention x : mf.mentionsBefore(i, 80)) {
        if (x.actor() != null
            && "person".equals(x.actor().type())
            && ("NAME".equals(x.kind()) || "UNLISTED".equals(x.kind()))
            && !same(x.actor(), exclude)) {
          return x;
        }
      }
      return null;
    }

    /** "Watson was raped by Fairfax": the agent of a passive right after a clause subject. */
    private Mention passiveAgentInClause(int i, int to) {
      if (i < to && ClauseReader.BE.contains(v.low[i])) {
        return clauses.agentAfter(i + 1, Math.min(to, i + 6));
      }
      return null;
    }

    private void predicate(CueLexicon.Match m, int s, int from, int to) {
      int c = m.start();
      String cue = cueText(m);
      boolean negated = negatedBefore(c, from);
      boolean byForm = cue.endsWith(" by") || (m.end() < to && v.low[m.end()].equals("by"));
      boolean carried = cue.startsWith("carr") || cue.endsWith(" responsibility");
      if (!byForm && !carried && !copulaBefore(c, from)) {
        return;
      }
      if (c > from && ClauseReader.PREPOSITIONS.contains(v.low[c - 1])) {
        return;
      }
      Mention accused;
      if (byForm) {
        int by = cue.endsWith(" by") ? m.end() - 1 : m.end();
        accused = clauses.firstMentionFrom(by + 1, to, 2);
      } else {
        if (!carried
            && !cue.startsWith("behind")
            && !cue.startsWith("responsible")
            && !cue.startsWith("to ")
            && !cue.startsWith("involved")
            && !cue.startsWith("guilty")
            && clauses.passiveBefore(c)) {
          return;
        }
        accused = clauses.subjectImmediatelyLeft(c);
      }
      if (accused == null) {
        return;
      }
      ClauseReader.Speaker speaker = clauses.speakerOf(c);
      if (negated) {
        Mention denier = speaker == null ? null : speaker.mention();
        if (denier == null && mf.isFirstPerson(accused.from()) && v.inSpeech(c)) {
          denier = v.quotes.get(v.quoteOf[c]).speaker;
        }
        if (!usable(denier)) {
          return;
        }
        Candidate d =
            add(
                Claim.DENIAL,
                denier,
                speaker == null ? "quote-speaker" : speaker.pass(),
                null,
                m,
                s,
                from,
                to);
        if (d != null) {
          d.offence = offenceAfter(m.end(), to);
        }
        return;
      }
      if (!usable(accused) || speaker == null || mf.isFirstPerson(accused.from())) {
        return;
      }
      if (speaker.mention().actor() != null && same(speaker.mention().actor(), accused.actor())) {
        return;
      }
      speakerAccuses(speaker, accused, m, s, from, to);
    }

    /** A form of "be" (or "held", "found") shortly before a predicate cue. */
    private boolean copulaBefore(int c, int from) {
      for (int j = c - 1; j >= Math.max(from, c - 4); j--) {
        String l = v.low[j];
        if (ClauseReader.BE.contains(l)
            || l.equals("held")
            || l.equals("found")
            || (v.negated[j]
                && (l.equals("was") || l.equals("is") || l.equals("were") || l.equals("are")))) {
          return true;
        }
        if (!ClauseReader.ADVERBS.contains(l)
            && !lexicon.is("NEGATION", l)
            && !lexicon.is("HEDGE", l)
            && !l.equals("partly")
            && !l.equals("partially")
            && !l.equals("solely")
            && !l.equals("directly")
            && !l.equals("ultimately")) {
          return false;
        }
      }
      return false;
    }

    private void noun(CueLexicon.Match m, int s, int from, int to, boolean weak) {
      int c = m.start();
      if (negatedBefore(c, from) || (weak && !wrongdoingWithin(c + 1, to, 14))) {
        return;
      }
      Mention accuser = possessorBefore(c, from);
      if (accuser == null) {
        int by = -1;
        for (int j = c + 1; j < Math.min(to, c + 4); j++) {
          if (v.low[j].equals("by") || v.low[j].equals("from")) {
            by = j;
            break;
          }
        }
        if (by > 0) {
          accuser = clauses.firstMentionFrom(by + 1, to, 2);
        }
      }
      if (v.low[c].startsWith("accuser")) {
        Mention target = possessorBefore(c, from);
        if (target == null && c + 1 < to && v.low[c + 1].equals("of")) {
          target = clauses.firstMentionFrom(c + 2, to, 1);
        }
        if (usable(target)) {
          Mention named =
              c + 1 < to && v.low[c + 1].equals(",")
                  ? clauses.firstMentionFrom(c + 2, to, 1)
                  : null;
          add(
              Claim.ACCUSATION,
              usable(named) ? named : null,
              usable(named) ? "noun-apposition" : "noun-unattributed",
              target.actor(),
              m,
              s,
              from,
              to);
        }
        return;
      }
      Mention accused = null;
      int against = nextWord(c + 1, to, 8, "against");
      int face = against > 0 ? -1 : faces(c, from);
      if (against > 0) {
        int k = against + 1;
        if (k < to
            && (v.low[k].equals("himself")
                || v.low[k].equals("herself")
                || v.low[k].equals("itself")
                || v.low[k].equals("themselves"))) {
          accused = clauses.subjectLeft(c);
        } else {
          accused = clauses.appositiveHead(clauses.firstMentionFrom(k, to, 2), to);
          if (accused != null && clauses.possessesRole(accused, to)) {
            return; // "allegations against Trump's campaign manager": not Trump
          }
        }
      } else if (face >= 0) {
        accused = clauses.subjectLeft(face);
      } else if (c + 1 < to && v.low[c + 1].equals("that")) {
        accused = clauses.appositiveHead(clauses.firstMentionFrom(c + 2, to, 3), to);
        if (accused != null && clauses.possessesRole(accused, to)) {
          return;
        }
        if (accused != null) {
          Mention agent = passiveAgentInClause(accused.to(), to);
          if (agent != null) {
            accused = agent;
          }
        }
      }
      if (!usable(accused)) {
        return;
      }
      if (accuser != null && accuser.actor() != null && same(accuser.actor(), accused.actor())) {
        return;
      }
      add(
          Claim.ACCUSATION,
          accuser,
          accuser == null ? "noun-unattributed" : "noun-possessor",
          accused.actor(),
          m,
          s,
          from,
          to);
    }

    /**
     * "X faced a complaint", "X faces new allegations", "X was hit with charges": the token of the
     * verb that makes its subject the accused of the noun at {@code c}, or -1.
     */
    private int faces(int c, int from) {
      for (int j = c - 1; j >= Math.max(from, c - 4); j--) {
        String l = v.low[j];
        if (FACE_VERBS.contains(l)) {
          return j;
        }
        if (l.equals("with") && j > from && v.low[j - 1].equals("hit")) {
          return j - 1;
        }
        if (v.isPunct(j) || mf.mentionAt(j) != null) {
          return -1;
        }
      }
      return -1;
    }

    /** "Sanders' accusations", "the U.S.'s absurd allegations": the possessor mention. */
    private Mention possessorBefore(int c, int from) {
      for (int j = c - 1; j >= Math.max(from, c - 3); j--) {
        Mention x = mf.mentionAt(j);
        if (x != null) {
          return clauses.possessor(x) || (x.to() < c && v.low[x.to()].equals("'s")) ? x : null;
        }
        if (v.isPunct(j) && !v.low[j].equals("'s") && !v.low[j].equals("'")) {
          return null;
        }
      }
      return null;
    }

    // ---------------------------------------------------------------- denials

    private void denial(CueLexicon.Match m, int s, int from, int to) {
      int c = m.start();
      String frame = m.pattern().frame();
      String cue = cueText(m);
      if (!frame.equals("PHRASE") && negatedBefore(c, from)) {
        return;
      }
      switch (frame) {
        case "DENY":
          deny(m, s, from, to);
          break;
        case "REJECT":
          reject(m, s, from, to);
          break;
        case "PHRASE":
          phrase(m, s, from, to, CONDITIONAL_PHRASES.contains(cue));
          break;
        case "DISMISS":
          dismiss(m, s, from, to, cue);
          break;
        default:
          break;
      }
    }

    private void deny(CueLexicon.Match m, int s, int from, int to) {
      int c = m.start();
      String form = v.low[c];
      if (form.startsWith("denial")) {
        Mention owner = possessorBefore(c, from);
        if (usable(owner)) {
          Candidate d = add(Claim.DENIAL, owner, "noun-possessor", null, m, s, from, to);
          if (d != null) {
            d.conditional = true;
          }
        }
        return;
      }
      if (clauses.passiveBefore(c)) {
        if (accusationNounBefore(c, from)) {
          Mention agent = clauses.agentAfter(c + 1, to);
          if (usable(agent)) {
            add(Claim.DENIAL, agent, "passive-by", null, m, s, from, to);
          }
        }
        return;
      }
      if (clauses.unnamedSubjectBefore(c)
          && (form.endsWith("ed") || form.endsWith("ies") || form.equals("deny"))) {
        Mention near = clauses.subjectImmediatelyLeft(c);
        if (near == null) {
          return;
        }
      }
      int j = c + 1;
      while (j < to
          && (ClauseReader.ADVERBS.contains(v.low[j])
              || MentionFinder.DETERMINERS.contains(v.low[j])
              || v.low[j].equals("ever"))) {
        j++;
      }
      if (j >= to) {
        return;
      }
      if (reader != null && v.isPunct(j) && !DocView.isQuoteMark(v.raw[j])) {
        // Nothing denied after the verb ("though Iran has denied this.", "an accusation the White
        // House denies."): the rules cannot tell what, the parser's frame reads the whole sentence.
        return;
      }
      if (lexicon.context("REFUSAL", v.low, j, to) > 0) {
        return;
      }
      boolean valid;
      String l = v.low[j];
      if (lexicon.is("ACCUSATION_NOUN", l)) {
        valid = true;
      } else if (l.endsWith("ing")
          && l.length() > 4
          && !l.equals("nothing")
          && !l.equals("during")
          && !l.equals("something")
          && !l.equals("anything")) {
        valid = true;
      } else {
        valid = wrongdoingWithin(j, to, l.equals("that") || mf.mentionAt(j) != null ? 14 : 6);
      }
      Mention subject = clauses.subjectLeft(c);
      if (subject != null && mf.isFirstPerson(subject.from()) && !usable(subject)) {
        subject = null;
      }
      if (subject == null && v.inSpeech(c)) {
        subject = v.quotes.get(v.quoteOf[c]).speaker;
      }
      if (!usable(subject)) {
        return;
      }
      for (Mention d : clauses.withCoordinatedLeft(subject)) {
        if (usable(d)) {
          Candidate cand = add(Claim.DENIAL, d, passOf(d, "svo-active"), null, m, s, from, to);
          if (cand != null) {
            cand.conditional = !valid;
            cand.offence = offenceAfter(c + 1, to);
            cand.namedAccuser = accuserInDenial(c + 1, to, d.actor());
          }
        }
      }
    }

    private boolean accusationNounBefore(int c, int from) {
      for (int j = c - 1; j >= Math.max(from, c - 5); j--) {
        if (ACCUSATION_WORDS.contains(v.low[j])) {
          return true;
        }
      }
      return false;
    }

    /** A wrongdoing word or a named incident on tokens {@code [from, to)}. */
    private boolean wrongdoingOrIncident(int from, int to) {
      for (MentionFinder.IncidentMention im : mf.incidents) {
        if (im.from() < to && im.to() > from) {
          return true;
        }
      }
      return wrongdoingWithin(from, to, to - from);
    }

    private boolean wrongdoingWithin(int from, int to, int window) {
      for (int j = from; j < Math.min(to, from + window); j++) {
        if (lexicon.context("WRONGDOING", v.low, j, to) > 0) {
          return true;
        }
        if (lexicon.context("WRONGDOING", v.low, j, to) == 0
            && (v.low[j].equals("behind") || v.low[j].equals("responsible"))) {
          return true;
        }
      }
      return false;
    }

    private void reject(CueLexicon.Match m, int s, int from, int to) {
      int c = m.start();
      if (clauses.passiveBefore(c)) {
        return;
      }
      boolean accusation = false;
      for (int j = c + 1; j < Math.min(to, c + 7) && !accusation; j++) {
        String l = v.low[j];
        if (ACCUSATION_WORDS.contains(l)
            || l.equals("wrongdoing")
            || l.equals("responsibility")
            || l.equals("involvement")) {
          accusation = true;
        } else if (l.equals("as") && j + 1 < to && dismissAt(j + 1, to)) {
          accusation = true;
        } else if (l.equals(".") || l.equals(";")) {
          break;
        }
      }
      if (!accusation) {
        return;
      }
      Mention subject = clauses.subjectLeft(c);
      if (subject == null && v.inSpeech(c)) {
        subject = v.quotes.get(v.quoteOf[c]).speaker;
      }
      if (!usable(subject)) {
        return;
      }
      for (Mention d : clauses.withCoordinatedLeft(subject)) {
        if (usable(d)) {
          Candidate cand = add(Claim.DENIAL, d, passOf(d, "svo-active"), null, m, s, from, to);
          if (cand != null) {
            cand.offence = offenceAfter(c + 1, to);
            cand.namedAccuser = accuserInDenial(c + 1, to, d.actor());
          }
        }
      }
    }

    private boolean dismissAt(int j, int to) {
      for (CueLexicon.Match x : lexicon.match(v.low, j, Math.min(to, j + 3))) {
        if (x.start() == j && x.pattern().frame().equals("DISMISS")) {
          return true;
        }
      }
      return false;
    }

    private void phrase(CueLexicon.Match m, int s, int from, int to, boolean conditional) {
      int c = m.start();
      ClauseReader.Speaker speaker = clauses.speakerOf(c);
      Mention denier = speaker == null ? null : speaker.mention();
      if (!usable(denier)) {
        return;
      }
      Candidate d = add(Claim.DENIAL, denier, speaker.pass(), null, m, s, from, to);
      if (d != null) {
        d.conditional = conditional;
        d.offence = offenceAfter(m.end(), to);
        d.namedAccuser = accuserInDenial(m.end(), to, denier.actor());
      }
    }

    private void dismiss(CueLexicon.Match m, int s, int from, int to, String cue) {
      int c = m.start();
      boolean nearAccusation = false;
      for (int j = Math.max(from, c - 4); j < Math.min(to, m.end() + 4); j++) {
        if (ACCUSATION_WORDS.contains(v.low[j])) {
          nearAccusation = true;
        }
      }
      if (!nearAccusation) {
        int j = from;
        while (j < to
            && (DocView.isQuoteMark(v.raw[j]) || MentionFinder.DETERMINERS.contains(v.low[j]))) {
          j++;
        }
        nearAccusation = j < to && ACCUSATION_WORDS.contains(v.low[j]);
      }
      if (!nearAccusation) {
        for (int j = Math.max(from, c - 3); j < c; j++) {
          if ((v.low[j].equals("it") || v.low[j].equals("this") || v.low[j].equals("that"))
              && j + 1 < c
              && (v.low[j + 1].equals("a") || v.low[j + 1].equals("an"))) {
            nearAccusation = true;
          }
        }
      }
      boolean inSpeech = v.inSpeech(c);
      if (!nearAccusation && !inSpeech && !STRONG_DISMISS.contains(cue)) {
        return;
      }
      for (CueLexicon.Match other : lexicon.match(v.low, Math.max(from, c - 8), c)) {
        if (Claim.ACCUSATION.equals(other.pattern().kind()) && !nearAccusation) {
          return;
        }
      }
      Mention denier;
      String pass;
      ClauseReader.Speaker speaker = clauses.speakerOf(c);
      if (speaker != null) {
        denier = speaker.mention();
        pass = speaker.pass();
      } else {
        denier = clauses.subjectLeft(c);
        pass = denier == null ? null : passOf(denier, "svo-active");
      }
      if (!usable(denier)) {
        return;
      }
      Candidate d = add(Claim.DENIAL, denier, pass, null, m, s, from, to);
      if (d != null) {
        d.conditional = !nearAccusation;
        d.namedAccuser = accuserInDenial(Math.max(from, c - 4), to, denier.actor());
      }
    }

    /** An accuser named in a denial: "allegations by|from|of X", "X's accusations". */
    private Actor accuserInDenial(int from, int to, Actor denier) {
      for (int j = from; j < Math.min(to, from + 12); j++) {
        if (!ACCUSATION_WORDS.contains(v.low[j])) {
          continue;
        }
        Mention owner = possessorBefore(j, from);
        // "rejected his claims": a possessive pronoun names too uncertain an accuser to answer
        if (usable(owner) && !"PRONOUN".equals(owner.kind()) && !same(owner.actor(), denier)) {
          return owner.actor();
        }
        if (j + 1 < to
            && (v.low[j + 1].equals("by")
                || v.low[j + 1].equals("from")
                || v.low[j + 1].equals("of"))) {
          Mention x = clauses.firstMentionFrom(j + 2, to, 1);
          if (usable(x) && !same(x.actor(), denier) && !"PRONOUN".equals(x.kind())) {
            return x.actor();
          }
        }
      }
      return null;
    }

    // ---------------------------------------------------------------- building claims

    private String passOf(Mention m, String direct) {
      if (m == null) {
        return direct;
      }
      String via = m.via();
      if (via == null) {
        return direct;
      }
      if (via.startsWith("coref") || via.equals("quote-speaker")) {
        return via;
      }
      return direct;
    }

    private String cueText(CueLexicon.Match m) {
      StringBuilder sb = new StringBuilder();
      for (int j = m.start(); j < m.end(); j++) {
        if (j > m.start()) {
          sb.append(' ');
        }
        sb.append(v.low[j]);
      }
      return sb.toString();
    }

    private Candidate add(
        String kind,
        Mention source,
        String pass,
        Actor target,
        CueLexicon.Match m,
        int s,
        int from,
        int to) {
      String offence = kind.equals(Claim.ACCUSATION) ? offence(m, s, from, to) : null;
      return add(
          kind,
          source,
          pass,
          target,
          new int[] {m.start(), m.end()},
          s,
          from,
          to,
          m.pattern().weight(),
          offence,
          !"svo-active".equals(pass));
    }

    /**
     * A claim on cue tokens {@code cue[0]..cue[1]}; the source's words are its speaker when {@code
     * sourceSpeaks} (a reporting subject, not the subject of the cue verb itself).
     */
    private Candidate add(
        String kind,
        Mention source,
        String pass,
        Actor target,
        int[] cue,
        int s,
        int from,
        int to,
        double weight,
        String offence,
        boolean sourceSpeaks) {
      Candidate c = new Candidate();
      c.kind = kind;
      c.source = source == null || source.vague() ? null : speaksFor(source.actor());
      c.sourceInPhrase =
          c.source != null && "svo-active".equals(pass) && mf.objectOfPreposition(source);
      c.target = speaksFor(target);
      c.pass = pass;
      c.cueTok = cue[0];
      c.cueEnd = cue[1];
      c.sentence = s;
      c.weight = weight;
      if (v.inSpeech(cue[0])) {
        Mention sp = v.quotes.get(v.quoteOf[cue[0]]).speaker;
        c.speaker = sp == null ? null : mf.surface(sp.from(), sp.to());
      } else if (source != null && sourceSpeaks) {
        c.speaker = mf.surface(source.from(), source.to());
      }
      if (kind.equals(Claim.ACCUSATION)) {
        if (c.source != null && c.target != null && same(c.source, c.target)) {
          return null;
        }
        if (c.source == null
            && c.target != null
            && "person".equals(c.target.type())
            && c.target.country() != null
            && gazetteer.state(c.target.country()) != null
            && (CHARGING.contains(v.low[cue[0]])
                || CHARGE_NOUNS.contains(v.low[cue[0]]) && pass.endsWith(">prep:against"))
            && !namesOtherCountry(s, c.target.country())) {
          // "He has been charged with fraud": a known person is charged by his own state, unless
          // the sentence names another ("the US Department of Justice confirmed Assange has been")
          c.source = gazetteer.state(c.target.country());
          c.pass = pass + "+charging-state";
        }
        c.offence = offence;
      }
      if (hedged(cue[0], cue[1], from, to)) {
        c.hedged = true;
        c.weight *= 0.8;
      }
      out.add(c);
      return c;
    }

    /**
     * "alleged Russian meddling", "allegations of Russian meddling": a wrongdoing noun that an
     * unnamed someone alleges, modified by "alleged" or the object of an accusation noun's "of".
     */
    private boolean allegedWrongdoing(Parse p, int n) {
      for (int d : p.dependents(n)) {
        if (p.labels()[d].equals("amod") && FrameReader.alleging(p, d)) {
          return true;
        }
      }
      int of = p.heads()[n];
      int noun = of < 0 ? -1 : p.heads()[of];
      return noun >= 0
          && p.lemmas()[of].equals("of")
          && p.labels()[n].equals("pobj")
          && (p.lemmas()[noun].equals("allegation") || p.lemmas()[noun].equals("accusation"));
    }

    /**
     * Whether sentence {@code s} names a state or organisation of a country other than {@code
     * country}.
     */
    private boolean namesOtherCountry(int s, String country) {
      for (int k = v.sentFrom[s]; k < v.sentTo[s]; k++) {
        Mention m = mf.mentionAt(k);
        if (m != null
            && m.actor() != null
            && !"person".equals(m.actor().type())
            && !country.equals(m.actor().country())) {
          return true;
        }
      }
      return false;
    }

    /**
     * An official of a state's executive (gazetteer role: minister, spokesperson, adviser,
     * ambassador, intelligence or military chief...) valid on the article's date speaks for that
     * state, which names the claim; heads of state and other persons keep their own name.
     */
    private Actor speaksFor(Actor a) {
      if (a == null
          || !"person".equals(a.type())
          || a.role() == null
          || a.country() == null
          || !a.validOn(doc.publishedDate())
          || (a.validFrom() == null && a.validTo() == null)) {
        return a;
      }
      String role = a.role().toLowerCase(Locale.ROOT);
      if (role.contains("head of")
          || role.contains("secretary-general")
          || role.contains("legislator")
          || role.contains("leader")
          || role.contains("political")
          || role.contains("eu ")
          || role.contains("nato")) {
        return a;
      }
      boolean official =
          role.contains("minister")
              || role.contains("spokes")
              || role.contains("adviser")
              || role.contains("advisor")
              || role.contains("intelligence")
              || role.contains("military")
              || role.contains("attorney general")
              || role.contains("secretary")
              || role.contains("ambassador")
              || role.contains("official")
              || role.contains("director")
              || role.contains("chief of");
      Actor state = official ? gazetteer.state(a.country()) : null;
      return state == null ? a : state;
    }

    private String offence(CueLexicon.Match m, int s, int from, int to) {
      String inSentence = incidentIn(from, to);
      if (inSentence != null) {
        return inSentence;
      }
      String after = offenceAfter(m.end(), to);
      if (after != null) {
        return after;
      }
      return incidentOffence(from, to);
    }

    /** The offence of a known incident named in tokens [from, to), or null. */
    private String incidentIn(int from, int to) {
      for (MentionFinder.IncidentMention im : mf.incidents) {
        if (im.from() >= from && im.to() <= to) {
          return im.incident().offence();
        }
      }
      return null;
    }

    /** The offence of a known incident named in the sentence, else in the article, or null. */
    private String incidentOffence(int from, int to) {
      String inSentence = incidentIn(from, to);
      if (inSentence != null) {
        return inSentence;
      }
      return mf.incidents.isEmpty() ? null : mf.incidents.get(0).incident().offence();
    }

    /** "of|for|with <up to six words>" after the cue, lower-cased, or null. */
    private String offenceAfter(int from, int to) {
      int p = -1;
      for (int j = from; j < Math.min(to, from + 8); j++) {
        String l = v.low[j];
        if (j > from && MentionFinder.SERVES.contains(v.low[j - 1] + " " + l)) {
          continue; // "accused hackers working for X ... of": the accused's phrase, no offence
        }
        if (l.equals("of") || l.equals("for") || l.equals("with") || l.equals("in")) {
          p = j;
          break;
        }
        if (l.equals(".") || l.equals(";")) {
          return null;
        }
      }
      if (p < 0) {
        return null;
      }
      List<String> words = new ArrayList<>();
      for (int j = p + 1; j < to && words.size() < 6; j++) {
        String l = v.low[j];
        if (DocView.isQuoteMark(v.raw[j])) {
          continue;
        }
        if (v.isPunct(j)
            || Set.of(
                    "that", "which", "who", "after", "when", "while", "because", "but", "at",
                    "during", "despite", "since", "as", "and")
                .contains(l)) {
          if (!(l.equals("and") && words.size() < 2)) {
            break;
          }
        }
        if (words.isEmpty() && MentionFinder.DETERMINERS.contains(l)) {
          continue;
        }
        words.add(v.raw[j].toLowerCase(Locale.ROOT));
      }
      return words.isEmpty() ? null : String.join(" ", words);
    }

    private boolean same(Actor a, Actor b) {
      if (a == null || b == null) {
        return false;
      }
      if (a.id() != null && b.id() != null) {
        return a.id().equals(b.id());
      }
      if (a.name().equalsIgnoreCase(b.name())) {
        return true;
      }
      return a.country() != null
          && a.country().equals(b.country())
          && ("state".equals(a.type()) && "state".equals(b.type()));
    }

    /** Whether a denial by {@code denier} may answer an accusation of {@code accused}. */
    private boolean answers(Actor denier, Actor accused) {
      if (same(denier, accused)) {
        return true;
      }
      return denier.country() != null
          && denier.country().equals(accused.country())
          && ("state".equals(denier.type()) || "state".equals(accused.type()));
    }

    // ---------------------------------------------------------------- finishing

    private List<Claim> finish() {
      out.sort(Comparator.comparingInt((Candidate c) -> c.cueTok).thenComparing(c -> c.kind));
      Map<String, Integer> idCount = new HashMap<>();
      List<Candidate> accusations = new ArrayList<>();
      Map<String, Candidate> firstOfPair = new LinkedHashMap<>();
      Set<String> seen = new HashSet<>();
      for (Candidate c : out) {
        if (c.kind.equals(Claim.ACCUSATION)) {
          String key = name(c.source) + "|" + name(c.target) + "|" + c.sentence;
          if (!seen.add(key)) {
            continue;
          }
          assignId(c, idCount);
          accusations.add(c);
          firstOfPair.putIfAbsent(name(c.source) + "|" + name(c.target), c);
        }
      }
      List<Candidate> denials = new ArrayList<>();
      for (Candidate d : out) {
        if (!d.kind.equals(Claim.DENIAL) || d.source == null) {
          continue;
        }
        Candidate link = link(d, accusations);
        if (link != null
            && d.namedAccuser != null
            && (link.source == null || !same(link.source, d.namedAccuser))) {
          link = null;
        }
        if (link == null && d.namedAccuser != null) {
          Candidate implied = new Candidate();
          implied.kind = Claim.ACCUSATION;
          implied.source = d.namedAccuser;
          implied.target = d.source;
          implied.pass = "implied-by-denial";
          implied.cueTok = d.cueTok;
          implied.cueEnd = d.cueEnd;
          implied.sentence = d.sentence;
          implied.weight = d.weight * 0.7;
          implied.offence = d.offence;
          String pair = name(implied.source) + "|" + name(implied.target);
          if (!firstOfPair.containsKey(pair)) {
            assignId(implied, idCount);
            accusations.add(implied);
            firstOfPair.put(pair, implied);
          }
          link = firstOfPair.get(pair);
        }
        if (link == null && d.conditional) {
          continue;
        }

        if (link != null) {
          Candidate first = firstOfPair.get(name(link.source) + "|" + name(link.target));
          d.target = link.source;
          d.deniesClaimId = (first == null ? link : first).claimId;
          if (d.offence == null || link.offence != null) {
            d.offence = link.offence == null ? d.offence : link.offence;
          }
        }
        String key = name(d.source) + "|" + name(d.target) + "|" + d.sentence;
        if (!seen.add("D" + key)) {
          continue;
        }
        assignId(d, idCount);
        denials.add(d);
      }
      List<Candidate> all = new ArrayList<>(accusations);
      all.addAll(denials);
      all.sort(Comparator.comparingInt((Candidate c) -> c.cueTok).thenComparing(c -> c.kind));
      List<Claim> claims = new ArrayList<>();
      for (Candidate c : all) {
        claims.add(toClaim(c));
      }
      return claims;
    }

    /** The accusation a denial answers: accused = denier; prefer one whose accuser it names. */
    private Candidate link(Candidate d, List<Candidate> accusations) {
      Candidate best = null;
      int bestScore = Integer.MIN_VALUE;
      if (d.namedAccuser != null) {
        Candidate byNamed = null;
        for (Candidate a : accusations) {
          if (a.source != null
              && same(a.source, d.namedAccuser)
              && a.target != null
              && !same(a.target, d.namedAccuser)) {
            if (byNamed == null
                || Math.abs(a.cueTok - d.cueTok) < Math.abs(byNamed.cueTok - d.cueTok)) {
              byNamed = a;
            }
          }
        }
        if (byNamed != null) {
          return byNamed;
        }
      }
      for (Candidate a : accusations) {
        if (a.target == null || !answers(d.source, a.target)) {
          continue;
        }
        if (a.source != null && same(a.source, d.source)) {
          continue;
        }
        int score = 0;
        if (d.namedAccuser != null && a.source != null && same(d.namedAccuser, a.source)) {
          score += 100_000;
        }
        if (a.source != null) {
          score += 10_000;
        }
        int distance = d.cueTok - a.cueTok;
        score += distance >= 0 ? 5_000 - Math.min(distance, 5_000) : -Math.min(-distance, 5_000);
        if (score > bestScore) {
          bestScore = score;
          best = a;
        }
      }
      return best;
    }

    private void assignId(Candidate c, Map<String, Integer> idCount) {
      String base = articleId + ":" + c.kind.charAt(0) + ":" + v.tb[c.cueTok];
      int k = idCount.merge(base, 1, Integer::sum);
      c.claimId = k == 1 ? base : base + "-" + k;
    }

    private String name(Actor a) {
      return a == null ? Claim.UNSPECIFIED : a.name();
    }

    private Claim toClaim(Candidate c) {
      int s = c.sentence;
      double factor;
      switch (c.pass == null ? "" : c.pass) {
        case "svo-active":
        case "passive-by":
        case "svo-reciprocal":
        case "noun-possessor":
          factor = 1.0;
          break;
        case "quote-speaker":
        case "reported-speech":
        case "according-to":
          factor = 0.9;
          break;
        case "implied-by-denial":
          factor = 0.7;
          break;
        default:
          factor = 0.8;
          break;
      }
      if (c.source == null) {
        factor *= 0.8;
      }
      double confidence = Math.round(Math.max(0, Math.min(1, c.weight * factor)) * 1000) / 1000.0;
      StringBuilder cue = new StringBuilder();
      cue.append(v.text, v.tb[c.cueTok], v.te[c.cueEnd - 1]);
      Actor src = c.source;
      Actor tgt = c.target;
      return new Claim(
          articleId,
          c.claimId,
          c.kind,
          src == null ? Claim.UNSPECIFIED : src.name(),
          src == null ? null : src.id(),
          src == null ? null : src.type(),
          src == null ? null : src.country(),
          tgt == null ? null : tgt.name(),
          tgt == null ? null : tgt.id(),
          tgt == null ? null : tgt.type(),
          tgt == null ? null : tgt.country(),
          c.offence,
          cue.toString(),
          v.quoteOf[c.cueTok] >= 0,
          c.speaker,
          c.hedged,
          confidence,
          s,
          v.sentenceText(s),
          v.sentBegin[s],
          v.sentEnd[s],
          c.pass,
          c.deniesClaimId);
    }
  }
}
