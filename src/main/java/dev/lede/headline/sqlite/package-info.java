/**
 * The embedded {@link dev.lede.headline.HeadlineStore}: headline tests and their counts in their
 * own SQLite file in the data folder ({@code DIR/headlines.db}), beside the article store.
 */
@NullMarked
package dev.lede.headline.sqlite;

import org.jspecify.annotations.NullMarked;
