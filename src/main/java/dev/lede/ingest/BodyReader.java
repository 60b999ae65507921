package dev.lede.ingest;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;
import org.jspecify.annotations.Nullable;

/**
 * Reads a body under limits, decoding gzip and deflate itself.
 *
 * <p>Two limits apply while streaming, never after the fact: the bytes on the wire and the decoded
 * bytes may each not exceed {@code maxBytes}; and beyond the first {@link #RATIO_GRACE} decoded
 * bytes, decoded/wire may not exceed {@code maxRatio}. Ordinary HTML and XML compress 5–15×, so a
 * ratio of 100 refuses only bombs (a gzip of zeros expands about 1000×) while they are still small.
 * "deflate" is read as zlib-wrapped (RFC 9110) or, as some servers send it, raw.
 */
final class BodyReader {
  /** Decoded bytes allowed before the ratio check starts (small bodies compress unevenly). */
  static final int RATIO_GRACE = 1 << 20;

  private final long maxBytes;
  private final int maxRatio;

  BodyReader(long maxBytes, int maxRatio) {
    this.maxBytes = maxBytes;
    this.maxRatio = maxRatio;
  }

  /**
   * Reads and decodes a whole body.
   *
   * @param wire the body as received
   * @param contentEncoding the Content-Encoding header, or null
   * @param truncateAt when positive, stop quietly after this many decoded bytes instead of failing
   *     at the limit (robots.txt is read up to 500 KiB and the rest ignored)
   * @param what the URL, for messages
   */
  byte[] read(InputStream wire, @Nullable String contentEncoding, long truncateAt, String what)
      throws FetchException, IOException {
    boolean truncate = truncateAt > 0;
    long limit = truncate ? Math.min(truncateAt, maxBytes) : maxBytes;
    Counting counted = new Counting(wire, truncate ? Long.MAX_VALUE : maxBytes, what);
    InputStream decoded = decoder(counted, contentEncoding, what);
    boolean compressed = decoded != counted;
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    byte[] buf = new byte[8192];
    try {
      int n;
      while ((n = decoded.read(buf)) >= 0) {
        long room = limit - out.size();
        if (n > room) {
          if (truncate) {
            out.write(buf, 0, (int) room);
            break;
          }
          throw new FetchException(
              FetchException.Kind.TOO_LARGE,
              "body of "
                  + what
                  + " exceeds "
                  + maxBytes
                  + " bytes"
                  + (compressed ? " decoded" : ""));
        }
        out.write(buf, 0, n);
        if (compressed && out.size() > RATIO_GRACE && out.size() > maxRatio * counted.count) {
          throw new FetchException(
              FetchException.Kind.DECOMPRESSION_BOMB,
              "body of "
                  + what
                  + " expands more than "
                  + maxRatio
                  + "x ("
                  + counted.count
                  + " compressed bytes gave "
                  + out.size()
                  + "): refused as a decompression bomb");
        }
      }
    } catch (ZipException e) {
      throw new FetchException(
          FetchException.Kind.BAD_ENCODING,
          "corrupt " + contentEncoding + " body from " + what + ": " + e.getMessage(),
          e);
    } catch (TooLarge e) {
      throw new FetchException(FetchException.Kind.TOO_LARGE, e.getMessage(), e);
    }
    return out.toByteArray();
  }

  /** Decodes bytes that are themselves a gzip file (a {@code sitemap.xml.gz}), under the limits. */
  byte[] gunzip(byte[] gz, String what) throws FetchException {
    try {
      return read(new java.io.ByteArrayInputStream(gz), "gzip", 0, what);
    } catch (IOException e) {
      throw new FetchException(
          FetchException.Kind.BAD_ENCODING, "cannot decompress " + what + ": " + e.getMessage(), e);
    }
  }

  private static InputStream decoder(Counting in, @Nullable String encoding, String what)
      throws FetchException, IOException {
    String e = encoding == null ? "" : encoding.strip().toLowerCase(Locale.ROOT);
    return switch (e) {
      case "", "identity" -> in;
      case "gzip", "x-gzip" -> {
        try {
          yield new GZIPInputStream(in, 8192);
        } catch (ZipException ex) {
          throw new FetchException(
              FetchException.Kind.BAD_ENCODING, "body of " + what + " is not valid gzip", ex);
        }
      }
      case "deflate" -> {
        PushbackInputStream p = new PushbackInputStream(in, 2);
        int b0 = p.read();
        int b1 = b0 < 0 ? -1 : p.read();
        if (b1 >= 0) {
          p.unread(b1);
        }
        if (b0 >= 0) {
          p.unread(b0);
        }
        boolean zlib = b0 >= 0 && b1 >= 0 && (b0 & 0x0f) == 8 && ((b0 << 8) | b1) % 31 == 0;
        yield new InflaterInputStream(p, new Inflater(!zlib), 8192);
      }
      default ->
          throw new FetchException(
              FetchException.Kind.BAD_ENCODING,
              "unsupported Content-Encoding '" + encoding + "' from " + what);
    };
  }

  /** The wire limit, counted as bytes are pulled (decoders read ahead a little). */
  private static final class Counting extends FilterInputStream {
    private final long limit;
    private final String what;
    long count;

    Counting(InputStream in, long limit, String what) {
      super(in);
      this.limit = limit;
      this.what = what;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        add(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        add(n);
      }
      return n;
    }

    private void add(int n) throws TooLarge {
      count += n;
      if (count > limit) {
        throw new TooLarge("body of " + what + " exceeds " + limit + " bytes on the wire");
      }
    }
  }

  /** Thrown from inside the stream stack, turned into a {@link FetchException} by the reader. */
  private static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge(String message) {
      super(message);
    }
  }
}
