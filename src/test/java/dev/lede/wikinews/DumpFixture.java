package dev.lede.wikinews;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;

/**
 * Builds small MediaWiki XML dumps (export schema 0.11, as dumps.wikimedia.org writes them) for
 * tests: a siteinfo with namespaces, then pages with a title, namespace, id, optional redirect and
 * one revision with a timestamp and wikitext. Compressed like the real files: one bzip2 stream, or
 * several concatenated (the "multistream" layout: header, pages in groups, footer).
 */
final class DumpFixture {
  /** One page of the dump. */
  record Page(String title, int ns, String text, boolean redirect, String timestamp) {
    static Page article(String title, String text) {
      return new Page(title, 0, text, false, "2021-06-01T12:00:00Z");
    }
  }

  private DumpFixture() {}

  static String header() {
    return """
        <mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" \
        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" version="0.11" xml:lang="en">
          <siteinfo>
            <sitename>Wikinews</sitename>
            <dbname>enwikinews</dbname>
            <base>https://en.wikinews.org/wiki/Main_Page</base>
            <generator>MediaWiki 1.41.0-wmf.1</generator>
            <case>first-letter</case>
            <namespaces>
              <namespace key="-2" case="first-letter">Media</namespace>
              <namespace key="0" case="first-letter" />
              <namespace key="1" case="first-letter">Talk</namespace>
              <namespace key="2" case="first-letter">User</namespace>
              <namespace key="4" case="first-letter">Wikinews</namespace>
              <namespace key="6" case="first-letter">File</namespace>
              <namespace key="10" case="first-letter">Template</namespace>
              <namespace key="14" case="first-letter">Category</namespace>
              <namespace key="100" case="first-letter">Portal</namespace>
            </namespaces>
          </siteinfo>
        """;
  }

  static String footer() {
    return "</mediawiki>\n";
  }

  static String page(Page p, int id) {
    StringBuilder sb = new StringBuilder();
    sb.append("  <page>\n");
    sb.append("    <title>").append(escape(p.title())).append("</title>\n");
    if (p.ns() != Integer.MIN_VALUE) {
      sb.append("    <ns>").append(p.ns()).append("</ns>\n");
    }
    sb.append("    <id>").append(id).append("</id>\n");
    if (p.redirect()) {
      sb.append("    <redirect title=\"Somewhere else\" />\n");
    }
    sb.append("    <revision>\n");
    sb.append("      <id>").append(id * 10).append("</id>\n");
    sb.append("      <timestamp>").append(p.timestamp()).append("</timestamp>\n");
    sb.append("      <contributor>\n        <username>Example editor</username>\n");
    sb.append("        <id>42</id>\n      </contributor>\n");
    sb.append("      <comment>[[WN:Archive conventions|Archiving]]</comment>\n");
    sb.append("      <model>wikitext</model>\n      <format>text/x-wiki</format>\n");
    sb.append("      <text bytes=\"")
        .append(p.text().getBytes(StandardCharsets.UTF_8).length)
        .append("\" xml:space=\"preserve\">")
        .append(escape(p.text()))
        .append("</text>\n");
    sb.append("      <sha1>0000000000000000000000000000000</sha1>\n");
    sb.append("    </revision>\n  </page>\n");
    return sb.toString();
  }

  static String xml(List<Page> pages) {
    StringBuilder sb = new StringBuilder(header());
    for (int i = 0; i < pages.size(); i++) {
      sb.append(page(pages.get(i), i + 1));
    }
    return sb.append(footer()).toString();
  }

  static byte[] bzip2(String xml) {
    return bzip2(List.of(xml));
  }

  /** Each part compressed as a bzip2 stream of its own, the streams concatenated. */
  static byte[] bzip2(List<String> parts) {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    try {
      for (String part : parts) {
        ByteArrayOutputStream one = new ByteArrayOutputStream();
        try (BZip2CompressorOutputStream bz = new BZip2CompressorOutputStream(one, 1)) {
          bz.write(part.getBytes(StandardCharsets.UTF_8));
        }
        one.writeTo(all);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return all.toByteArray();
  }

  /** The multistream layout: header, then {@code perStream} pages per stream, then the footer. */
  static byte[] multistream(List<Page> pages, int perStream) {
    List<String> parts = new ArrayList<>();
    parts.add(header());
    StringBuilder group = new StringBuilder();
    for (int i = 0; i < pages.size(); i++) {
      group.append(page(pages.get(i), i + 1));
      if ((i + 1) % perStream == 0) {
        parts.add(group.toString());
        group.setLength(0);
      }
    }
    if (group.length() > 0) {
      parts.add(group.toString());
    }
    parts.add(footer());
    return bzip2(parts);
  }

  static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
