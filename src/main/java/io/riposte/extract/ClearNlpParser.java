package io.riposte.extract;

import edu.emory.clir.clearnlp.component.AbstractComponent;
import edu.emory.clir.clearnlp.component.mode.dep.DEPConfiguration;
import edu.emory.clir.clearnlp.component.mode.srl.SRLConfiguration;
import edu.emory.clir.clearnlp.component.utils.GlobalLexica;
import edu.emory.clir.clearnlp.component.utils.NLPUtils;
import edu.emory.clir.clearnlp.dependency.DEPNode;
import edu.emory.clir.clearnlp.dependency.DEPTree;
import edu.emory.clir.clearnlp.util.arc.SRLArc;
import edu.emory.clir.clearnlp.util.lang.TLanguage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

/**
 * ClearNLP 3's English POS tagger, lemmatiser, dependency parser and semantic role labeller, loaded
 * from the model jars on the classpath (no download), once per JVM: {@link #get()} loads on first
 * use (~17 s with the three models in parallel on 2 cores, 28-38 s one by one; ~1.3 GB of heap
 * retained, see ../shared/notes/nlp-parsers.md), and every later call, from any thread, shares that
 * instance. The components are thread-safe once loaded (outputs from two threads sharing one
 * instance were identical to one thread's).
 *
 * <p>{@link #parse} tags and lemmatises at once but runs the dependency parser and the role
 * labeller only when the returned parse's tree or roles are first read: most sentences the frames
 * see have no frame word and never need them (on the 1,500-article AllSides harness, 52.0 s instead
 * of 64.7 s with the same claims).
 */
public final class ClearNlpParser implements SentenceParser {

  private static final TLanguage EN = TLanguage.ENGLISH;

  /** Sentences longer than this are cut before parsing: parse time grows with length. */
  public static final int MAX_WORDS = 80;

  private final AbstractComponent tagger;
  private final AbstractComponent lemmatiser;
  private final AbstractComponent parser;
  private final AbstractComponent labeller;

  private ClearNlpParser(
      AbstractComponent tagger,
      AbstractComponent lemmatiser,
      AbstractComponent parser,
      AbstractComponent labeller) {
    this.tagger = tagger;
    this.lemmatiser = lemmatiser;
    this.parser = parser;
    this.labeller = labeller;
  }

  /** Holder idiom: the models load when a task first asks for the parser, once per JVM. */
  private static final class Holder {
    static final ClearNlpParser INSTANCE = load();
  }

  /** The JVM's parser, loaded on first call. */
  public static ClearNlpParser get() {
    return Holder.INSTANCE;
  }

  /**
   * Loads the models: in parallel when the heap can hold the three loads at once (about 4 GB at the
   * peak), one after the other otherwise (3 GB is then enough; a 2 GB heap fails).
   */
  private static ClearNlpParser load() {
    long started = System.nanoTime();
    GlobalLexica.initDistributionalSemanticsWords(
        List.of("brown-rcv1.clean.tokenized-CoNLL03.txt-c1000-freq1.txt.xz"));
    Executor pool =
        Runtime.getRuntime().maxMemory() >= PARALLEL_LOAD_HEAP
            ? ForkJoinPool.commonPool()
            : Runnable::run;
    CompletableFuture<AbstractComponent> pos =
        CompletableFuture.supplyAsync(() -> NLPUtils.getPOSTagger(EN, "general-en-pos.xz"), pool);
    CompletableFuture<AbstractComponent> dep =
        CompletableFuture.supplyAsync(
            () -> {
              DEPConfiguration config = new DEPConfiguration("root");
              config.setBeamSize(1);
              return NLPUtils.getDEPParser(EN, "general-en-dep.xz", config);
            },
            pool);
    CompletableFuture<AbstractComponent> srl =
        CompletableFuture.supplyAsync(
            () -> NLPUtils.getSRLabeler(EN, "general-en-srl.xz", new SRLConfiguration(4, 3)), pool);
    AbstractComponent morph = NLPUtils.getMPAnalyzer(EN);
    ClearNlpParser parser = new ClearNlpParser(pos.join(), morph, dep.join(), srl.join());
    LOG.info(
        "ClearNLP models loaded in {} s ({} heap)",
        String.format("%.1f", (System.nanoTime() - started) / 1e9),
        pool instanceof ForkJoinPool ? "in parallel, large" : "one by one, small");
    return parser;
  }

  private static final long PARALLEL_LOAD_HEAP = 5L << 30;

  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(ClearNlpParser.class);

  /**
   * Tags and lemmatises now; parses and labels roles when the caller first reads the tree or the
   * roles (see {@link Parse#staged}): a sentence dropped on its lemmas costs the tagger only.
   */
  @Override
  public Parse parse(List<String> words) {
    List<String> cut = words.size() > MAX_WORDS ? words.subList(0, MAX_WORDS) : words;
    int n = cut.size();
    DEPTree tree = new DEPTree(cut);
    tagger.process(tree);
    lemmatiser.process(tree);
    String[] forms = new String[n];
    String[] lemmas = new String[n];
    String[] tags = new String[n];
    for (int i = 0; i < n; i++) {
      DEPNode node = tree.get(i + 1);
      forms[i] = node.getWordForm();
      lemmas[i] = node.getLemma();
      tags[i] = node.getPOSTag();
    }
    return Parse.staged(forms, lemmas, tags, () -> tree(tree, n), () -> roles(tree, n));
  }

  private Parse.Tree tree(DEPTree tree, int n) {
    parser.process(tree);
    int[] heads = new int[n];
    String[] labels = new String[n];
    for (int i = 0; i < n; i++) {
      DEPNode node = tree.get(i + 1);
      DEPNode head = node.getHead();
      heads[i] = head == null ? -1 : head.getID() - 1;
      labels[i] = node.getLabel() == null ? "" : node.getLabel();
    }
    return new Parse.Tree(heads, labels);
  }

  private List<Parse.Role> roles(DEPTree tree, int n) {
    labeller.process(tree);
    List<Parse.Role> roles = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      for (SRLArc arc : tree.get(i + 1).getSemanticHeadArcList()) {
        roles.add(new Parse.Role(arc.getNode().getID() - 1, i, arc.getLabel()));
      }
    }
    return roles;
  }
}
