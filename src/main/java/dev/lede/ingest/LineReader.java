package dev.lede.ingest;

import java.io.IOException;
import java.io.Reader;
import org.jspecify.annotations.Nullable;

/**
 * Lines of a text stream with a length limit: a line longer than the limit is skipped to its end
 * and reported as {@link #TOO_LONG}, so one huge line cannot exhaust memory. Accepts \n, \r\n and
 * \r endings.
 */
final class LineReader implements AutoCloseable {
  /** Returned in place of a line longer than the limit. */
  static final String TOO_LONG = "\u0000too long\u0000";

  private final Reader in;
  private final int maxChars;
  private final char[] buf = new char[1 << 16];
  private int pos;
  private int len;
  private boolean skipLf;

  LineReader(Reader in, int maxChars) {
    this.in = in;
    this.maxChars = maxChars;
  }

  /** The next line without its ending, {@link #TOO_LONG}, or null at the end. */
  @Nullable String next() throws IOException {
    StringBuilder sb = new StringBuilder();
    boolean tooLong = false;
    boolean any = false;
    while (true) {
      if (pos == len) {
        len = in.read(buf);
        pos = 0;
        if (len <= 0) {
          len = 0;
          if (!any) {
            return null;
          }
          return tooLong ? TOO_LONG : sb.toString();
        }
      }
      char c = buf[pos++];
      if (skipLf) {
        skipLf = false;
        if (c == '\n') {
          continue;
        }
      }
      any = true;
      if (c == '\n' || c == '\r') {
        skipLf = c == '\r';
        return tooLong ? TOO_LONG : sb.toString();
      }
      if (!tooLong) {
        if (sb.length() >= maxChars) {
          tooLong = true;
          sb = new StringBuilder();
        } else {
          sb.append(c);
        }
      }
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
