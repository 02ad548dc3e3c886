package io.riposte.extract;

/**
 * Finds the speaker of each speech quotation, in passes: a reporting clause after it ("...," the
 * spokesperson said / said Tom Bossert / he told reporters), one before it (X said: "...",
 * according to X), then the previous quotation's speaker for an unattributed continuation in the
 * same or the next paragraph.
 */
final class QuoteAttribution {

  private static final int AFTER_WINDOW = 10;
  private static final int BEFORE_WINDOW = 15;

  private final DocView v;
  private final MentionFinder mf;
  private final CueLexicon lexicon;
  private final ClauseReader clauses;

  QuoteAttribution(DocView v, MentionFinder mf, CueLexicon lexicon) {
    this.v = v;
    this.mf = mf;
    this.lexicon = lexicon;
    this.clauses = new ClauseReader(v, mf, lexicon);
  }

  void attribute() {
    DocView.Quote previous = null;
    for (DocView.Quote q : v.quotes) {
      if (!q.isSpeech()) {
        continue;
      }
      if (!after(q) && !before(q) && previous != null && previous.speaker != null) {
        int gap = v.paraOf[q.tokFrom] - v.paraOf[Math.max(0, previous.tokTo - 1)];
        int sentGap = v.sentOf[q.tokFrom] - v.sentOf[Math.max(0, previous.tokTo - 1)];
        if (gap <= 1 && sentGap <= 2) {
          q.speaker = previous.speaker;
          q.speakerPass = "quote-continuation";
        }
      }
      previous = q;
    }
  }

  private boolean after(DocView.Quote q) {
    int k = q.tokTo;
    while (k < v.n && (DocView.isQuoteMark(v.raw[k]) || v.low[k].equals(","))) {
      k++;
    }
    int end = Math.min(v.n, k + AFTER_WINDOW);
    for (int j = k; j < end; j++) {
      if (v.quoteOf[j] >= 0 || DocView.isQuoteMark(v.raw[j])) {
        return false;
      }
      String l = v.low[j];
      if (l.equals(".") || l.equals("!") || l.equals("?") || l.equals(";")) {
        return false;
      }
      int len = lexicon.context("REPORTING", v.low, j, end);
      if (len > 0) {
        for (int b = j - 1; b >= k; b--) {
          Mention m = mf.mentionAt(b);
          if (m != null) {
            set(q, m, "quote-after");
            return true;
          }
        }
        Mention m = clauses.trailingSpeakerAfter(j, len, Math.min(v.n, j + len + 8));
        if (m != null) {
          set(q, m, "quote-after");
          return true;
        }
        return false;
      }
    }
    return false;
  }

  private boolean before(DocView.Quote q) {
    int k = q.tokFrom - 1;
    while (k >= 0 && DocView.isQuoteMark(v.raw[k])) {
      k--;
    }
    if (k < 0) {
      return false;
    }
    int sentStart = v.sentFrom[v.sentOf[k]];
    int stop = Math.max(sentStart, k - BEFORE_WINDOW);
    for (int j = k; j >= stop; j--) {
      if (v.quoteOf[j] >= 0) {
        return false;
      }
      if (v.low[j].equals("according") && j + 1 < v.n && v.low[j + 1].equals("to")) {
        Mention m = clauses.firstMentionFrom(j + 2, q.tokFrom, 4);
        if (m != null) {
          set(q, m, "quote-before");
          return true;
        }
      }
      if (lexicon.context("REPORTING", v.low, j, q.tokFrom) > 0 || v.low[j].equals(":")) {
        Mention m = clauses.subjectLeft(j);
        if (m != null) {
          set(q, m, "quote-before");
          return true;
        }
      }
    }
    return false;
  }

  private static void set(DocView.Quote q, Mention m, String pass) {
    q.speaker = m;
    q.speakerPass = pass;
  }
}
