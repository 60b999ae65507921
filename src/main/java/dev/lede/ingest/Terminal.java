package dev.lede.ingest;

import java.lang.reflect.Method;

/** Whether standard error goes to a terminal: a progress bar there, plain log lines otherwise. */
public final class Terminal {
  private Terminal() {}

  /** Whether the process talks to a terminal (JDK 22+ can say so exactly; 21 approximates). */
  @SuppressWarnings("SystemConsoleNull") // null on JDK 21 without a terminal; isTerminal() on 22+
  public static boolean stderrIsTerminal() {
    java.io.Console c = System.console();
    if (c == null) {
      return false;
    }
    try {
      Method m = java.io.Console.class.getMethod("isTerminal");
      return (Boolean) m.invoke(c);
    } catch (ReflectiveOperationException e) {
      return true; // JDK 21: a console exists only when attached to a terminal
    }
  }
}
