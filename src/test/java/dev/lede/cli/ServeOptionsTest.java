package dev.lede.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lede.web.Tokens;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Settings of {@code lede serve}: file, then environment, then flags; validated with clear
 * messages.
 */
class ServeOptionsTest {
  @TempDir Path dir;

  @Test
  void resolve_defaultsToLoopback8080() {
    ServeOptions.Settings s = new ServeOptions().resolve(dir, Map.of());
    assertThat(s.host()).isEqualTo("127.0.0.1");
    assertThat(s.port()).isEqualTo(8080);
    assertThat(s.site().baseUrl()).isEqualTo("http://127.0.0.1:8080");
    assertThat(s.site().siteName()).isEqualTo("Lede");
    assertThat(s.site().apiTokenHashes()).isEmpty();
  }

  @Test
  void resolve_embeddings_offByDefault_onFromTheFileOrEnvironment_andAFlagWins() throws Exception {
    assertThat(new ServeOptions().resolve(dir, Map.of()).embeddings()).isFalse();
    assertThat(new ServeOptions().resolve(dir, Map.of("LEDE_EMBEDDINGS", "true")).embeddings())
        .isTrue();
    Files.writeString(dir.resolve("lede.properties"), "embeddings = yes\n", StandardCharsets.UTF_8);
    assertThat(new ServeOptions().resolve(dir, Map.of()).embeddings()).isTrue();
    ServeOptions off = new ServeOptions();
    off.embeddings = false;
    assertThat(off.resolve(dir, Map.of("LEDE_EMBEDDINGS", "true")).embeddings()).isFalse();
    assertThatThrownBy(
            () -> new ServeOptions().resolve(dir, Map.of("LEDE_EMBEDDINGS", "sometimes")))
        .hasMessageContaining("LEDE_EMBEDDINGS");
  }

  @Test
  void resolve_fileThenEnvironmentThenFlags() throws Exception {
    String hash = Tokens.hash("secret");
    Files.writeString(
        dir.resolve("lede.properties"),
        "site-name = File Times\nbase-url = https://file.example/\ntime-zone = Europe/Berlin\n"
            + "port = 9000\napi-token-hashes = "
            + hash
            + "\n",
        StandardCharsets.UTF_8);
    ServeOptions o = new ServeOptions();
    o.siteName = "Flag Times";
    ServeOptions.Settings s =
        o.resolve(
            dir, Map.of("LEDE_BASE_URL", "https://env.example", "LEDE_SITE_NAME", "Env Times"));
    assertThat(s.site().siteName()).isEqualTo("Flag Times");
    assertThat(s.site().baseUrl()).isEqualTo("https://env.example");
    assertThat(s.site().zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    assertThat(s.port()).isEqualTo(9000);
    assertThat(s.site().apiTokenHashes()).containsExactly(hash);
  }

  @Test
  void resolve_refusesBadSettingsNamingWhereTheyCameFrom() throws Exception {
    Files.writeString(dir.resolve("lede.properties"), "colour = blue\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> new ServeOptions().resolve(dir, Map.of()))
        .hasMessageContaining("unknown setting 'colour'");
    Files.delete(dir.resolve("lede.properties"));

    assertThatThrownBy(() -> new ServeOptions().resolve(dir, Map.of("LEDE_TIME_ZONE", "Mars/Base")))
        .hasMessageContaining("LEDE_TIME_ZONE")
        .hasMessageContaining("Mars/Base");
    assertThatThrownBy(
            () -> new ServeOptions().resolve(dir, Map.of("LEDE_API_TOKEN_HASHES", "plaintext")))
        .hasMessageContaining("SHA-256");
    assertThatThrownBy(() -> new ServeOptions().resolve(dir, Map.of("LEDE_BASE_URL", "ftp://x")))
        .hasMessageContaining("base URL");
    ServeOptions o = new ServeOptions();
    o.port = 70_000;
    assertThatThrownBy(() -> o.resolve(dir, Map.of())).hasMessageContaining("--port");
  }

  @Test
  void tokenNew_printsATokenAndItsDigest() {
    ExtractCommandTest.Run r = ExtractCommandTest.run("token", "new");
    assertThat(r.code()).isZero();
    String[] lines = r.out().strip().split("\n");
    assertThat(lines).hasSize(2);
    assertThat(lines[0]).matches("[A-Za-z0-9_-]{43}");
    assertThat(lines[1].strip()).isEqualTo(Tokens.hash(lines[0].strip()));
  }
}
