package dev.lede;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lede.model.ArticleJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exclusive lock on a data folder: an operating-system lock on {@code lede.lock}, whose content
 * records the holder (pid, host, command, start time) for the error message a second process gets.
 *
 * <p>The OS releases the lock when its process dies, however it dies, so a stale lock cannot block
 * anyone: a newcomer finds the file still describing a dead holder, takes the lock and overwrites
 * the description (logging that it reclaimed it). The file itself is never deleted — deleting it
 * while another process waits on it would let two processes lock two different files.
 */
final class DataLock implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DataLock.class);
  static final String FILE = "lede.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private DataLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  static DataLock acquire(Path dataDir, String command, Instant now) {
    Path file = dataDir.resolve(FILE);
    FileChannel ch;
    try {
      Files.createDirectories(dataDir);
      ch =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot open the lock file " + file + ": " + e.getMessage(), e);
    }
    try {
      FileLock l;
      try {
        l = ch.tryLock();
      } catch (OverlappingFileLockException e) {
        String holder = describe(read(ch)) + " (in this very process)";
        ch.close();
        throw new DataFolderInUseException(dataDir, holder);
      }
      if (l == null) {
        String holder = describe(read(ch));
        ch.close();
        throw new DataFolderInUseException(dataDir, holder);
      }
      String previous = read(ch);
      if (!previous.isBlank()) {
        LOG.info("reclaimed the lock of {}, which is no longer running", describe(previous));
      }
      write(ch, holderJson(command, now));
      return new DataLock(ch, l);
    } catch (IOException e) {
      try {
        ch.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw new UncheckedIOException("cannot lock " + file + ": " + e.getMessage(), e);
    }
  }

  private static String holderJson(String command, Instant now) {
    ObjectNode o = ArticleJson.mapper().createObjectNode();
    o.put("pid", ProcessHandle.current().pid());
    o.put("host", hostName());
    o.put("command", command);
    o.put("started", now.toString());
    return o.toString();
  }

  /** "pid 123 on host h (lede serve, since 2026-…)" from the recorded JSON. */
  static String describe(String json) {
    if (json.isBlank()) {
      return "another process (which has not recorded itself yet)";
    }
    try {
      JsonNode n = ArticleJson.mapper().readTree(json);
      return "pid "
          + n.path("pid").asText("?")
          + " on host "
          + n.path("host").asText("?")
          + " ("
          + n.path("command").asText("?")
          + ", since "
          + n.path("started").asText("?")
          + ")";
    } catch (IOException e) {
      return "another process (lock file: " + json.strip() + ")";
    }
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      String env = System.getenv("HOSTNAME");
      return env == null || env.isBlank() ? "unknown" : env;
    }
  }

  private static String read(FileChannel ch) throws IOException {
    long size = Math.min(ch.size(), 64 * 1024);
    ByteBuffer buf = ByteBuffer.allocate((int) size);
    ch.read(buf, 0);
    return new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
  }

  private static void write(FileChannel ch, String text) throws IOException {
    ch.truncate(0);
    ByteBuffer buf = ByteBuffer.wrap((text + "\n").getBytes(StandardCharsets.UTF_8));
    while (buf.hasRemaining()) {
      ch.write(buf, ch.size());
    }
    ch.force(true);
  }

  @Override
  public void close() {
    try {
      channel.truncate(0); // a clean exit leaves no description behind
      lock.release();
      channel.close();
    } catch (IOException e) {
      LOG.warn("releasing the data folder lock failed: {}", e.getMessage());
    }
  }
}
