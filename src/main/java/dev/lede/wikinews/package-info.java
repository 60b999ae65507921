/**
 * Wikinews as a source of articles: the public MediaWiki XML dump read as a stream and its wikitext
 * turned into clean {@link dev.lede.model.Article}s ({@link WikinewsDumpReader}), the licence and
 * attribution every Wikinews article needs ({@link WikinewsLicence}), the mapping of Wikinews
 * categories to Lede's sections ({@link WikinewsSections}), and the JSON Lines form shared by
 * {@code lede import wikinews} and the bundled demo corpus ({@link WikinewsJson}).
 */
@NullMarked
package dev.lede.wikinews;

import org.jspecify.annotations.NullMarked;
