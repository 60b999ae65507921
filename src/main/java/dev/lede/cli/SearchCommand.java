package dev.lede.cli;

import dev.lede.Lede;
import dev.lede.index.DateRange;
import dev.lede.index.SearchFilters;
import dev.lede.index.SearchHit;
import dev.lede.index.SearchQuery;
import dev.lede.index.SearchResults;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lede search QUERY}: full-text search, JSON Lines out. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = {
      "Search the stored articles. Prints one JSON object per hit (JSON Lines):",
      "{\"id\", \"title\", \"url\", \"published\", \"source\", \"section\", \"score\","
          + " \"snippet\", \"siteName\", \"tags\"}; the snippet is HTML-escaped text with the"
          + " matches in <mark>…</mark>. The total goes to stderr.",
      "",
      "Query syntax: words (all must match; stemmed), \"a phrase\", -word or NOT word, a OR b,"
          + " (grouping), and fields: title:, body:, byline: (author:), section:, tag:, source:,"
          + " lang:, since:DATE, until:DATE, date:DATE, date:[DATE TO DATE].",
      "DATE is YYYY, YYYY-MM, YYYY-MM-DD or an ISO-8601 instant (UTC).",
      "Ranked by relevance with a mild freshness boost (at most +10 %%, halving every 7 days);"
          + " undated articles get none."
    })
final class SearchCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin DataDirOption data;

  @Option(names = "--since", paramLabel = "DATE", description = "Published on or after DATE.")
  String since;

  @Option(names = "--until", paramLabel = "DATE", description = "Published on or before DATE.")
  String until;

  @Option(names = "--section", paramLabel = "S", description = "In section S (repeatable).")
  List<String> sections = List.of();

  @Option(names = "--source", paramLabel = "ID", description = "From source ID (repeatable).")
  List<String> sources = List.of();

  @Option(names = "--tag", paramLabel = "T", description = "Tagged T (repeatable).")
  List<String> tags = List.of();

  @Option(names = "--lang", paramLabel = "L", description = "In language L (repeatable).")
  List<String> languages = List.of();

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "10",
      description = "Hits to print (default: ${DEFAULT-VALUE}, at most 1000).")
  int limit;

  @Option(
      names = "--offset",
      paramLabel = "N",
      defaultValue = "0",
      description = "Hits to skip (default: ${DEFAULT-VALUE}).")
  int offset;

  @Option(
      names = "--order",
      paramLabel = "ORDER",
      defaultValue = "relevance",
      description = "relevance or newest (default: ${DEFAULT-VALUE}).")
  String order;

  @Parameters(arity = "1..*", paramLabel = "QUERY", description = "The query (words are joined).")
  List<String> query;

  @Override
  public Integer call() {
    SearchQuery q;
    try {
      SearchFilters f =
          new SearchFilters(
              since == null ? null : DateRange.parse(since).start(),
              until == null ? null : untilInstant(until),
              Set.copyOf(sections),
              Set.copyOf(sources),
              Set.copyOf(tags),
              Set.copyOf(languages));
      SearchQuery.Order o =
          switch (order.toLowerCase(Locale.ROOT)) {
            case "relevance" -> SearchQuery.Order.RELEVANCE;
            case "newest" -> SearchQuery.Order.NEWEST;
            default ->
                throw new IllegalArgumentException(
                    "--order must be relevance or newest, was " + order);
          };
      q = new SearchQuery(String.join(" ", query), f, o, offset, limit, true);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    PrintWriter out = spec.commandLine().getOut();
    try (Lede lede = data.open("search")) {
      SearchResults r;
      try {
        r = lede.search(q);
      } catch (IllegalArgumentException e) { // e.g. since:notadate inside the query text
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
      }
      for (SearchHit h : r.hits()) {
        out.println(Json.hit(h));
      }
      out.flush();
      spec.commandLine()
          .getErr()
          .printf(
              Locale.ROOT,
              "lede search: %s%d hit(s)%n",
              r.totalIsExact() ? "" : "at least ",
              r.total());
    }
    return 0;
  }

  private static Instant untilInstant(String text) {
    return DateRange.parse(text).end();
  }
}
