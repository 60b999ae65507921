/**
 * Headline variants and A/B tests: writers that propose alternative teaser headlines ({@link
 * dev.lede.headline.HeadlineWriter}), the faithfulness guard every variant must pass ({@link
 * dev.lede.headline.FaithfulnessGuard}), and the per-article Thompson-sampling bandit that lets
 * readers' clicks choose among them ({@link dev.lede.headline.HeadlineService}).
 */
@NullMarked
package dev.lede.headline;

import org.jspecify.annotations.NullMarked;
