package io.riposte.extract;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Prints the parse of each line of standard input (words split on spaces): a debugging aid. */
final class ParseDemo {
  public static void main(String[] args) throws Exception {
    long t = System.nanoTime();
    ClearNlpParser p = ClearNlpParser.get();
    System.err.printf("loaded in %.1f s%n", (System.nanoTime() - t) / 1e9);
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line; (line = in.readLine()) != null; ) {
      Parse parse = p.parse(Arrays.asList(line.trim().split("\\s+")));
      for (int i = 0; i < parse.size(); i++) {
        StringBuilder roles = new StringBuilder();
        for (Parse.Role r : parse.roles()) {
          if (r.argument() == i) {
            roles.append(' ').append(r.label()).append('<').append(r.predicate());
          }
        }
        System.out.printf(
            "%d %s %s %s %d %s%s%n",
            i,
            parse.forms()[i],
            parse.lemmas()[i],
            parse.tags()[i],
            parse.heads()[i],
            parse.labels()[i],
            roles);
      }
      System.out.println();
    }
  }
}
