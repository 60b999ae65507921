package dev.lede.web;

import java.util.List;
import java.util.Locale;

/**
 * A small server-rendered SVG sparkline (articles per day on the operator's page): a polyline
 * scaled to the largest value, with a title for screen readers. Pure; no script, no styles outside
 * the element.
 */
final class Sparkline {
  private Sparkline() {}

  static String svg(List<Integer> values, int width, int height, String title) {
    StringBuilder sb = new StringBuilder(256);
    sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"spark\" role=\"img\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height)
        .append("\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(height)
        .append("\"><title>")
        .append(Html.escape(title))
        .append("</title>");
    if (!values.isEmpty()) {
      int max = Math.max(1, values.stream().mapToInt(Integer::intValue).max().orElse(1));
      double step = values.size() == 1 ? 0 : (double) (width - 2) / (values.size() - 1);
      sb.append("<polyline fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.5\" points=\"");
      for (int i = 0; i < values.size(); i++) {
        double x = 1 + i * step;
        double y = height - 1 - (height - 2) * (double) values.get(i) / max;
        sb.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
      }
      sb.setLength(sb.length() - 1);
      sb.append("\"/>");
    }
    sb.append("</svg>");
    return sb.toString();
  }
}
