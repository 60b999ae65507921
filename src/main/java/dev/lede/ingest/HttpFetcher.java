package dev.lede.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.InstantSource;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * One HTTP request on Jetty's client, with Lede's guards; redirects are not followed here but
 * returned, so that {@link PoliteFetcher} checks robots.txt, politeness and the address of every
 * hop.
 *
 * <p>The client is configured so that nothing happens behind our back: our {@link GuardedResolver}
 * replaces name resolution; redirects, cookies and Jetty's own content decoding are off (we ask for
 * gzip/deflate and decode them in {@link BodyReader}, where the size and ratio limits live).
 * Timeouts: connect, idle (no bytes for {@code readTimeout}) and total per request.
 */
final class HttpFetcher implements AutoCloseable {
  private final HttpClient client;
  private final IngestOptions options;
  private final BodyReader bodies;
  private final InstantSource clock;

  HttpFetcher(
      IngestOptions options,
      HostResolver resolver,
      AddressPolicy policy,
      ClientConnector connector,
      InstantSource clock) {
    this.options = options;
    this.clock = clock;
    this.bodies = new BodyReader(options.maxBodyBytes(), options.maxDecompressionRatio());
    QueuedThreadPool pool = new QueuedThreadPool(16, 2);
    pool.setName("lede-http");
    pool.setDaemon(true);
    connector.setConnectTimeout(options.connectTimeout());
    client = new HttpClient(new HttpClientTransportOverHTTP(connector));
    client.setName("lede-http-client");
    client.setExecutor(pool);
    client.setSocketAddressResolver(new GuardedResolver(resolver, policy));
    client.setFollowRedirects(false);
    client.setConnectTimeout(options.connectTimeout().toMillis());
    client.setIdleTimeout(options.readTimeout().toMillis());
    client.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, options.userAgent()));
    client.setHttpCookieStore(new HttpCookieStore.Empty());
    client.setMaxConnectionsPerDestination(4);
    try {
      client.start();
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the HTTP client: " + e.getMessage(), e);
    }
    // Decoding is ours (BodyReader): Jetty must neither decode nor advertise encodings itself.
    client.getContentDecoderFactories().clear();
  }

  /** What one request came to: a final response or a redirect to follow. */
  sealed interface Hop {
    record Done(FetchResult result) implements Hop {}

    record Redirect(URI location, int status) implements Hop {}
  }

  /**
   * Sends one GET.
   *
   * @param truncateAt when positive, read at most this many bytes and stop quietly (robots.txt)
   */
  Hop fetchOnce(URI url, ContentKind kind, Validators validators, long truncateAt)
      throws FetchException {
    long start = clock.millis();
    Request req =
        client
            .newRequest(url)
            .followRedirects(false)
            .timeout(options.requestTimeout().toMillis(), TimeUnit.MILLISECONDS)
            .idleTimeout(options.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
            .headers(
                h -> {
                  h.put(HttpHeader.ACCEPT, kind.accept);
                  h.put(HttpHeader.ACCEPT_ENCODING, "gzip, deflate");
                  if (validators.etag() != null) {
                    h.put(HttpHeader.IF_NONE_MATCH, validators.etag());
                  }
                  if (validators.lastModified() != null) {
                    h.put(HttpHeader.IF_MODIFIED_SINCE, validators.lastModified());
                  }
                });
    InputStreamResponseListener listener = new InputStreamResponseListener();
    req.send(listener);
    Response resp;
    try {
      resp = listener.get(options.requestTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      var unused = req.abort(e);
      throw new FetchException(FetchException.Kind.INTERRUPTED, "interrupted fetching " + url, e);
    } catch (TimeoutException e) {
      var unused = req.abort(e);
      throw timeout(url, e);
    } catch (ExecutionException e) {
      throw classify(url, e.getCause() == null ? e : e.getCause());
    }
    try (InputStream in = listener.getInputStream()) {
      return read(url, kind, validators, truncateAt, resp, in, start);
    } catch (IOException e) {
      throw classify(url, e);
    }
  }

  private Hop read(
      URI url,
      ContentKind kind,
      Validators sent,
      long truncateAt,
      Response resp,
      InputStream in,
      long start)
      throws FetchException, IOException {
    int status = resp.getStatus();
    HttpFields h = resp.getHeaders();
    if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
      String loc = h.get(HttpHeader.LOCATION);
      if (loc == null || loc.isBlank()) {
        throw new FetchException(
            FetchException.Kind.HTTP_STATUS,
            "redirect " + status + " without Location from " + url);
      }
      return new Hop.Redirect(resolve(url, loc.strip()), status);
    }
    Validators got = new Validators(h.get(HttpHeader.ETAG), h.get(HttpHeader.LAST_MODIFIED));
    if (status == 304) {
      Validators keep =
          new Validators(
              got.etag() != null ? got.etag() : sent.etag(),
              got.lastModified() != null ? got.lastModified() : sent.lastModified());
      return new Hop.Done(
          new FetchResult(url, 304, null, null, new byte[0], keep, 0, clock.millis() - start, 0));
    }
    if (status < 200 || status >= 300 || status == 204) {
      throw FetchException.status(
          status, url.toString(), RetryAfter.parse(h.get(HttpHeader.RETRY_AFTER), clock.instant()));
    }
    FetchResult.ContentType ct = FetchResult.ContentType.parse(h.get(HttpHeader.CONTENT_TYPE));
    String refusal = kind.refusal(ct.mediaType());
    if (refusal != null) {
      throw new FetchException(FetchException.Kind.UNACCEPTABLE_TYPE, refusal + " (" + url + ")");
    }
    long declared = h.getLongField(HttpHeader.CONTENT_LENGTH);
    if (truncateAt <= 0 && declared > options.maxBodyBytes()) {
      throw new FetchException(
          FetchException.Kind.TOO_LARGE,
          "body of "
              + url
              + " declares "
              + declared
              + " bytes, over the limit of "
              + options.maxBodyBytes());
    }
    CountingStream counting = new CountingStream(in);
    byte[] body =
        bodies.read(counting, h.get(HttpHeader.CONTENT_ENCODING), truncateAt, url.toString());
    return new Hop.Done(
        new FetchResult(
            url,
            status,
            ct.mediaType(),
            ct.charset(),
            body,
            got,
            counting.count,
            clock.millis() - start,
            0));
  }

  /** Decodes bytes that are a gzip file, under the same limits as a response body. */
  byte[] gunzip(byte[] gz, String what) throws FetchException {
    return bodies.gunzip(gz, what);
  }

  static URI resolve(URI base, String location) throws FetchException {
    try {
      URI target = base.resolve(URI.create(location.replace(" ", "%20")));
      if (target.getHost() == null) {
        throw new IllegalArgumentException("no host");
      }
      return target;
    } catch (IllegalArgumentException e) {
      throw new FetchException(
          FetchException.Kind.BAD_URL, "bad redirect Location '" + location + "' from " + base, e);
    }
  }

  private FetchException timeout(URI url, Throwable cause) {
    return new FetchException(
        FetchException.Kind.TIMEOUT,
        "fetch of "
            + url
            + " timed out (read "
            + options.readTimeout().toMillis()
            + " ms, total "
            + options.requestTimeout().toMillis()
            + " ms)",
        cause);
  }

  /** Maps what Jetty or the socket threw to a failure kind with a readable message. */
  private FetchException classify(URI url, Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof FetchException fe) {
        return fe;
      }
      if (c instanceof BlockedAddressException) {
        return new FetchException(
            FetchException.Kind.BLOCKED_ADDRESS, "refused " + url + ": " + c.getMessage(), c);
      }
      if (c instanceof UnknownHostException) {
        return new FetchException(
            FetchException.Kind.UNKNOWN_HOST, "unknown host in " + url + ": " + c.getMessage(), c);
      }
      if (c instanceof SocketTimeoutException
          && String.valueOf(c.getMessage()).contains("onnect")) {
        return new FetchException(
            FetchException.Kind.CONNECT,
            "connect to " + url + " timed out after " + options.connectTimeout().toMillis() + " ms",
            c);
      }
      if (c instanceof TimeoutException || c instanceof SocketTimeoutException) {
        return timeout(url, c);
      }
      if (c instanceof ConnectException || c instanceof NoRouteToHostException) {
        return new FetchException(
            FetchException.Kind.CONNECT, "cannot connect to " + url + ": " + c.getMessage(), c);
      }
      if (c instanceof InterruptedException || c instanceof InterruptedIOException) {
        return new FetchException(FetchException.Kind.INTERRUPTED, "interrupted: " + url, c);
      }
    }
    return new FetchException(
        FetchException.Kind.IO, "fetch of " + url + " failed: " + describe(t), t);
  }

  private static String describe(Throwable t) {
    String m = t.getMessage();
    return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
  }

  @Override
  public void close() {
    try {
      client.stop();
    } catch (Exception e) {
      throw new IllegalStateException("cannot stop the HTTP client: " + e.getMessage(), e);
    }
  }

  /** Counts the bytes of the body as received. */
  private static final class CountingStream extends java.io.FilterInputStream {
    long count;

    CountingStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}
