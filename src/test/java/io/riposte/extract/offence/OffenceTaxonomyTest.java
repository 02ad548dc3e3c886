package io.riposte.extract.offence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.riposte.io.ReferenceFiles;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OffenceTaxonomyTest {

  static final ReferenceFiles DATA = ReferenceFiles.bundled();
  static final OffenceTaxonomy TAXONOMY = OffenceTaxonomy.load(DATA::lines);

  @ParameterizedTest(name = "''{0}'' -> {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "NULL",
      value = {
        "wannacry cyberattack | CYBERATTACK",
        "hacking the party's email servers | CYBERATTACK",
        "sarin gas attack on the suburbs | CHEMICAL_WEAPONS",
        // Overlap: the category listed first wins over the longer war-crimes term.
        "chemical attack on civilians | CHEMICAL_WEAPONS",
        "deliberately targeting civilians in the market | WAR_CRIMES",
        "killing hundreds of civilians | WAR_CRIMES",
        "meddling in the presidential election | ELECTION_INTERFERENCE",
        // "election fraud" is election interference, not fraud.
        "election fraud | ELECTION_INTERFERENCE",
        "securities fraud | FRAUD",
        "taking bribes from a contractor | CORRUPTION",
        "sexual harassment of staff | SEXUAL_MISCONDUCT",
        "racist remarks | RACISM",
        "lying to congress | LYING",
        "obstruction of justice | OBSTRUCTION",
        "abuse of power | ABUSE_OF_POWER",
        "violating the ceasefire | TREATY_VIOLATION",
        "air strikes on the airbase | MILITARY_ATTACK",
        "leaking classified documents | LEAKING",
        "spying for a foreign government | ESPIONAGE",
        "torture of detainees | HUMAN_RIGHTS_ABUSE",
        "suicide bombing | TERRORISM",
        "murder of a journalist | VIOLENCE",
        "mishandling of the outbreak | NEGLIGENCE",
        "smuggling weapons | TRAFFICKING",
        "illegal campaign contributions | CAMPAIGN_FINANCE",
        "tax plan | NULL",
        // "foreign affairs" is no affair.
        "statement by the ministry of foreign affairs | NULL"
      })
  void classifiesGeneralNewsWording(String text, String expected) {
    assertThat(TAXONOMY.classify(text))
        .as("%s, matches %s", text, TAXONOMY.resolved(text))
        .isEqualTo(expected == null ? null : OffenceCategory.valueOf(expected));
  }

  @Test
  void moreMatchesWinThenTheCategoryListedFirst() {
    assertThat(TAXONOMY.classify("bribery, kickbacks and one count of fraud"))
        .isEqualTo(OffenceCategory.CORRUPTION);
    assertThat(TAXONOMY.classify("fraud and bribery")).isEqualTo(OffenceCategory.CORRUPTION);
    assertThat(TAXONOMY.classify("fraud, theft and bribery")).isEqualTo(OffenceCategory.FRAUD);
  }

  @Test
  void everyCategoryHasADescriptionAndTheFileCodes() {
    for (OffenceCategory c : OffenceCategory.values()) {
      assertThat(TAXONOMY.entry(c).description()).as(c.name()).isNotBlank();
    }
    assertThat(OffenceCategory.ABUSE_OF_POWER.label()).isEqualTo("abuse of power");
    assertThat(TAXONOMY.entry(OffenceCategory.CHEMICAL_WEAPONS).cameo()).isEqualTo("2041");
    assertThat(TAXONOMY.entry(OffenceCategory.CYBERATTACK).cameo()).isNull();
    assertThat(OffenceCategory.values()).hasSizeBetween(15, 25);
  }

  @Test
  void unknownCategoryFailsNamingFileAndLine() {
    List<String> terms = new ArrayList<>(DATA.lines(OffenceTaxonomy.TERMS_FILE));
    terms.add("ARSON\tarson|set fire");
    assertThatThrownBy(
            () -> OffenceTaxonomy.parse(DATA.lines(OffenceTaxonomy.CATEGORIES_FILE), terms))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("offences/terms.tsv")
        .hasMessageContaining("unknown category 'ARSON'")
        .hasMessageContaining("ARSON\tarson|set fire");
  }

  @Test
  void aTermUnderTwoCategoriesFails() {
    List<String> terms = new ArrayList<>(DATA.lines(OffenceTaxonomy.TERMS_FILE));
    terms.add("FRAUD\tbrib*");
    assertThatThrownBy(
            () -> OffenceTaxonomy.parse(DATA.lines(OffenceTaxonomy.CATEGORIES_FILE), terms))
        .hasMessageContaining("term 'brib*' is already listed under CORRUPTION");
  }

  @Test
  void categoriesOutOfTheEnumOrderFail() {
    List<String> categories = new ArrayList<>(DATA.lines(OffenceTaxonomy.CATEGORIES_FILE));
    String first = categories.remove(1);
    categories.add(first);
    assertThatThrownBy(
            () -> OffenceTaxonomy.parse(categories, DATA.lines(OffenceTaxonomy.TERMS_FILE)))
        .hasMessageContaining("offences/categories.tsv")
        .hasMessageContaining("expected CHEMICAL_WEAPONS");
  }
}
