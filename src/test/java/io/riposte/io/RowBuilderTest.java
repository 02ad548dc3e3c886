package io.riposte.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class RowBuilderTest {

  static final StructType SCHEMA =
      new StructType()
          .add("article_id", DataTypes.StringType)
          .add("kind", DataTypes.StringType)
          .add("confidence", DataTypes.DoubleType);

  @Test
  void valuesGoToTheirColumnsWhateverTheOrderTheyAreSetIn() {
    Row row =
        Tables.row(SCHEMA).set("confidence", 0.8).set("article_id", "a1").set("kind", null).build();
    assertThat(row.toSeq().toList().mkString("|")).isEqualTo("a1|null|0.8");
    assertThat(row.<Double>getAs("confidence")).as("read back by name").isEqualTo(0.8);
  }

  @Test
  void anUnknownColumnFailsNamingTheDeclaredOnes() {
    assertThatThrownBy(() -> Tables.row(SCHEMA).set("confidance", 0.8))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown column 'confidance', expected one of [article_id, kind, confidence]");
  }

  @Test
  void aColumnLeftUnsetFailsTheBuild() {
    // A null value must be set explicitly: a forgotten column is an error, not a null.
    assertThatThrownBy(() -> Tables.row(SCHEMA).set("article_id", "a1").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("columns left unset: [kind, confidence]");
  }
}
