/**
 * The {@code lede} command line (picocli). Commands reach the stages through their front classes.
 */
@NullMarked
package dev.lede.cli;

import org.jspecify.annotations.NullMarked;
