/**
 * The store: Lede's source of truth. {@link dev.lede.store.ArticleStore} is the narrow interface
 * every backend implements (the embedded {@code store.sqlite}, later PostgreSQL); the records here
 * are what crosses it. Backends are chosen by the composition root ({@code dev.lede.Lede}) alone.
 */
@NullMarked
package dev.lede.store;

import org.jspecify.annotations.NullMarked;
