/**
 * Extraction: raw page bytes (HTML or a page saved as text) to a clean {@link
 * dev.lede.model.Article}. Reached through {@link dev.lede.extract.Extractor}; everything else is
 * package-private. Pure functions on jsoup, no I/O.
 */
@NullMarked
package dev.lede.extract;

import org.jspecify.annotations.NullMarked;
