package dev.lede.wikinews;

import dev.lede.wikinews.DumpFixture.Page;
import java.io.IOException;
import java.util.List;

/**
 * The pages of the small fixture dump: two published articles among a talk page, a draft, an
 * article under review, a disambiguation page, an unpublished story, two redirects, a template and
 * a category.
 */
final class WikinewsDumpReaderTestPages {
  private WikinewsDumpReaderTestPages() {}

  static List<Page> pages() throws IOException {
    return List.of(
        Page.article(
            "Porto Claro harbour bridge opens to cyclists", WikitextTest.fixture("published.wiki")),
        new Page(
            "Talk:Porto Claro harbour bridge opens to cyclists",
            1,
            "Is the vote count right?",
            false,
            "2021-06-01T12:00:00Z"),
        Page.article("Earthquake shakes Example province", WikitextTest.fixture("archived.wiki")),
        Page.article("Example Town to open library", WikitextTest.fixture("draft.wiki")),
        Page.article("Rail operator adds morning trains", WikitextTest.fixture("review.wiki")),
        Page.article("Porto Claro", WikitextTest.fixture("disambiguation.wiki")),
        Page.article("Unfinished story", WikitextTest.fixture("unpublished.wiki")),
        new Page(
            "Harbour bridge",
            0,
            "#REDIRECT [[Porto Claro harbour bridge opens to cyclists]]",
            false,
            "2021-06-01T12:00:00Z"),
        new Page(
            "Bridge (Porto Claro)",
            0,
            "{{publish}} text of a moved page",
            true,
            "2021-06-01T12:00:00Z"),
        new Page(
            "Template:Publish",
            10,
            "This article is published. {{publish}}",
            false,
            "2021-06-01T12:00:00Z"),
        new Page(
            "Category:Brazil",
            14,
            "News about Brazil. {{publish}}",
            false,
            "2021-06-01T12:00:00Z"));
  }
}
