package dev.lede.store;

import dev.lede.model.Article;
import java.time.Instant;

/**
 * An earlier version of an article, kept when the publisher updated it.
 *
 * @param id the article's identity
 * @param version the version number (1 = the first one stored)
 * @param contentHash the content hash of that version
 * @param storedAt when that version had been stored
 * @param article that version of the model
 */
public record ArticleVersion(
    String id, int version, String contentHash, Instant storedAt, Article article) {}
