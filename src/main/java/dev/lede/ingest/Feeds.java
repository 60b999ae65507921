package dev.lede.ingest;

import java.net.URI;
import org.jspecify.annotations.Nullable;

/** The feed parser ingest uses: JSON Feed when the document is JSON, ROME otherwise. */
final class Feeds implements FeedParser {
  private final FeedParser xml = new RomeFeedParser();
  private final FeedParser json = new JsonFeedParser();

  @Override
  public Feed parse(byte[] body, @Nullable String charset, URI base) throws BadContentException {
    return isJson(body) ? json.parse(body, charset, base) : xml.parse(body, charset, base);
  }

  /** True when the first significant character is '{' (after a BOM and whitespace). */
  static boolean isJson(byte[] b) {
    int i = 0;
    if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
      i = 3;
    }
    while (i < b.length && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t')) {
      i++;
    }
    return i < b.length && b[i] == '{';
  }
}
