package io.riposte.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The token-level view of one document the rules work on: normalised lower-case tokens, sentence
 * and paragraph of each token, and quotation spans. Bounded: at most {@link #MAX_TOKENS} tokens and
 * {@link #MAX_SENTENCES} sentences are kept.
 */
final class DocView {

  static final int MAX_TOKENS = 25_000;
  static final int MAX_SENTENCES = 1_000;
  static final int MAX_QUOTE_CHARS = 3_000;

  /** Quotations shorter than this many tokens are fragments ("a witch hunt"), not speech. */
  static final int MIN_SPEECH_TOKENS = 5;

  /** A quotation: characters {@code [begin, end)} including the marks, tokens inside. */
  static final class Quote {
    final int begin;
    final int end;
    int tokFrom;
    int tokTo;
    Mention speaker;
    String speakerPass;

    Quote(int begin, int end) {
      this.begin = begin;
      this.end = end;
    }

    boolean isSpeech() {
      return tokTo - tokFrom >= MIN_SPEECH_TOKENS;
    }
  }

  final String text;
  final int n;
  final int[] tb;
  final int[] te;

  /** Token text as written (curly apostrophes made straight). */
  final String[] raw;

  /** Lower-case token with a possessive "'s" and a negation "n't" removed. */
  final String[] low;

  final boolean[] possessive;
  final boolean[] negated;
  final int[] sentOf;
  final int[] paraOf;
  final int[] sentFrom;
  final int[] sentTo;
  final int[] sentBegin;
  final int[] sentEnd;
  final int[] quoteOf;
  final List<Quote> quotes;

  DocView(Document doc) {
    this.text = doc.text() == null ? "" : doc.text();
    List<Token> tokens = new ArrayList<>();
    if (doc.tokens() != null) {
      for (Token t : doc.tokens()) {
        if (t != null
            && t.text() != null
            && t.begin() >= 0
            && t.end() <= text.length()
            && t.begin() < t.end()) {
          tokens.add(t);
        }
      }
    }
    tokens.sort((a, b) -> a.begin() != b.begin() ? a.begin() - b.begin() : a.end() - b.end());
    if (tokens.size() > MAX_TOKENS) {
      tokens = tokens.subList(0, MAX_TOKENS);
    }
    n = tokens.size();
    tb = new int[n];
    te = new int[n];
    raw = new String[n];
    low = new String[n];
    possessive = new boolean[n];
    negated = new boolean[n];
    for (int i = 0; i < n; i++) {
      Token t = tokens.get(i);
      tb[i] = t.begin();
      te[i] = t.end();
      String r = t.text().replace('\u2019', '\'').replace('\u2018', '\'');
      raw[i] = r;
      String l = r.toLowerCase(Locale.ROOT);
      if (l.length() > 3 && (l.endsWith("'s") || l.endsWith("s'"))) {
        possessive[i] = true;
        l = l.endsWith("'s") ? l.substring(0, l.length() - 2) : l.substring(0, l.length() - 1);
      } else if (l.length() > 3 && l.matches(".*[a-z]'(re|ll|ve|d|m)")) {
        l = l.substring(0, l.lastIndexOf('\''));
      } else if (l.length() > 3 && l.endsWith("n't")) {
        negated[i] = true;
        l = l.substring(0, l.length() - 3);
        if (l.equals("ca")) {
          l = "can";
        } else if (l.equals("wo")) {
          l = "will";
        }
      }
      low[i] = l;
    }
    for (int i = 1; i < n; i++) {
      if (low[i].equals("'s") || low[i].equals("'")) {
        possessive[i - 1] = true;
      }
    }

    List<Span> sentences = new ArrayList<>();
    if (doc.sentences() != null) {
      for (Span s : doc.sentences()) {
        if (s != null && s.begin() >= 0 && s.end() <= text.length() && s.begin() < s.end()) {
          sentences.add(s);
        }
      }
    }
    sentences.sort((a, b) -> a.begin() - b.begin());
    if (sentences.isEmpty()) {
      sentences.add(new Span(0, text.length()));
    }
    if (sentences.size() > MAX_SENTENCES) {
      sentences = sentences.subList(0, MAX_SENTENCES);
    }
    int ns = sentences.size();
    sentBegin = new int[ns];
    sentEnd = new int[ns];
    sentFrom = new int[ns];
    sentTo = new int[ns];
    for (int s = 0; s < ns; s++) {
      sentBegin[s] = sentences.get(s).begin();
      sentEnd[s] = sentences.get(s).end();
    }
    sentOf = new int[n];
    int s = 0;
    for (int i = 0; i < n; i++) {
      while (s + 1 < ns && tb[i] >= sentBegin[s + 1]) {
        s++;
      }
      sentOf[i] = s;
    }
    Arrays.fill(sentFrom, -1);
    Arrays.fill(sentTo, -1);
    for (int i = 0; i < n; i++) {
      if (sentFrom[sentOf[i]] < 0) {
        sentFrom[sentOf[i]] = i;
      }
      sentTo[sentOf[i]] = i + 1;
    }
    for (int k = 0; k < ns; k++) {
      if (sentFrom[k] < 0) {
        sentFrom[k] = 0;
        sentTo[k] = 0;
      }
    }
    paraOf = new int[n];
    int para = 0;
    for (int i = 1; i < n; i++) {
      if (text.substring(te[i - 1], tb[i]).indexOf('\n') >= 0) {
        para++;
      }
      paraOf[i] = para;
    }
    quotes = findQuotes();
    quoteOf = new int[n];
    Arrays.fill(quoteOf, -1);
    int q = 0;
    for (int i = 0; i < n; i++) {
      while (q < quotes.size() && quotes.get(q).end <= tb[i]) {
        q++;
      }
      if (q < quotes.size() && tb[i] >= quotes.get(q).begin && te[i] <= quotes.get(q).end) {
        if (!isQuoteMark(raw[i])) {
          quoteOf[i] = q;
        }
      }
    }
    for (Quote quote : quotes) {
      quote.tokFrom = -1;
    }
    for (int i = 0; i < n; i++) {
      if (quoteOf[i] >= 0) {
        Quote quote = quotes.get(quoteOf[i]);
        if (quote.tokFrom < 0) {
          quote.tokFrom = i;
        }
        quote.tokTo = i + 1;
      }
    }
    for (Quote quote : quotes) {
      if (quote.tokFrom < 0) {
        quote.tokFrom = 0;
        quote.tokTo = 0;
      }
    }
  }

  int sentenceCount() {
    return sentBegin.length;
  }

  String sentenceText(int s) {
    return text.substring(sentBegin[s], sentEnd[s]);
  }

  /** Whether token i is inside a quotation that is speech (not a short fragment). */
  boolean inSpeech(int i) {
    return i >= 0 && i < n && quoteOf[i] >= 0 && quotes.get(quoteOf[i]).isSpeech();
  }

  boolean isPunct(int i) {
    String r = raw[i];
    for (int k = 0; k < r.length(); k++) {
      if (Character.isLetterOrDigit(r.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  boolean isCapitalised(int i) {
    String r = raw[i];
    return !r.isEmpty() && Character.isUpperCase(r.charAt(0));
  }

  static boolean isQuoteMark(String token) {
    if (token.isEmpty()) {
      return false;
    }
    for (int k = 0; k < token.length(); k++) {
      char c = token.charAt(k);
      if (c != '"' && c != '\u201c' && c != '\u201d' && c != '\'' && c != '`') {
        return false;
      }
    }
    return true;
  }

  /**
   * Quotation spans: curly marks pair up; straight marks alternate within a paragraph. An unclosed
   * quotation ends at its paragraph's end (news style continues a quote in the next paragraph with
   * a new opening mark).
   */
  private List<Quote> findQuotes() {
    List<Quote> out = new ArrayList<>();
    int open = -1;
    char openChar = 0;
    int len = text.length();
    for (int i = 0; i < len; i++) {
      char c = text.charAt(i);
      boolean paragraphEnd = c == '\n' && i + 1 < len && text.charAt(i + 1) == '\n';
      if (paragraphEnd && open >= 0) {
        addQuote(out, open, i);
        open = -1;
        continue;
      }
      if (c == '\u201c') {
        if (open >= 0) {
          addQuote(out, open, i);
        }
        open = i;
        openChar = c;
      } else if (c == '\u201d') {
        if (open >= 0) {
          addQuote(out, open, i + 1);
          open = -1;
        }
      } else if (c == '"') {
        if (open >= 0 && (openChar == '"' || openChar == '\u201c')) {
          addQuote(out, open, i + 1);
          open = -1;
        } else if (open < 0) {
          open = i;
          openChar = c;
        }
      }
      if (open >= 0 && i - open > MAX_QUOTE_CHARS) {
        open = -1;
      }
    }
    if (open >= 0) {
      addQuote(out, open, len);
    }
    return out;
  }

  private static void addQuote(List<Quote> out, int begin, int end) {
    if (end - begin > 2 && end - begin <= MAX_QUOTE_CHARS + 2) {
      out.add(new Quote(begin, end));
    }
  }
}
