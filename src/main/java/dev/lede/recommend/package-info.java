/** "You May Also Like": related lists, teasers, freshness and diversification. */
@NullMarked
package dev.lede.recommend;

import org.jspecify.annotations.NullMarked;
