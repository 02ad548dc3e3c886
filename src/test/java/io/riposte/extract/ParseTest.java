package io.riposte.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A staged parse computes its tree and roles once, when first read, the tree first. */
class ParseTest {

  private final List<String> calls = new ArrayList<>();

  private Parse staged() {
    return Parse.staged(
        new String[] {"Iran", "denied", "it"},
        new String[] {"iran", "deny", "it"},
        new String[] {"NNP", "VBD", "PRP"},
        () -> {
          calls.add("tree");
          return new Parse.Tree(new int[] {1, -1, 1}, new String[] {"nsubj", "root", "dobj"});
        },
        () -> {
          calls.add("roles");
          return List.of(new Parse.Role(1, 0, "A0"), new Parse.Role(1, 2, "A1"));
        });
  }

  @Test
  void wordsAndTagsComputeNeitherTreeNorRoles() {
    Parse p = staged();

    assertThat(p.lemmas()).containsExactly("iran", "deny", "it");
    assertThat(p.tags()[1]).isEqualTo("VBD");
    assertThat(p.size()).isEqualTo(3);

    assertThat(calls).isEmpty();
    assertThat(p.treeRead()).isFalse();
  }

  @Test
  void theTreeIsComputedOnceAndWithoutTheRoles() {
    Parse p = staged();

    assertThat(p.dependent(1, "nsubj")).isZero();
    assertThat(p.dependents(1)).containsExactly(0, 2);
    assertThat(p.under(2, 1)).isTrue();

    assertThat(calls).containsExactly("tree");
    assertThat(p.rolesRead()).isFalse();
  }

  @Test
  void rolesComeAfterTheTreeAndOnce() {
    Parse p = staged();

    assertThat(p.rolesOf(1)).extracting(Parse.Role::label).containsExactly("A0", "A1");
    assertThat(p.rolesOf(0)).isEmpty();
    assertThat(p.heads()).containsExactly(1, -1, 1);

    assertThat(calls).containsExactly("tree", "roles");
  }

  @Test
  void aParseGivenWholeComputesNothing() {
    Parse p =
        new Parse(
            new String[] {"Iran"},
            new String[] {"iran"},
            new String[] {"NNP"},
            new int[] {-1},
            new String[] {"root"},
            List.of());

    assertThat(p.treeRead()).isTrue();
    assertThat(p.rolesRead()).isTrue();
    assertThat(p.roles()).isEmpty();
  }
}
