package io.riposte.notebooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The notebooks without running them: every code cell compiles as Python 3 (IPython magics
 * blanked), they follow the conventions {@link Notebook} describes, and together they answer the
 * questions of issue #7. Their SQL runs in {@code NotebookQueriesIT}.
 */
class NotebooksTest {

  /** Queries every dialect must have: one per question the notebooks answer. */
  static final List<String> QUESTIONS =
      List.of(
          "dyads_by_month", // top accuser -> accused dyads over time
          "outlet_denial_share", // which outlets report the denial, which omit it
          "denial_speed", // time from accusation to denial
          "clusters_overview", // the clusters ...
          "cluster_representatives", // ... and their example sentences
          "claims_behind_count"); // drill-down from a count to its sentences

  @Test
  void everyCodeCellCompilesAsPython() throws Exception {
    List<String[]> cells = new ArrayList<>();
    for (Notebook nb : Notebook.all()) {
      for (Notebook.Cell c : nb.cells()) {
        cells.add(new String[] {nb.name() + " cell " + c.index(), withoutMagics(c.source())});
      }
    }
    assertThat(cells).as("code cells").hasSizeGreaterThan(20);
    assertThat(compileErrors(cells)).as("Python syntax errors").isEmpty();
  }

  @Test
  void theCompileCheckReportsASyntaxError() throws Exception {
    // Guards the check above against passing vacuously (e.g. python3 not actually compiling).
    List<String> errors =
        compileErrors(
            List.of(
                new String[] {"good", withoutMagics("%matplotlib inline\nx = 1\n!ls\n")},
                new String[] {"bad", "def f(:\n    pass\n"}));
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0)).startsWith("bad: ");
  }

  @Test
  void notebooksFollowTheConventions() {
    List<Notebook> all = Notebook.all();
    assertThat(all).as("notebooks").hasSizeGreaterThanOrEqualTo(6);
    assertThat(Notebook.folder().resolve("README.md")).exists();
    for (Notebook nb : all) {
      assertThat(nb.engine()).as(nb.name() + " metadata riposte.sql").isIn("duckdb", "spark");
      Notebook.Cell first = nb.cells().get(0);
      assertThat(first.tags()).as(nb.name() + ": first code cell tags").contains("parameters");
      assertThat(first.source())
          .as(nb.name() + ": parameter cell")
          .contains("OUTPUT = \"../out/sample\"");
      nb.json()
          .path("cells")
          .forEach(
              c -> {
                assertThat(c.path("outputs").size()).as(nb.name() + ": stored outputs").isZero();
                assertThat(
                        c.path("execution_count").isNull()
                            || c.path("execution_count").isMissingNode())
                    .as(nb.name() + ": execution count stored")
                    .isTrue();
              });
      assertThat(nb.untaggedSql()).as(nb.name() + ": SQL without a '-- query:' line").isEmpty();
      assertThat(nb.queries()).as(nb.name() + ": queries").isNotEmpty();
      Set<String> seen = new HashSet<>();
      for (Notebook.Query q : nb.queries()) {
        assertThat(seen.add(q.name())).as(q.id() + " is named once").isTrue();
        if (q.paramsFrom() != null) {
          assertThat(seen)
              .as(q.id() + " takes parameters from an earlier query")
              .contains(q.paramsFrom());
          assertThat(q.sql().chars().filter(ch -> ch == '?').count())
              .as(q.id() + ": one ? per parameter column")
              .isEqualTo(q.paramColumns().size());
        } else {
          assertThat(q.sql()).as(q.id() + " has ? but no '-- params:'").doesNotContain("?");
        }
        if (q.expectRowsFrom() != null) {
          assertThat(q.expectRowsFrom()).as(q.id()).isEqualTo(q.paramsFrom());
        }
      }
      if (nb.engine().equals("duckdb")) {
        assertThat(nb.setups().keySet())
            .as(nb.name() + ": view templates")
            .containsExactly("view", "partitioned_view");
      }
    }
    for (String engine : List.of("duckdb", "spark")) {
      List<String> names =
          all.stream()
              .filter(nb -> nb.engine().equals(engine))
              .flatMap(nb -> nb.queries().stream())
              .map(Notebook.Query::name)
              .toList();
      assertThat(names).as(engine + " queries").containsAll(QUESTIONS);
    }
  }

  /** IPython line magics and shell escapes are not Python: they become {@code pass}. */
  static String withoutMagics(String source) {
    return source.replaceAll("(?m)^(\\s*)[%!].*$", "$1pass");
  }

  /** Compiles each (name, source) with python3; returns "name: error" for each that fails. */
  static List<String> compileErrors(List<String[]> cells) throws Exception {
    String script =
        String.join(
            "\n",
            "import json, sys",
            "errors = []",
            "for name, source in json.load(sys.stdin):",
            "    try:",
            "        compile(source, name, 'exec')",
            "    except SyntaxError as e:",
            "        errors.append(f'{name}: line {e.lineno}: {e.msg}')",
            "print(json.dumps(errors))");
    Process p = new ProcessBuilder("python3", "-c", script).redirectErrorStream(false).start();
    try (var in = p.getOutputStream()) {
      in.write(new ObjectMapper().writeValueAsBytes(cells));
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("python3 finished").isTrue();
    assertThat(p.exitValue()).as("python3 exit code; stderr: " + err).isZero();
    List<String> errors = new ArrayList<>();
    new ObjectMapper().readTree(out).forEach(e -> errors.add(e.asText()));
    return errors;
  }
}
