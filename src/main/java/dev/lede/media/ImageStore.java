package dev.lede.media;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Local copies of article images, resized to a thumbnail and an article size and stored under the
 * data folder, so pages serve images from Lede's own origin and never make the reader's browser
 * contact a third party.
 *
 * <p>An image is keyed by its source URL ({@link #key}), so the site can tell from an image block's
 * {@code src} alone whether a local copy exists: where none does, no image is shown. Decoding is
 * guarded against decompression bombs: the header's dimensions are read first and images above
 * {@link #MAX_PIXELS} are refused before any pixel is decoded; large images are decoded with
 * subsampling so memory stays proportional to the output size. Files are written to a temporary
 * name and moved into place atomically.
 */
public final class ImageStore {
  /** Refuse images with more pixels than this (about 8000 × 6000). */
  public static final long MAX_PIXELS = 48_000_000L;

  /** The stored sizes. */
  public enum Size {
    THUMB(480, 270),
    ARTICLE(1280, 1280);

    final int maxWidth;
    final int maxHeight;

    Size(int maxWidth, int maxHeight) {
      this.maxWidth = maxWidth;
      this.maxHeight = maxHeight;
    }

    String suffix() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private final Path dir;

  public ImageStore(Path dir) {
    this.dir = dir;
  }

  /** The key under which the image from this source URL is stored. */
  public static String key(String sourceUrl) {
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-256")
              .digest(sourceUrl.strip().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** True when a local copy of the image from this source URL exists. */
  public boolean has(String sourceUrl) {
    return !sourceUrl.isBlank() && Files.isRegularFile(path(key(sourceUrl), Size.THUMB));
  }

  /** The file of a stored image, if present; the key must be one {@link #key} returned. */
  public Optional<Path> file(String key, Size size) {
    if (!key.matches("[0-9a-f]{24}")) {
      return Optional.empty();
    }
    Path p = path(key, size);
    return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
  }

  /**
   * Decodes, resizes and stores an image fetched from {@code sourceUrl}.
   *
   * @return the key
   * @throws IllegalArgumentException when the bytes are not a decodable image or too large
   */
  public String put(String sourceUrl, byte[] bytes) {
    BufferedImage full = decode(bytes, Size.ARTICLE);
    String key = key(sourceUrl);
    try {
      Files.createDirectories(path(key, Size.THUMB).getParent());
      for (Size s : Size.values()) {
        write(resize(full, s), path(key, s));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store image from " + sourceUrl, e);
    }
    return key;
  }

  private Path path(String key, Size size) {
    return dir.resolve(key.substring(0, 2)).resolve(key + "-" + size.suffix() + ".jpg");
  }

  static BufferedImage decode(byte[] bytes, Size target) {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (in == null || !readers.hasNext()) {
        throw new IllegalArgumentException("not a supported image format");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        int w = reader.getWidth(0);
        int h = reader.getHeight(0);
        if (w <= 0 || h <= 0 || (long) w * h > MAX_PIXELS) {
          throw new IllegalArgumentException("image of " + w + "×" + h + " pixels refused");
        }
        ImageReadParam param = reader.getDefaultReadParam();
        int sub = Math.max(1, Math.min(w / (target.maxWidth * 2), h / (target.maxHeight * 2)));
        if (sub > 1) {
          param.setSourceSubsampling(sub, sub, 0, 0);
        }
        BufferedImage img = reader.read(0, param);
        if (img == null) {
          throw new IllegalArgumentException("image could not be decoded");
        }
        return img;
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof IllegalArgumentException iae) {
        throw iae;
      }
      throw new IllegalArgumentException("image could not be decoded: " + e.getMessage(), e);
    }
  }

  static BufferedImage resize(BufferedImage src, Size size) {
    double scale =
        Math.min(
            1.0,
            Math.min(
                (double) size.maxWidth / src.getWidth(),
                (double) size.maxHeight / src.getHeight()));
    int w = Math.max(1, (int) Math.round(src.getWidth() * scale));
    int h = Math.max(1, (int) Math.round(src.getHeight() * scale));
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.setColor(java.awt.Color.WHITE); // transparent PNGs get a white background, not black
      g.fillRect(0, 0, w, h);
      g.drawImage(src, 0, 0, w, h, null);
    } finally {
      g.dispose();
    }
    return out;
  }

  private static void write(BufferedImage img, Path target) throws IOException {
    Path tmp = Files.createTempFile(target.getParent(), ".img", ".tmp");
    try {
      ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
      try (OutputStream os = Files.newOutputStream(tmp);
          ImageOutputStream out = ImageIO.createImageOutputStream(os)) {
        writer.setOutput(out);
        ImageWriteParam p = writer.getDefaultWriteParam();
        p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        p.setCompressionQuality(0.82f);
        writer.write(null, new IIOImage(img, null, null), p);
      } finally {
        writer.dispose();
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
