package dev.lede.ingest;

import java.io.IOException;

/** A host resolved only to addresses the {@link AddressPolicy} refuses. */
final class BlockedAddressException extends IOException {
  private static final long serialVersionUID = 1L;

  BlockedAddressException(String message) {
    super(message);
  }
}
