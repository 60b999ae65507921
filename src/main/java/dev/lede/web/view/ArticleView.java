package dev.lede.web.view;

import dev.lede.model.Block;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything the article page shows.
 *
 * @param body the body blocks to render (images only where a local copy exists)
 * @param leadImage the first image with a local copy, shown under the headline, or null
 * @param excerptOnly the source's rights allow an excerpt only: show {@code excerpt} and a
 *     prominent link to {@code originalUrl}
 * @param licenceCredit e.g. "From Wikinews, CC BY 2.5", or empty
 * @param licenceHref the licence's URL, or empty
 * @param related "You May Also Like" teasers
 * @param moreOnStory other articles of the same story
 * @param alsoPublishedBy publishers of duplicates of this article
 */
public record ArticleView(
    Layout page,
    String id,
    String headline,
    List<String> bylines,
    @Nullable String publishedIso,
    String publishedLabel,
    @Nullable String modifiedIso,
    String modifiedLabel,
    String section,
    @Nullable String sectionHref,
    List<String> tags,
    @Nullable SourceRef source,
    Block.@Nullable Image leadImage,
    List<Block> body,
    List<String> attribution,
    boolean excerptOnly,
    String excerpt,
    String originalUrl,
    String licenceCredit,
    String licenceHref,
    List<Card> related,
    List<Card> moreOnStory,
    @Nullable String storyHref,
    List<SourceRef> alsoPublishedBy,
    List<ShareLink> share,
    String shareUrl,
    List<FollowLink> follow) {
  public ArticleView {
    bylines = List.copyOf(bylines);
    tags = List.copyOf(tags);
    body = List.copyOf(body);
    attribution = List.copyOf(attribution);
    related = List.copyOf(related);
    moreOnStory = List.copyOf(moreOnStory);
    alsoPublishedBy = List.copyOf(alsoPublishedBy);
    share = List.copyOf(share);
    follow = List.copyOf(follow);
  }

  /** The tag's page on this site. */
  public static String tagHref(String tag) {
    return "/tag/"
        + java.net.URLEncoder.encode(tag, java.nio.charset.StandardCharsets.UTF_8)
            .replace("+", "%20");
  }
}
