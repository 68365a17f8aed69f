package dev.rpmoverlay.upstream;

import com.google.common.escape.Escaper;
import com.google.common.net.UrlEscapers;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.text.StringSubstitutor;

/**
 * Expands a distro's {@code dist-git-base-uri} and {@code lookaside-base-uri} templates
 * (azldev-semantics.md 1.5): {@code $pkg}, {@code $filename}, {@code $hashtype} (lower-cased) and
 * {@code $hash}, each URL path-escaped. A value that itself contains a placeholder is rejected as an
 * ambiguous substitution, as azldev does.
 */
public final class DistGitTemplates {

  // Longest names first, so "$hashtype" is never read as "$hash" followed by "type".
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$(hashtype|filename|hash|pkg)");
  private static final Escaper PATH_SEGMENT = UrlEscapers.urlPathSegmentEscaper();

  private DistGitTemplates() {}

  /** The dist-git repository URL of {@code upstreamName}. */
  public static String repoUrl(String template, String upstreamName) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("pkg", upstreamName);
    return checkedUri("dist-git-base-uri", expand(template, values));
  }

  /** The lookaside URL of one {@code sources} entry. */
  public static String lookasideUrl(String template, String upstreamName, String filename, String hashType, String hash) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("pkg", upstreamName);
    values.put("filename", filename);
    values.put("hashtype", hashType.toLowerCase(Locale.ROOT));
    values.put("hash", hash);
    return checkedUri("lookaside-base-uri", expand(template, values));
  }

  private static String expand(String template, Map<String, String> raw) {
    Map<String, String> escaped = new LinkedHashMap<>();
    raw.forEach((name, value) -> {
      if (PLACEHOLDER.matcher(value).find()) {
        throw new UpstreamException("ambiguous substitution: the value '" + value + "' for $" + name
            + " itself contains a placeholder");
      }
      escaped.put(name, PATH_SEGMENT.escape(value));
    });
    // The config uses "$name"; StringSubstitutor wants "${name}". Literal "${" is escaped first.
    String braced = template.replace("${", "$${");
    Matcher m = PLACEHOLDER.matcher(braced);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, Matcher.quoteReplacement("${" + m.group(1) + "}"));
    }
    m.appendTail(sb);
    StringSubstitutor sub = new StringSubstitutor(escaped);
    sub.setDisableSubstitutionInValues(true);
    return sub.replace(sb.toString());
  }

  private static String checkedUri(String key, String value) {
    try {
      URI uri = new URI(value);
      boolean hostless = "file".equalsIgnoreCase(uri.getScheme());
      if (uri.getScheme() == null || (!hostless && (uri.getHost() == null || uri.getHost().isEmpty()))) {
        throw new UpstreamException(key + " expands to '" + value + "', which is not a URL with a scheme and a host");
      }
      return value;
    } catch (URISyntaxException e) {
      throw new UpstreamException(key + " expands to '" + value + "', which is not a valid URL: " + e.getReason());
    }
  }
}
