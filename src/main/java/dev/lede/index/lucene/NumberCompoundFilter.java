package dev.lede.index.lucene;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.classic.ClassicTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Makes numbers and hyphenated designations findable however they are typed. The classic tokenizer
 * keeps "4,700", "F-16", "Covid-19" and "24/7" as single {@code <NUM>} tokens; this filter then
 *
 * <ul>
 *   <li>drops thousands separators: "4,700" and "1,234.5" become "4700" and "1234.5", so that a
 *       search for 4700 finds "4,700" and the reverse;
 *   <li>splits designations joined by '-', '/' or '_' into their parts at consecutive positions and
 *       adds the joined form at the position of the first part (offsets must not go backwards, and
 *       this way a highlight of the joined form covers the whole designation): "Covid-19" gives
 *       covid, covid19 and 19, so "covid", "Covid-19", "COVID19" and the phrase "covid 19 vaccine"
 *       all match it.
 * </ul>
 *
 * Other tokens pass through untouched.
 */
final class NumberCompoundFilter extends TokenFilter {
  private static final Pattern GROUPED = Pattern.compile("\\d{1,3}(,\\d{3})+(\\.\\d+)?");
  private static final String NUM = ClassicTokenizer.TOKEN_TYPES[ClassicTokenizer.NUM];

  private record Pending(String term, int start, int end, int posInc) {}

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
  private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
  private final TypeAttribute type = addAttribute(TypeAttribute.class);
  private final Deque<Pending> pending = new ArrayDeque<>();
  private State state;

  NumberCompoundFilter(TokenStream in) {
    super(in);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!pending.isEmpty()) {
      restoreState(state);
      Pending p = pending.poll();
      term.setEmpty().append(p.term);
      offset.setOffset(p.start, p.end);
      posInc.setPositionIncrement(p.posInc);
      return true;
    }
    if (!input.incrementToken()) {
      return false;
    }
    if (!NUM.equals(type.type())) {
      return true;
    }
    String t = term.toString();
    if (GROUPED.matcher(t).matches()) {
      term.setEmpty().append(t.replace(",", ""));
      return true;
    }
    List<Pending> parts = split(t, offset.startOffset(), offset.endOffset());
    if (parts.size() < 2) {
      return true;
    }
    int firstInc = posInc.getPositionIncrement();
    StringBuilder joined = new StringBuilder();
    for (Pending p : parts) {
      joined.append(p.term);
    }
    for (int i = 0; i < parts.size(); i++) {
      Pending p = parts.get(i);
      pending.add(new Pending(p.term, p.start, p.end, i == 0 ? firstInc : 1));
      if (i == 0) {
        pending.add(new Pending(joined.toString(), offset.startOffset(), offset.endOffset(), 0));
      }
    }
    state = captureState();
    return incrementToken();
  }

  private static List<Pending> split(String t, int start, int end) {
    List<Pending> out = new ArrayList<>();
    boolean exactOffsets = end - start == t.length();
    int from = 0;
    for (int i = 0; i <= t.length(); i++) {
      if (i == t.length() || t.charAt(i) == '-' || t.charAt(i) == '/' || t.charAt(i) == '_') {
        if (i > from) {
          String part = t.substring(from, i);
          if (GROUPED.matcher(part).matches()) {
            part = part.replace(",", "");
          }
          out.add(
              exactOffsets
                  ? new Pending(part, start + from, start + i, 1)
                  : new Pending(part, start, end, 1));
        }
        from = i + 1;
      }
    }
    return out;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    pending.clear();
    state = null;
  }
}
