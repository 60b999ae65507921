/** Immutable records shared by every stage: articles, blocks, teasers, and their JSON form. */
@NullMarked
package dev.lede.model;

import org.jspecify.annotations.NullMarked;
