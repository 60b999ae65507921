package dev.lede;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lede.cli.Main;
import dev.lede.testing.ChildJvm;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data folder held by another process: a clear error naming it, and no damage. */
class LockContentionIT {
  @TempDir Path dir;

  @Test
  void aSecondProcessGetsAClearError_andAKilledHoldersLockIsReclaimed() throws Exception {
    Path data = dir.resolve("data");
    try (Lede setup = Lede.open(data)) {
      setup.submit(dev.lede.testing.TestArticles.withId("a", "Kept", "text"), null);
    }
    Path log =
        Path.of(System.getProperty("lede.project.dir", ".")).resolve("target/lock-child.log");
    try (ChildJvm holder = ChildJvm.start(log, DurabilityChild.class, "hold", data.toString())) {
      assertThat(holder.nextLine(120_000)).as("see " + log).isEqualTo("ready");

      assertThatThrownBy(() -> Lede.open(data))
          .isInstanceOf(DataFolderInUseException.class)
          .hasMessageContaining("pid " + holder.pid())
          .hasMessageContaining("DurabilityChild hold");
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code =
          Main.run(new PrintWriter(out), new PrintWriter(err), "stats", "--data", data.toString());
      assertThat(code).isEqualTo(1);
      assertThat(err.toString()).contains("in use by pid " + holder.pid());
      assertThat(out.toString()).isEmpty();

      holder.kill(); // SIGKILL: the lock file still describes the dead holder
      assertThat(Files.readString(data.resolve(DataLock.FILE), StandardCharsets.UTF_8))
          .contains("\"pid\":" + holder.pid());
    }

    try (Lede lede = Lede.open(data, Lede.Options.defaults().withCommand("LockContentionIT"))) {
      assertThat(Files.readString(data.resolve(DataLock.FILE), StandardCharsets.UTF_8))
          .contains("\"pid\":" + ProcessHandle.current().pid())
          .contains("LockContentionIT");
      Lede.Stats s = lede.stats();
      assertThat(s.articles()).isEqualTo(1).isEqualTo(s.indexed());
    }
  }
}
