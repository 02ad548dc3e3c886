package io.riposte.ingest;

import java.io.Serializable;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps the labels and URL hosts an outlet appears under to one {@code outlet_key}, from {@code
 * data/outlets.tsv} ({@code outlet_key, name, aliases, domains}). Unknown outlets pass through with
 * a key made from their normalised label.
 */
public final class Outlets implements Serializable {

  private static final long serialVersionUID = 1L;

  /** A resolved outlet: the label to show and the key to group by (both null when unknown). */
  public record Outlet(String label, String key) {}

  private final Map<String, String> keyByAlias;
  private final Map<String, String> keyByDomain;
  private final Map<String, String> nameByKey;

  private Outlets(
      Map<String, String> keyByAlias,
      Map<String, String> keyByDomain,
      Map<String, String> nameByKey) {
    this.keyByAlias = Map.copyOf(keyByAlias);
    this.keyByDomain = Map.copyOf(keyByDomain);
    this.nameByKey = Map.copyOf(nameByKey);
  }

  /** Parses the reference file's lines (header first). Fails on a malformed row. */
  public static Outlets parse(List<String> lines) {
    Map<String, String> byAlias = new HashMap<>();
    Map<String, String> byDomain = new HashMap<>();
    Map<String, String> names = new HashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t", -1);
      if (f.length != 4 || f[0].isBlank()) {
        throw new IllegalArgumentException(
            "outlets.tsv: expected outlet_key, name, aliases, domains; got: " + line);
      }
      String key = f[0].strip();
      names.put(key, f[1].strip());
      byAlias.put(labelKey(f[1]), key);
      for (String alias : f[2].split("\\|")) {
        if (!alias.isBlank()) {
          byAlias.put(labelKey(alias), key);
        }
      }
      for (String domain : f[3].split("\\|")) {
        if (!domain.isBlank()) {
          byDomain.put(host(domain), key);
        }
      }
    }
    return new Outlets(byAlias, byDomain, names);
  }

  /**
   * Resolves an outlet from the record's label and URL. The label wins when it is known; then the
   * URL's host (or the label itself when it is a host name); else the label passes through.
   */
  public Outlet resolve(String label, String url) {
    String cleanLabel = label == null ? "" : label.strip();
    if (!cleanLabel.isEmpty()) {
      String key = keyByAlias.get(labelKey(cleanLabel));
      if (key == null && cleanLabel.indexOf('.') > 0 && cleanLabel.indexOf(' ') < 0) {
        key = domainKey(host(cleanLabel));
      }
      if (key != null) {
        return new Outlet(cleanLabel, key);
      }
    }
    String urlHost = hostOfUrl(url);
    if (urlHost != null) {
      String key = domainKey(urlHost);
      if (key != null) {
        return new Outlet(cleanLabel.isEmpty() ? nameByKey.get(key) : cleanLabel, key);
      }
    }
    if (!cleanLabel.isEmpty()) {
      return new Outlet(cleanLabel, slug(cleanLabel));
    }
    return urlHost == null ? new Outlet(null, null) : new Outlet(urlHost, slug(urlHost));
  }

  /** The canonical name of a known key, or null. */
  public String name(String key) {
    return nameByKey.get(key);
  }

  /** The key of a host or of its nearest parent domain in the reference file. */
  private String domainKey(String host) {
    String h = host;
    while (h != null) {
      String key = keyByDomain.get(h);
      if (key != null) {
        return key;
      }
      int dot = h.indexOf('.');
      h = dot > 0 && h.indexOf('.', dot + 1) > 0 ? h.substring(dot + 1) : null;
    }
    return null;
  }

  static String hostOfUrl(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    try {
      String u = url.strip();
      URI uri = new URI(u.contains("://") ? u : "http://" + u);
      return uri.getHost() == null ? null : host(uri.getHost());
    } catch (Exception e) {
      return null;
    }
  }

  static String host(String domain) {
    String h = domain.strip().toLowerCase(Locale.ROOT);
    return h.startsWith("www.") ? h.substring(4) : h;
  }

  /** Lower case, letters and digits only, single spaces: "Fox News!" and "fox news" agree. */
  static String labelKey(String label) {
    StringBuilder out = new StringBuilder();
    boolean gap = false;
    for (int i = 0; i < label.length(); i++) {
      char c = Character.toLowerCase(label.charAt(i));
      if (Character.isLetterOrDigit(c)) {
        if (gap && out.length() > 0) {
          out.append(' ');
        }
        gap = false;
        out.append(c);
      } else {
        gap = true;
      }
    }
    return out.toString();
  }

  /** A key for an unknown outlet: its label key with dashes, e.g. "guest-writer-right". */
  static String slug(String label) {
    return labelKey(label).replace(' ', '-');
  }
}
