package dev.lede.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageStoreTest {
  @TempDir Path dir;

  private static byte[] png(int w, int h) throws Exception {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    for (int x = 0; x < w; x += 7) {
      img.setRGB(x, h / 2, 0xff336699);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    return out.toByteArray();
  }

  @Test
  void put_storesThumbAndArticleSizes_withinBounds() throws Exception {
    ImageStore store = new ImageStore(dir);
    String url = "https://img.example/photo.png";
    assertThat(store.has(url)).isFalse();
    String key = store.put(url, png(3000, 2000));
    assertThat(store.has(url)).isTrue();
    BufferedImage thumb =
        ImageIO.read(store.file(key, ImageStore.Size.THUMB).orElseThrow().toFile());
    BufferedImage article =
        ImageIO.read(store.file(key, ImageStore.Size.ARTICLE).orElseThrow().toFile());
    assertThat(thumb.getWidth()).isLessThanOrEqualTo(480);
    assertThat(thumb.getHeight()).isLessThanOrEqualTo(270);
    assertThat(article.getWidth()).isLessThanOrEqualTo(1280);
    // aspect ratio kept (3:2)
    assertThat((double) article.getWidth() / article.getHeight())
        .isCloseTo(1.5, org.assertj.core.data.Offset.offset(0.02));
    try (var files = Files.walk(dir)) {
      assertThat(files.filter(p -> p.toString().endsWith(".tmp"))).isEmpty();
    }
  }

  @Test
  void put_refusesNonImagesAndPixelBombs() throws Exception {
    ImageStore store = new ImageStore(dir);
    assertThatThrownBy(
            () ->
                store.put(
                    "https://x/y",
                    "<html>not an image</html>".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class);
    // A PNG header claiming 100000 x 100000 pixels: refused from the header, before decoding.
    byte[] small = png(10, 10);
    byte[] bomb = small.clone();
    // IHDR width/height live at bytes 16..23
    writeInt(bomb, 16, 100_000);
    writeInt(bomb, 20, 100_000);
    assertThatThrownBy(() -> store.put("https://x/bomb", bomb))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("refused");
  }

  @Test
  void file_rejectsKeysThatAreNotOurs() {
    ImageStore store = new ImageStore(dir);
    assertThat(store.file("../../etc/passwd", ImageStore.Size.THUMB)).isEmpty();
    assertThat(store.file("abc", ImageStore.Size.THUMB)).isEmpty();
  }

  private static void writeInt(byte[] b, int off, int v) {
    b[off] = (byte) (v >>> 24);
    b[off + 1] = (byte) (v >>> 16);
    b[off + 2] = (byte) (v >>> 8);
    b[off + 3] = (byte) v;
  }
}
