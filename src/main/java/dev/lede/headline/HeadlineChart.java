package dev.lede.headline;

import java.util.Locale;

/**
 * Renders a test report as a small server-rendered SVG (no script): one row per arm with its click
 * rate as a dot, the 95% credible interval as a bar, and the probability of being best as a label.
 * A pure function; every text is XML-escaped.
 */
public final class HeadlineChart {
  private HeadlineChart() {}

  private static final int ROW = 28;
  private static final int LABEL = 260;
  private static final int PLOT = 300;
  private static final int RIGHT = 90;

  public static String svg(TestReport r) {
    int h = 30 + ROW * r.arms().size();
    int w = LABEL + PLOT + RIGHT;
    double max = 0.0001;
    for (TestReport.Arm a : r.arms()) {
      max = Math.max(max, a.high());
    }
    max *= 1.1;
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                + " role=\"img\" aria-label=\"%s\" font-family=\"sans-serif\" font-size=\"12\">",
            w,
            h,
            w,
            h,
            escape("Click rates of the headline variants of " + r.articleId())));
    sb.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"16\" fill=\"#444\">CTR (95%% interval), 0 to %.2f%%</text>",
            LABEL,
            max * 100));
    sb.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"16\" fill=\"#444\">P(best)</text>",
            LABEL + PLOT + 10));
    int y = 30;
    for (TestReport.Arm a : r.arms()) {
      boolean win = a.variantId().equals(r.winner());
      String label = a.text().length() > 40 ? a.text().substring(0, 39) + "\u2026" : a.text();
      double x0 = LABEL + PLOT * a.low() / max;
      double x1 = LABEL + PLOT * a.high() / max;
      double xc = LABEL + PLOT * a.ctr() / max;
      int cy = y + ROW / 2;
      sb.append(
          String.format(
              Locale.ROOT,
              "<text x=\"4\" y=\"%d\"%s><title>%s</title>%s</text>",
              cy + 4,
              win ? " font-weight=\"bold\"" : "",
              escape(a.text()),
              escape(label)));
      sb.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#89a\" stroke-width=\"6\"/>",
              x0,
              cy,
              x1,
              cy));
      sb.append(
          String.format(
              Locale.ROOT,
              "<circle cx=\"%.1f\" cy=\"%d\" r=\"4\" fill=\"%s\"/>",
              xc,
              cy,
              win ? "#c60" : "#235"));
      sb.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\">%.0f%%</text>",
              LABEL + PLOT + 10,
              cy + 4,
              a.probabilityBest() * 100));
      y += ROW;
    }
    sb.append("</svg>");
    return sb.toString();
  }

  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> {
          if (c < 0x20 && c != '\t' && c != '\n') {
            sb.append(' ');
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }
}
