package dev.lede.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lede.Lede;
import dev.lede.model.ArticleJson;
import dev.lede.model.StoryInfo;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lede stories [--data DIR] [--since DATE]}. */
@Command(
    name = "stories",
    mixinStandardHelpOptions = true,
    description = {
      "Print the stories, one JSON object a line, in id order:",
      "{\"id\", \"headline\", \"size\", \"firstSeen\", \"lastSeen\", \"articles\": [ids]}.",
      "Every visible stored article is in exactly one story; --since keeps the stories last seen",
      "since then."
    })
final class StoriesCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin DataDirOption data;

  @Option(
      names = "--since",
      paramLabel = "DATE",
      description = "Only stories last seen at or after DATE (2025-03-04 or an ISO-8601 instant).")
  String since;

  @Override
  public Integer call() {
    Instant from = since == null ? Instant.EPOCH : parseSince(spec, since);
    PrintWriter out = spec.commandLine().getOut();
    try (Lede lede = data.open("stories")) {
      lede.forEachStory(from, s -> out.println(json(s)));
    }
    out.flush();
    return 0;
  }

  /** One story as its JSON line. */
  static String json(StoryInfo s) {
    ObjectNode o = ArticleJson.mapper().createObjectNode();
    o.put("id", s.id());
    o.put("headline", s.headline());
    o.put("size", s.size());
    o.put("firstSeen", s.firstSeen().toString());
    o.put("lastSeen", s.lastSeen().toString());
    ArrayNode a = o.putArray("articles");
    s.articles().forEach(a::add);
    return o.toString();
  }

  static Instant parseSince(CommandLine.Model.CommandSpec spec, String value) {
    try {
      if (value.length() == 10) {
        return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
      }
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--since must be a date (2025-03-04) or an instant, not " + value);
    }
  }
}
