/**
 * The site: pages, feeds, sitemaps, structured metadata, the JSON API and teaser events. Reached
 * through the Lede front's services, never a concrete backend.
 */
@NullMarked
package dev.lede.web;

import org.jspecify.annotations.NullMarked;
