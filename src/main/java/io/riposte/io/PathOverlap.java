package io.riposte.io;

import java.net.URI;
import java.nio.file.Paths;
import java.util.List;

/**
 * Whether an output root overlaps an input: the same folder, or one inside the other. Plain string
 * logic on normalised URIs (a path without a scheme is a local path, made absolute), so it needs no
 * file system; a glob's fixed prefix (before the first {@code * ? [ {}) stands for the glob.
 */
public final class PathOverlap {

  private PathOverlap() {}

  /**
   * @throws IllegalArgumentException naming both paths when {@code output} overlaps an input
   */
  public static void check(List<String> inputs, String output) {
    String out = normalise(output);
    for (String input : inputs) {
      String in = normalise(globPrefix(input));
      if (out.equals(in) || out.startsWith(in + "/") || in.startsWith(out + "/")) {
        throw new IllegalArgumentException(
            "--output: '"
                + output
                + "' overlaps --input '"
                + input
                + "' (the same folder, or one inside the other); the output's tables would be"
                + " read as input or the input replaced. Choose an --output outside the inputs");
      }
    }
  }

  private static String globPrefix(String path) {
    int cut = path.length();
    for (char c : new char[] {'*', '?', '[', '{'}) {
      int i = path.indexOf(c);
      if (i >= 0) {
        cut = Math.min(cut, i);
      }
    }
    String prefix = path.substring(0, cut);
    int slash = prefix.lastIndexOf('/');
    return cut == path.length() ? path : slash > 0 ? prefix.substring(0, slash) : prefix;
  }

  static String normalise(String path) {
    URI uri = URI.create(path.replace(" ", "%20")).normalize();
    String scheme = uri.getScheme();
    String p;
    if (scheme == null || scheme.equals("file")) {
      p = "file://" + Paths.get(uri.getPath()).toAbsolutePath().normalize();
    } else {
      p = scheme + "://" + (uri.getAuthority() == null ? "" : uri.getAuthority()) + uri.getPath();
    }
    while (p.endsWith("/") && !p.endsWith("://")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }
}
