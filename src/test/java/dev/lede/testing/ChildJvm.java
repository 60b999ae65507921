package dev.lede.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A second JVM started from a test with the test classpath ({@code target/test-classes}, {@code
 * target/classes} and the dependency list Maven writes to {@code target/test-classpath.txt}). Its
 * stdout lines are queued for the test; its stderr goes to a log file. {@link #kill} sends SIGKILL:
 * no shutdown hook, no finally block runs in the child.
 */
public final class ChildJvm implements AutoCloseable {
  private static final String END = "\u0000end";

  private final Process process;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final Path log;

  private ChildJvm(Process process, Path log) {
    this.process = process;
    this.log = log;
    Thread.ofPlatform()
        .name("child-stdout-" + process.pid())
        .daemon(true)
        .start(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  lines.add(line);
                }
              } catch (IOException ignored) {
                // the child was killed mid-line: what was read is what it printed
                lines.add("# stdout closed: " + ignored.getMessage());
              } finally {
                lines.add(END);
              }
            });
  }

  /** Starts {@code mainClass} with {@code args}; stderr is appended to {@code log}. */
  public static ChildJvm start(Path log, Class<?> mainClass, String... args) {
    Path project = Path.of(System.getProperty("lede.project.dir", ".")).toAbsolutePath();
    Path target = project.resolve("target");
    String deps;
    try {
      deps = Files.readString(target.resolve("test-classpath.txt"), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "run the tests through Maven: target/test-classpath.txt is missing", e);
    }
    String cp =
        target.resolve("test-classes")
            + java.io.File.pathSeparator
            + target.resolve("classes")
            + java.io.File.pathSeparator
            + deps;
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("--enable-native-access=ALL-UNNAMED");
    cmd.add("-Xmx256m");
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-cp");
    cmd.add(cp);
    cmd.add(mainClass.getName());
    cmd.addAll(List.of(args));
    try {
      Files.createDirectories(log.toAbsolutePath().getParent());
      Process p =
          new ProcessBuilder(cmd)
              .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      return new ChildJvm(p, log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start a child JVM: " + e.getMessage(), e);
    }
  }

  public long pid() {
    return process.pid();
  }

  /** The next stdout line, or null at the end of output or after the timeout. */
  public @Nullable String nextLine(long timeoutMillis) throws InterruptedException {
    String l = lines.poll(timeoutMillis, TimeUnit.MILLISECONDS);
    return l == null || l.equals(END) ? null : l;
  }

  /** SIGKILL, then wait until the process is gone (and its file locks released). */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("child " + pid() + " did not die");
    }
  }

  /** Waits for a normal exit; returns the exit code. */
  public int waitFor(long timeoutSeconds) throws InterruptedException {
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("child " + pid() + " did not finish; see " + log);
    }
    return process.exitValue();
  }

  public Path log() {
    return log;
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
