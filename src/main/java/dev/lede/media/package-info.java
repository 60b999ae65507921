/** Article images: safe decoding, resizing and local storage, served from Lede's own origin. */
@NullMarked
package dev.lede.media;

import org.jspecify.annotations.NullMarked;
