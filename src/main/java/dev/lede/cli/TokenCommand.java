package dev.lede.cli;

import dev.lede.web.Tokens;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code lede token new}: a bearer token for the API or the operator's pages, and its digest. */
@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    description = "Make bearer tokens for the JSON API and the operator's pages.",
    subcommands = {TokenCommand.New.class})
final class TokenCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: new");
  }

  @Command(
      name = "new",
      mixinStandardHelpOptions = true,
      description = {
        "Print a new random token (line 1) and its SHA-256 digest (line 2) on stdout. Give the"
            + " token to the client; put only the digest in the settings (api-token-hashes or"
            + " operator-token-hashes): Lede never stores a token in clear."
      })
  static final class New implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      String token = Tokens.newToken();
      out.println(token);
      out.println(Tokens.hash(token));
      out.flush();
      return 0;
    }
  }
}
