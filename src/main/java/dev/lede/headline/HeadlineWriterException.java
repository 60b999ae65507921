package dev.lede.headline;

/** A writer could not propose headlines; the message says why (and {@link #budgetSpent}). */
public class HeadlineWriterException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final boolean budgetSpent;

  public HeadlineWriterException(String message, boolean budgetSpent, Throwable cause) {
    super(message, cause);
    this.budgetSpent = budgetSpent;
  }

  public HeadlineWriterException(String message, boolean budgetSpent) {
    super(message);
    this.budgetSpent = budgetSpent;
  }

  /** True if the writer refused because its budget (calls or tokens) is spent. */
  public boolean budgetSpent() {
    return budgetSpent;
  }
}
