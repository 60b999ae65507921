package dev.lede.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;

/** Renders the precompiled jte templates (generated at build time from src/main/jte) to bytes. */
final class Renderer {
  private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

  Renderer() {
    engine.setBinaryStaticContent(true);
  }

  byte[] render(String template, Object view) {
    Utf8ByteOutput out = new Utf8ByteOutput();
    engine.render(template, view, out);
    java.io.ByteArrayOutputStream bos = new java.io.ByteArrayOutputStream(out.getContentLength());
    try {
      out.writeTo(bos);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return bos.toByteArray();
  }
}
