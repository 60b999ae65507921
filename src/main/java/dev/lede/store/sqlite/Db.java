package dev.lede.store.sqlite;

import dev.lede.store.StoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * Connections to one SQLite file: a single writer (SQLite serialises writers anyway; holding one
 * connection behind a lock avoids busy retries) and a small pool of readers, which in WAL mode read
 * a committed snapshot concurrently with the writer.
 */
final class Db implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Db.class);

  /** Work done inside one transaction or one read. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private static final int READERS = 4;

  private final String url;
  private final SQLiteConfig readerConfig;
  private final Connection writer;
  private final ReentrantLock writeLock = new ReentrantLock();
  private final BlockingQueue<Connection> idleReaders = new ArrayBlockingQueue<>(READERS);
  private final List<Connection> allReaders = new ArrayList<>();
  private volatile boolean closed;

  Db(Path file, boolean fsyncEachCommit) {
    this.url = "jdbc:sqlite:" + file.toAbsolutePath();
    SQLiteConfig w = base();
    // FULL: every commit is fsynced, so an acknowledged article survives a power cut, not only a
    // process crash. NORMAL (in WAL mode) survives any process crash, and is faster.
    w.setSynchronous(
        fsyncEachCommit ? SQLiteConfig.SynchronousMode.FULL : SQLiteConfig.SynchronousMode.NORMAL);
    w.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    readerConfig = base();
    try {
      writer = w.createConnection(url);
    } catch (SQLException e) {
      throw new StoreException("cannot open the store " + file + ": " + e.getMessage(), e);
    }
  }

  private static SQLiteConfig base() {
    SQLiteConfig c = new SQLiteConfig();
    c.setJournalMode(SQLiteConfig.JournalMode.WAL);
    c.setBusyTimeout(10_000);
    c.setTempStore(SQLiteConfig.TempStore.MEMORY);
    c.setCacheSize(-32_000); // KiB: 32 MB of page cache per connection
    return c;
  }

  /** The writer connection in auto-commit mode, for set-up (migrations) only. */
  Connection setupConnection() {
    return writer;
  }

  /** Runs {@code work} in one write transaction and commits; rolls back on any failure. */
  <T> T write(String what, Work<T> work) {
    writeLock.lock();
    try {
      ensureOpen();
      writer.setAutoCommit(false);
      try {
        T result = work.run(writer);
        writer.commit();
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        rollbackQuietly(e);
        throw e;
      } finally {
        writer.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StoreException(what + " failed: " + e.getMessage(), e);
    } finally {
      writeLock.unlock();
    }
  }

  /** Runs {@code work} on a reader connection, in one read transaction (a consistent snapshot). */
  <T> T read(String what, Work<T> work) {
    Connection c = borrow();
    try {
      c.setAutoCommit(false);
      try {
        return work.run(c);
      } finally {
        c.rollback();
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StoreException(what + " failed: " + e.getMessage(), e);
    } finally {
      giveBack(c);
    }
  }

  /** Runs {@code work} on a reader in auto-commit mode (for statements such as VACUUM INTO). */
  <T> T readAutoCommit(String what, Work<T> work) {
    Connection c = borrow();
    try {
      return work.run(c);
    } catch (SQLException e) {
      throw new StoreException(what + " failed: " + e.getMessage(), e);
    } finally {
      giveBack(c);
    }
  }

  private Connection borrow() {
    ensureOpen();
    Connection c = idleReaders.poll();
    if (c != null) {
      return c;
    }
    synchronized (allReaders) {
      if (allReaders.size() < READERS) {
        try {
          Connection fresh = readerConfig.createConnection(url);
          allReaders.add(fresh);
          return fresh;
        } catch (SQLException e) {
          throw new StoreException("cannot open a read connection: " + e.getMessage(), e);
        }
      }
    }
    try {
      Connection waited = idleReaders.poll(30, TimeUnit.SECONDS);
      if (waited == null) {
        throw new StoreException("no read connection became free within 30 s (" + READERS + ")");
      }
      return waited;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while waiting for a read connection", e);
    }
  }

  private void giveBack(Connection c) {
    if (!idleReaders.offer(c)) {
      closeQuietly(c);
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("the store is closed");
    }
  }

  private void rollbackQuietly(Throwable cause) {
    try {
      writer.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  @Override
  public void close() {
    writeLock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      synchronized (allReaders) {
        allReaders.forEach(Db::closeQuietly);
        allReaders.clear();
      }
      try (var s = writer.createStatement()) {
        s.execute("PRAGMA optimize");
      } catch (SQLException ignored) {
        LOG.debug("PRAGMA optimize failed on close (hints only): {}", ignored.getMessage());
      }
      closeQuietly(writer);
    } finally {
      writeLock.unlock();
    }
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      LOG.warn("closing a store connection failed: {}", ignored.getMessage());
    }
  }
}
