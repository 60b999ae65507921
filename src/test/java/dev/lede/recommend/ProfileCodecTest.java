package dev.lede.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileCodecTest {
  private static Related.Profile sample() {
    return Related.make(
        "a1",
        "Kim visits Kursk",
        "North Korean troops were seen near Kursk…",
        "https://example.org/a1",
        "daily",
        "The Daily",
        "World",
        List.of("Asia", "War\u001ein Ukraine"),
        Instant.parse("2024-11-02T08:30:00Z"),
        new RelatedList.Thumbnail("https://example.org/a1.jpg", "Troops, 2024"),
        List.of(
            new Entities.Entity("north korea", "North Korea", false, 5.0),
            new Entities.Entity("kursk", "Kursk", false, 3.0),
            new Entities.Entity("2,500", "2,500", true, 1.0)));
  }

  @Test
  void encode_thenDecode_givesTheSameProfile() {
    Related.Profile p = sample();

    Related.Profile back = Related.ProfileCodec.decode("a1", Related.ProfileCodec.encode(p));

    assertThat(back).isNotNull();
    assertThat(back.headline()).isEqualTo("Kim visits Kursk");
    assertThat(back.excerpt()).isEqualTo(p.excerpt());
    assertThat(back.url()).isEqualTo(p.url());
    assertThat(back.sourceKey()).isEqualTo("daily");
    assertThat(back.sourceName()).isEqualTo("The Daily");
    assertThat(back.section()).isEqualTo("World");
    // The separator inside a value is replaced, not taken for a separator.
    assertThat(back.tags()).containsExactly("Asia", "War in Ukraine");
    assertThat(back.published()).isEqualTo(p.published());
    assertThat(back.thumbnail()).isEqualTo(p.thumbnail());
    assertThat(back.entities()).isEqualTo(p.entities());
    assertThat(back.entityKeys()).isEqualTo(p.entityKeys());
    assertThat(back.terms()).isEqualTo(p.terms());
    assertThat(back.signature()).isEqualTo(p.signature());
  }

  @Test
  void decode_withoutDateThumbnailOrEntities() {
    Related.Profile p =
        Related.make("b", "One", "", "", "", "", "", List.of(), null, null, List.of());

    Related.Profile back = Related.ProfileCodec.decode("b", Related.ProfileCodec.encode(p));

    assertThat(back).isNotNull();
    assertThat(back.published()).isNull();
    assertThat(back.thumbnail()).isNull();
    assertThat(back.entities()).isEmpty();
    assertThat(back.tags()).isEmpty();
  }

  @Test
  void decode_ofAnotherVersionOrGarbage_isAbsent() {
    assertThat(Related.ProfileCodec.decode("x", "p0\u001fold")).isNull();
    assertThat(Related.ProfileCodec.decode("x", "")).isNull();
  }

  @Test
  void decode_keepsEmptyTagsAndEntityParts_asTheEncodedLineHasThem() {
    String line =
        "p1\u001fHead\u001f\u001f\u001f\u001f\u001f\u001fa\u001e\u001eb\u001f\u001f0\u001f"
            + "\u001f\u001f"
            + "\u001dEmpty key\u001d0\u001d1.5\u001ekursk\u001dKursk\u001d1\u001d2.0";

    Related.Profile p = Related.ProfileCodec.decode("c", line);

    assertThat(p).isNotNull();
    assertThat(p.headline()).isEqualTo("Head");
    assertThat(p.tags()).containsExactly("a", "", "b");
    assertThat(p.entities())
        .containsExactly(
            new Entities.Entity("", "Empty key", false, 1.5),
            new Entities.Entity("kursk", "Kursk", true, 2.0));
  }

  @Test
  void decode_ofAMalformedLine_isAbsent() {
    String good = Related.ProfileCodec.encode(sample());
    assertThat(Related.ProfileCodec.decode("a1", good)).isNotNull();

    // One field too many or too few.
    assertThat(Related.ProfileCodec.decode("a1", good + "\u001fextra")).isNull();
    assertThat(Related.ProfileCodec.decode("a1", good.substring(0, good.lastIndexOf('\u001f'))))
        .isNull();
    // An entity of three or five parts, an empty entity, a weight that is no number.
    String head = good.substring(0, good.lastIndexOf('\u001f') + 1);
    assertThat(Related.ProfileCodec.decode("a1", head + "kursk\u001dKursk\u001d0")).isNull();
    assertThat(Related.ProfileCodec.decode("a1", head + "k\u001dK\u001d0\u001d1\u001dx")).isNull();
    assertThat(Related.ProfileCodec.decode("a1", head + "k\u001dK\u001d0\u001d1\u001e")).isNull();
    assertThat(Related.ProfileCodec.decode("a1", head + "k\u001dK\u001d0\u001dheavy")).isNull();
    // A number flag of more than one character is not "1".
    Related.Profile odd = Related.ProfileCodec.decode("a1", head + "k\u001dK\u001d11\u001d1");
    assertThat(odd).isNotNull();
    assertThat(odd.entities().get(0).number()).isFalse();
  }

  @Test
  void profile_termAndSignatureHashes_areThoseOfItsSets() {
    Related.Profile p = sample();

    assertThat(p.termHashes()).isEqualTo(TermHashes.of(p.terms()));
    assertThat(p.signature()).isEqualTo(TermHashes.of(List.of("north korea", "kursk", "2,500")));
  }
}
