package io.riposte.extract;

import java.nio.file.Path;
import java.nio.file.Paths;

/** Prints tokens, mentions, quotes and claims of one text (development aid). */
public final class DebugExtract {
  private DebugExtract() {}

  public static void main(String[] args) throws Exception {
    Path data = Paths.get(args[0]);
    Gazetteer g =
        Gazetteer.parse(
            DevHarness.lines(data.resolve("gazetteer/actors.tsv")),
            DevHarness.lines(data.resolve("gazetteer/incidents.tsv")));
    CueLexicon lex = CueLexicon.load(f -> DevHarness.lines(data.resolve(f)));
    TestDocuments docs = new TestDocuments(g.phrases(), lex.phrases());
    String text = args[1];
    java.time.LocalDate date =
        args.length > 2
            ? (args[2].isEmpty() ? null : java.time.LocalDate.parse(args[2]))
            : java.time.LocalDate.of(2018, 1, 1);
    Document doc = docs.document("dbg", text, date);
    DocView v = new DocView(doc);
    MentionFinder mf = new MentionFinder(g, lex, v, doc);
    mf.run();
    for (int s = 0; s < v.sentenceCount(); s++) {
      System.out.println("S" + s + ": " + v.sentenceText(s));
    }
    for (Mention m : mf.mentions()) {
      System.out.println(
          "  M "
              + mf.surface(m.from(), m.to())
              + " -> "
              + (m.actor() == null ? null : m.actor().name())
              + " "
              + m.kind()
              + " "
              + m.via());
    }
    for (DocView.Quote q : v.quotes) {
      System.out.println(
          "  Q "
              + v.text.substring(q.begin, Math.min(q.end, q.begin + 40))
              + "... speaker="
              + (q.speaker == null ? null : mf.surface(q.speaker.from(), q.speaker.to()))
              + " "
              + q.speakerPass);
    }
    for (Claim c : new ClaimExtractor(g, lex).extract(doc)) {
      System.out.println(
          "  C "
              + c.kind()
              + " "
              + c.sourceActor()
              + " -> "
              + c.targetActor()
              + " cue="
              + c.cue()
              + " pass="
              + c.resolvedBy()
              + " off="
              + c.offence()
              + " id="
              + c.claimId()
              + " denies="
              + c.deniesClaimId());
    }
  }
}
