/** Evaluations of each stage against labelled data: the figures in docs/benchmarks.md. */
@NullMarked
package dev.lede.eval;

import org.jspecify.annotations.NullMarked;
