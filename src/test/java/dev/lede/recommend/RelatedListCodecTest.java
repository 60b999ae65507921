package dev.lede.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RelatedListCodecTest {
  private static RelatedList.Item item(String id, String story, boolean fallback) {
    return new RelatedList.Item(
        id,
        "Kim visits Kursk",
        "",
        "North Korean troops were seen near Kursk…",
        "https://example.org/" + id,
        Instant.parse("2024-11-02T08:30:00Z"),
        "The Daily",
        story,
        fallback ? "same section, fresh" : "shared: North Korea, Kursk",
        fallback,
        null,
        fallback
            ? RelatedList.Breakdown.NONE
            : new RelatedList.Breakdown(
                0.8123, 1.0, 0.7, 0.2, 0.05, 0.05, -0.0312, 0.0, List.of("North Korea", "Kursk")));
  }

  @Test
  void encode_thenDecode_givesTheSameList() {
    RelatedList.Item withThumb =
        new RelatedList.Item(
            "b",
            "Storm \"Bert\" – floods in Wales",
            "Bert floods Wales",
            "Rivers burst their banks…",
            "",
            null,
            "",
            null,
            "similar words",
            false,
            new RelatedList.Thumbnail("https://example.org/b.jpg", "A flooded street, Pontypridd"),
            new RelatedList.Breakdown(1e-7, 0.5, 0.5, 0, 0, 0, 0, 0.12, List.of()));
    RelatedList list =
        new RelatedList(
            "a",
            List.of(item("x", "story-1", false), withThumb, item("f", "story-2", true)),
            Instant.parse("2026-11-27T16:00:00.123Z"),
            4711,
            false);

    RelatedList back = RelatedListCodec.decode(RelatedListCodec.encode(list));

    assertThat(back).isNotNull();
    assertThat(back.stored()).isTrue();
    assertThat(back.withStored(false)).isEqualTo(list);
  }

  @Test
  void separatorsAndEscapesInsideValues_readBackExactly() {
    String nasty = "a\u001fb\u001ec\u001dd\u001ce\u001c_f\\g";
    RelatedList.Item i =
        new RelatedList.Item(
            nasty,
            nasty,
            nasty,
            nasty,
            nasty,
            null,
            nasty,
            nasty,
            nasty,
            false,
            new RelatedList.Thumbnail(nasty, nasty),
            new RelatedList.Breakdown(0, 0, 0, 0, 0, 0, 0, 0, List.of(nasty, "", nasty)));
    RelatedList list = new RelatedList(nasty, List.of(i), Instant.EPOCH, 0, false);

    RelatedList back = RelatedListCodec.decode(RelatedListCodec.encode(list));

    assertThat(back).isNotNull();
    assertThat(back.withStored(false)).isEqualTo(list);
  }

  @Test
  void storySupport_readsBack_andLinesOfTheTwoEarlierVersionsStillRead() {
    RelatedList.Item supported =
        new RelatedList.Item(
            "c",
            "Second quake shakes the island",
            "",
            "",
            "",
            null,
            "",
            "story-9",
            "similar words",
            false,
            null,
            new RelatedList.Breakdown(0.9, 0.6, 0.5, 0.1, 0, 0, 0, 0, List.of(), 0.25, 0.5));
    RelatedList list = new RelatedList("a", List.of(supported), Instant.EPOCH, 2, false);
    assertThat(RelatedListCodec.decode(RelatedListCodec.encode(list)).withStored(false))
        .isEqualTo(list);

    // The explanation names the part only where there is one; the JSON form keeps it too.
    var json = RelatedJson.toJson(list, true).path("related").get(0).path("score");
    assertThat(json.path("storySupport").asDouble()).isEqualTo(0.5);
    assertThat(json.path("embedding").asDouble()).isEqualTo(0.25);
    assertThat(RelatedJson.fromStored(RelatedJson.toStored(list)).items().get(0).breakdown())
        .isEqualTo(supported.breakdown());
    RelatedList unsupported =
        new RelatedList("a", List.of(item("x", "s", false)), Instant.EPOCH, 1, false);
    assertThat(
            RelatedJson.toJson(unsupported, true)
                .path("related")
                .get(0)
                .path("score")
                .has("storySupport"))
        .isFalse();

    // Written by hand as the two earlier builds stored them: nine numbers (l2), eight (l1).
    String s = "\u001f";
    String head = "a" + s + "0" + s + "2" + s + "1" + s;
    String fields =
        "c"
            + s
            + "Quake"
            + s
            + ""
            + s
            + ""
            + s
            + ""
            + s
            + ""
            + s
            + ""
            + s
            + "1story-9"
            + s
            + "similar words"
            + s
            + "0"
            + s
            + "0"
            + s;
    String l2 =
        "l2" + s + head + fields + "0.9" + s + "0.6" + s + "0.5" + s + "0.1" + s + "0" + s + "0" + s
            + "0" + s + "0" + s + "0.25" + s + "1" + s + "Kursk" + s;
    String l1 =
        "l1" + s + head + fields + "0.9" + s + "0.6" + s + "0.5" + s + "0.1" + s + "0" + s + "0" + s
            + "0" + s + "0" + s + "0" + s;
    RelatedList.Breakdown b2 = RelatedListCodec.decode(l2).items().get(0).breakdown();
    assertThat(b2.embedding()).isEqualTo(0.25);
    assertThat(b2.support()).isZero();
    assertThat(b2.shared()).containsExactly("Kursk");
    RelatedList.Breakdown b1 = RelatedListCodec.decode(l1).items().get(0).breakdown();
    assertThat(b1.text()).isEqualTo(0.5);
    assertThat(b1.embedding()).isZero();
    assertThat(b1.support()).isZero();
    assertThat(RelatedListCodec.decode(l1).items().get(0).story()).isEqualTo("story-9");
  }

  @Test
  void emptyList_readsBack() {
    RelatedList list = new RelatedList("lonely", List.of(), Instant.EPOCH, 3, false);

    assertThat(RelatedListCodec.decode(RelatedListCodec.encode(list)).items()).isEmpty();
  }

  @Test
  void otherVersionTruncatedOrTrailingData_readsAsAbsent() {
    RelatedList list =
        new RelatedList("a", List.of(item("x", "s", false)), Instant.EPOCH, 1, false);
    String line = RelatedListCodec.encode(list);

    assertThat(RelatedListCodec.decode("l0" + line.substring(2))).isNull();
    assertThat(RelatedListCodec.decode(line.substring(0, line.length() / 2))).isNull();
    assertThat(RelatedListCodec.decode(line + "extra\u001f")).isNull();
    assertThat(RelatedListCodec.decode("{\"id\":\"a\",\"related\":[]}")).isNull();
    assertThat(RelatedListCodec.decode("")).isNull();
  }
}
