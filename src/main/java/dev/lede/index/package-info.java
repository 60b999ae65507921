/**
 * Search: {@link dev.lede.index.SearchIndex} is the interface every index backend implements (the
 * embedded {@code index.lucene}, later OpenSearch). The index is derived data: the store is the
 * truth, and the index records the last store change it applied (its checkpoint).
 */
@NullMarked
package dev.lede.index;

import org.jspecify.annotations.NullMarked;
