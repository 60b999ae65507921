/**
 * The composition root: {@link dev.lede.Lede} opens a data folder, builds the store and the index
 * (the only place that knows which backends are in use), keeps them in step and offers the services
 * every front end (CLI, web) calls.
 */
@NullMarked
package dev.lede;

import org.jspecify.annotations.NullMarked;
