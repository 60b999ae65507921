/**
 * View models for the site's templates: immutable records the handlers fill and the precompiled jte
 * templates read. Public only because the generated template classes live in another package.
 */
@NullMarked
package dev.lede.web.view;

import org.jspecify.annotations.NullMarked;
