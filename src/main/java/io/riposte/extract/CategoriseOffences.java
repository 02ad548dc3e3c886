package io.riposte.extract;

import io.riposte.extract.offence.OffenceCategoriser;
import io.riposte.extract.offence.OffenceCategoriser.Categorised;
import io.riposte.extract.offence.OffenceCategoriser.ClaimText;
import io.riposte.io.Tables;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/**
 * Extracted claims to the claims table: each claim's offence phrase cut to the noun phrase of what
 * is alleged, and its {@code offence_category}, by the plain-Java {@link OffenceCategoriser}.
 *
 * <p>Applied right after extraction, apart from the extractor, so that any extractor emitting
 * {@link Tables#EXTRACTED_CLAIMS} gets categories. The claims are grouped by article (a shuffle of
 * the claims, not of the articles) because a denial may take the category of the accusation it
 * answers and an uncategorised claim that of its article.
 */
public final class CategoriseOffences {

  private CategoriseOffences() {}

  /** {@code extracted} has the columns of {@link Tables#EXTRACTED_CLAIMS}, in any order. */
  public static Dataset<Row> apply(Dataset<Row> extracted, OffenceCategoriser categoriser) {
    StructType in = extracted.schema();
    StructType out = Tables.CLAIMS.schema();
    int[] from = new int[out.size()];
    for (int i = 0; i < out.size(); i++) {
      String name = out.fields()[i].name();
      from[i] = name.equals(Tables.OFFENCE_CATEGORY) ? -1 : in.fieldIndex(name);
    }
    int offence = out.fieldIndex("offence");
    int category = out.fieldIndex(Tables.OFFENCE_CATEGORY);
    int claimId = in.fieldIndex("claim_id");
    int kind = in.fieldIndex("kind");
    int offenceIn = in.fieldIndex("offence");
    int sentence = in.fieldIndex("sentence");
    int denies = in.fieldIndex("denies_claim_id");
    int article = in.fieldIndex("article_id");
    FlatMapGroupsFunction<String, Row, Row> categorise =
        (key, rows) -> {
          List<Row> claims = new ArrayList<>();
          rows.forEachRemaining(claims::add);
          List<ClaimText> texts = new ArrayList<>(claims.size());
          for (Row r : claims) {
            texts.add(
                new ClaimText(
                    r.getString(claimId),
                    r.getString(kind),
                    r.getString(offenceIn),
                    r.getString(sentence),
                    r.getString(denies)));
          }
          List<Categorised> result = categoriser.categorise(texts);
          List<Row> rowsOut = new ArrayList<>(claims.size());
          for (int c = 0; c < claims.size(); c++) {
            Object[] values = new Object[from.length];
            for (int i = 0; i < from.length; i++) {
              values[i] = from[i] < 0 ? null : claims.get(c).get(from[i]);
            }
            values[offence] = result.get(c).offence();
            values[category] = result.get(c).categoryKey();
            rowsOut.add(RowFactory.create(values));
          }
          return rowsOut.iterator();
        };
    return extracted
        .groupByKey((MapFunction<Row, String>) r -> r.getString(article), Encoders.STRING())
        .flatMapGroups(categorise, Encoders.row(out));
  }
}
