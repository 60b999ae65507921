package dev.lede.cli;

import dev.lede.Lede;
import dev.lede.model.ArticleJson;
import dev.lede.store.StoredArticle;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lede articles get|hide|unhide|delete ID…}: one article at a time. */
@Command(
    name = "articles",
    mixinStandardHelpOptions = true,
    description = "Read or take down stored articles.",
    subcommands = {
      ArticlesCommand.Get.class,
      ArticlesCommand.Hide.class,
      ArticlesCommand.Unhide.class,
      ArticlesCommand.Delete.class
    })
final class ArticlesCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "name a subcommand: get, hide, unhide or delete");
  }

  /** Common shape: open the folder, act on each id, report unknown ids on stderr (exit 1). */
  abstract static class Each implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin DataDirOption data;

    @Parameters(arity = "1..*", paramLabel = "ID", description = "Article ids.")
    List<String> ids;

    abstract String verb();

    /** Acts on one article; returns false when it does not exist. */
    abstract boolean act(Lede lede, String id, PrintWriter out);

    @Override
    public Integer call() {
      int missing = 0;
      PrintWriter out = spec.commandLine().getOut();
      try (Lede lede = data.open("articles " + verb())) {
        for (String id : ids) {
          if (!act(lede, id, out)) {
            spec.commandLine().getErr().println("lede articles " + verb() + ": no article " + id);
            missing++;
          }
          out.flush();
        }
      }
      return missing == 0 ? 0 : 1;
    }
  }

  @Command(
      name = "get",
      mixinStandardHelpOptions = true,
      description = {
        "Print articles as JSON Lines in the article schema, with \"hidden\", \"version\","
            + " \"firstSeen\", \"lastUpdated\" and \"sourceId\" added."
      })
  static final class Get extends Each {
    @Override
    String verb() {
      return "get";
    }

    @Override
    boolean act(Lede lede, String id, PrintWriter out) {
      Optional<StoredArticle> a = lede.article(id);
      if (a.isEmpty()) {
        return false;
      }
      StoredArticle s = a.get();
      var o = ArticleJson.toTree(s.article());
      o.put("sourceId", s.sourceId());
      o.put("hidden", s.hidden());
      o.put("version", s.version());
      o.put("firstSeen", s.firstSeen().toString());
      o.put("lastUpdated", s.lastUpdated().toString());
      out.println(o);
      return true;
    }
  }

  @Command(
      name = "hide",
      mixinStandardHelpOptions = true,
      description = {
        "Hide articles: kept in the store, removed from search and every derived list.",
        "Prints {\"id\", \"hidden\": true, \"changed\"} per article (changed is false when it was"
            + " hidden already)."
      })
  static final class Hide extends Each {
    @Override
    String verb() {
      return "hide";
    }

    @Override
    boolean act(Lede lede, String id, PrintWriter out) {
      if (lede.article(id).isEmpty()) {
        return false;
      }
      boolean changed = lede.hide(id);
      var o = Json.object().put("id", id).put("hidden", true).put("changed", changed);
      out.println(o);
      return true;
    }
  }

  @Command(
      name = "unhide",
      mixinStandardHelpOptions = true,
      description = {
        "Show hidden articles again.",
        "Prints {\"id\", \"hidden\": false, \"changed\"} per article."
      })
  static final class Unhide extends Each {
    @Override
    String verb() {
      return "unhide";
    }

    @Override
    boolean act(Lede lede, String id, PrintWriter out) {
      if (lede.article(id).isEmpty()) {
        return false;
      }
      boolean changed = lede.unhide(id);
      out.println(Json.object().put("id", id).put("hidden", false).put("changed", changed));
      return true;
    }
  }

  @Command(
      name = "delete",
      mixinStandardHelpOptions = true,
      description = {
        "Delete articles from the store (with their versions), the index and every derived list."
            + " The takedown sticks: the same article offered again by a feed is refused.",
        "Prints {\"id\", \"deleted\": true} per article."
      })
  static final class Delete extends Each {
    @Option(
        names = "--reason",
        defaultValue = "deleted by an operator",
        description = "Recorded with the takedown (default: ${DEFAULT-VALUE}).")
    String reason;

    @Override
    String verb() {
      return "delete";
    }

    @Override
    boolean act(Lede lede, String id, PrintWriter out) {
      if (!lede.delete(id, reason)) {
        return false;
      }
      out.println(Json.object().put("id", id).put("deleted", true));
      return true;
    }
  }
}
