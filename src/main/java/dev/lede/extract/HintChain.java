package dev.lede.extract;

import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/** The hinted ancestors of a block, innermost first: an immutable list shared between blocks. */
record HintChain(Element element, Hint hint, @Nullable HintChain outer) {}
