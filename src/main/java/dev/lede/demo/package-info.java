/**
 * The demo corpus bundled with Lede: 344 real Wikinews articles (CC BY 2.5 or public domain) that
 * {@code lede demo} loads into a fresh store, read through {@link DemoCorpus}.
 */
@NullMarked
package dev.lede.demo;

import org.jspecify.annotations.NullMarked;
