package dev.lede.wikinews;

import dev.lede.wikinews.DumpFixture.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Dumps for tests outside this package (the CLI's). */
public final class CliFixtures {
  private CliFixtures() {}

  /** The eleven fixture pages (two published articles) in one bzip2 stream. */
  public static byte[] dump() {
    try {
      return DumpFixture.bzip2(DumpFixture.xml(WikinewsDumpReaderTestPages.pages()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code n} small published articles in a multistream dump, ten pages a stream. */
  public static byte[] bigDump(int n) {
    List<Page> pages = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      StringBuilder text = new StringBuilder("{{date|May " + (i % 28 + 1) + ", 2020}}\n");
      for (int j = 0; j < 20; j++) {
        text.append("Sentence ").append(j).append(" of story ").append(i).append(" goes on. ");
      }
      pages.add(Page.article("Story number " + i, text.append("\n{{publish}}").toString()));
    }
    return DumpFixture.multistream(pages, 10);
  }
}
