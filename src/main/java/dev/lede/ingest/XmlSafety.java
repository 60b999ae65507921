package dev.lede.ingest;

/**
 * Vets an XML document's prolog before any XML parser sees it. XML's dangerous features all live in
 * the document type declaration: external entities (XXE: reading local files or making requests)
 * and entity definitions that expand exponentially ("billion laughs"). News feeds and sitemaps need
 * none of them. So:
 *
 * <ul>
 *   <li>a DOCTYPE with an internal subset ({@code [...]}, where entities are declared) is refused;
 *   <li>a DOCTYPE that only names an external DTD (RSS 0.91 from Netscape carries one) is removed,
 *       so the DTD is never loaded; ROME's healer turns the HTML entities such feeds use into
 *       character references;
 * </ul>
 *
 * The XML declaration is removed as well, since the text is already decoded. The parsers behind
 * this (ROME, crawler-commons) are also configured to refuse DOCTYPEs and external entities; this
 * check makes the refusal explicit and independent of their settings.
 */
final class XmlSafety {
  private XmlSafety() {}

  /** The document without XML declaration and external-only DOCTYPE. */
  static String clean(String xml) throws BadContentException {
    int i = 0;
    int n = xml.length();
    if (n > 0 && xml.charAt(0) == '\ufeff') {
      i = 1;
    }
    StringBuilder prolog = new StringBuilder();
    while (true) {
      int start = i;
      while (i < n && Character.isWhitespace(xml.charAt(i))) {
        i++;
      }
      if (xml.startsWith("<?xml", i)
          && i + 5 < n
          && !Character.isLetterOrDigit(xml.charAt(i + 5))) {
        int end = xml.indexOf("?>", i);
        if (end < 0) {
          throw new BadContentException("unterminated XML declaration");
        }
        i = end + 2; // dropped
      } else if (xml.startsWith("<?", i)) {
        int end = xml.indexOf("?>", i);
        if (end < 0) {
          throw new BadContentException("unterminated processing instruction");
        }
        prolog.append(xml, start, end + 2);
        i = end + 2;
      } else if (xml.startsWith("<!--", i)) {
        int end = xml.indexOf("-->", i + 4);
        if (end < 0) {
          throw new BadContentException("unterminated comment in the XML prolog");
        }
        prolog.append(xml, start, end + 3);
        i = end + 3;
      } else if (regionMatchesIgnoreCase(xml, i, "<!DOCTYPE")) {
        i = skipDoctype(xml, i);
      } else {
        break;
      }
    }
    // A DOCTYPE (and so an entity declaration) is only legal in the prolog just scanned; one
    // further on is a well-formedness error the parser reports.
    return prolog.append(xml, i, n).toString();
  }

  /** The index after a DOCTYPE without internal subset; refuses one with an internal subset. */
  private static int skipDoctype(String xml, int from) throws BadContentException {
    char quote = 0;
    for (int i = from + 9; i < xml.length(); i++) {
      char c = xml.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '[') {
        throw new BadContentException(
            "DOCTYPE with an internal subset (entity declarations) is not accepted");
      } else if (c == '>') {
        return i + 1;
      }
    }
    throw new BadContentException("unterminated DOCTYPE");
  }

  private static boolean regionMatchesIgnoreCase(String s, int at, String what) {
    return s.regionMatches(true, at, what, 0, what.length());
  }
}
