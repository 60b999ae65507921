package dev.lede.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Plain share links (no scripts, no trackers): each network's documented "share" URL with the
 * article URL and title filled in. The page adds copy-link and the Web Share API on top with a
 * small script of our own where the browser offers them.
 */
final class ShareLinks {
  /** One share target: a label for the button and the URL it opens. */
  record Link(String network, String label, String href) {}

  private ShareLinks() {}

  static List<Link> forArticle(String url, String title) {
    String u = enc(url);
    String t = enc(title);
    return List.of(
        new Link("x", "X", "https://x.com/intent/post?url=" + u + "&text=" + t),
        new Link("facebook", "Facebook", "https://www.facebook.com/sharer/sharer.php?u=" + u),
        new Link(
            "linkedin", "LinkedIn", "https://www.linkedin.com/sharing/share-offsite/?url=" + u),
        new Link("reddit", "Reddit", "https://www.reddit.com/submit?url=" + u + "&title=" + t),
        new Link("whatsapp", "WhatsApp", "https://wa.me/?text=" + enc(title + " " + url)),
        new Link("telegram", "Telegram", "https://t.me/share/url?url=" + u + "&text=" + t),
        new Link(
            "bluesky", "Bluesky", "https://bsky.app/intent/compose?text=" + enc(title + " " + url)),
        new Link("email", "E-mail", "mailto:?subject=" + t + "&body=" + enc(title + "\n\n" + url)));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
