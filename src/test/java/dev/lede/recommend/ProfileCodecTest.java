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
    assertThat(back.termHashes()).isEqualTo(p.termHashes());
    assertThat(back.signature()).isEqualTo(p.signature());
  }

  private static Related.Profile fromBytes(String id, String line, boolean withQuery) {
    return Related.ProfileCodec.decode(
        id, line.getBytes(java.nio.charset.StandardCharsets.UTF_8), withQuery);
  }

  @Test
  void decode_ofTheLinesUtf8Bytes_isDecode_ofTheLine() {
    Related.Profile wide =
        Related.make(
            "u",
            "Köln – 東京: \uD83D\uDCF0 Zeitung",
            "Ein Satz über Köln…",
            "https://example.org/k%C3%B6ln",
            "ksta",
            "Kölner Stadt-Anzeiger",
            "Région",
            List.of("Nordrhein-Westfalen", "東京"),
            Instant.parse("2024-11-02T08:30:00Z"),
            new RelatedList.Thumbnail("https://example.org/k.jpg", "Dom – bei Nacht"),
            List.of(
                new Entities.Entity("köln", "Köln", false, 4.0),
                new Entities.Entity("東京", "東京", false, 0.1 + 0.2)));
    byte[] v = new byte[384];
    v[3] = -7;
    for (Related.Profile p : List.of(sample(), wide, wide.withVector(v).withQuery("q1 über"))) {
      String line = Related.ProfileCodec.encode(p);
      for (boolean withQuery : new boolean[] {false, true}) {
        Related.Profile a = Related.ProfileCodec.decode(p.id(), line, withQuery);
        Related.Profile b = fromBytes(p.id(), line, withQuery);
        assertThat(b).isNotNull();
        assertThat(b.headline()).isEqualTo(a.headline()).isEqualTo(p.headline());
        assertThat(b.excerpt()).isEqualTo(a.excerpt()).isEqualTo(p.excerpt());
        assertThat(b.url()).isEqualTo(a.url());
        assertThat(b.sourceName()).isEqualTo(a.sourceName()).isEqualTo(p.sourceName());
        assertThat(b.section()).isEqualTo(a.section());
        assertThat(b.tags()).isEqualTo(a.tags());
        assertThat(b.published()).isEqualTo(a.published());
        assertThat(b.thumbnail()).isEqualTo(a.thumbnail()).isEqualTo(p.thumbnail());
        assertThat(b.entities()).isEqualTo(a.entities()).isEqualTo(p.entities());
        assertThat(b.entityKeys()).isEqualTo(a.entityKeys());
        assertThat(b.termHashes()).isEqualTo(a.termHashes()).isEqualTo(p.termHashes());
        assertThat(b.signature()).isEqualTo(a.signature());
        assertThat(b.vector()).isEqualTo(a.vector()).isEqualTo(p.vector());
        assertThat(b.query()).isEqualTo(a.query());
      }
    }
    // Unreadable lines are unreadable as bytes too.
    String good = Related.ProfileCodec.encode(wide);
    assertThat(fromBytes("u", good + "\u001fextra", false)).isNull();
    assertThat(fromBytes("u", good.substring(0, good.lastIndexOf('\u001f')), false)).isNull();
    assertThat(fromBytes("u", "p0\u001fold", false)).isNull();
    assertThat(fromBytes("u", "", false)).isNull();
    assertThat(fromBytes("u", "p3", false)).isNull();
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
    // An entity of three or five parts, an empty entity, a weight that is no number (the entities
    // come before the last two fields, the article's vector and query).
    String withoutQuery = good.substring(0, good.lastIndexOf('\u001f'));
    String withoutVector = withoutQuery.substring(0, withoutQuery.lastIndexOf('\u001f'));
    String head = withoutVector.substring(0, withoutVector.lastIndexOf('\u001f') + 1);
    String tail = "\u001f\u001f";
    assertThat(Related.ProfileCodec.decode("a1", head + "kursk\u001dKursk\u001d0" + tail)).isNull();
    assertThat(Related.ProfileCodec.decode("a1", head + "k\u001dK\u001d0\u001d1\u001dx" + tail))
        .isNull();
    assertThat(Related.ProfileCodec.decode("a1", head + "k\u001dK\u001d0\u001d1\u001e" + tail))
        .isNull();
    assertThat(Related.ProfileCodec.decode("a1", head + "k\u001dK\u001d0\u001dheavy" + tail))
        .isNull();
    // A number flag of more than one character is not "1".
    Related.Profile odd =
        Related.ProfileCodec.decode("a1", head + "k\u001dK\u001d11\u001d1" + tail);
    assertThat(odd).isNotNull();
    assertThat(odd.entities().get(0).number()).isFalse();
  }

  @Test
  void aVector_andAQuery_comeBackAsEncoded_andAVersion2Line_readsWithoutAVector() {
    byte[] v = new byte[384];
    for (int i = 0; i < v.length; i++) {
      v[i] = (byte) (i * 7 - 128);
    }
    Related.Profile p = sample().withVector(v).withQuery("q1\u001dsome query");

    Related.Profile back = Related.ProfileCodec.decode("a1", Related.ProfileCodec.encode(p), true);

    assertThat(back).isNotNull();
    assertThat(back.vector()).isEqualTo(v);
    assertThat(back.query()).isEqualTo("q1\u001dsome query");
    // A candidate's profile keeps its vector but not the query.
    Related.Profile candidate = Related.ProfileCodec.decode("a1", Related.ProfileCodec.encode(p));
    assertThat(candidate.vector()).isEqualTo(v);
    assertThat(candidate.query()).isNull();
    // The line of the previous version: no vector field, the query last.
    String line = Related.ProfileCodec.encode(sample().withQuery("q-old"));
    String v2 =
        "p2"
            + line.substring(2, line.lastIndexOf('\u001f', line.lastIndexOf('\u001f') - 1))
            + "\u001fq-old";
    Related.Profile old = Related.ProfileCodec.decode("a1", v2, true);
    assertThat(old).isNotNull();
    assertThat(old.vector()).isNull();
    assertThat(old.query()).isEqualTo("q-old");
    assertThat(old.entities()).isEqualTo(p.entities());
  }

  @Test
  void profile_termAndSignatureHashes_areThoseOfItsSets() {
    Related.Profile p = sample();

    // The first 15 keys and the headline's words of more than three characters ("Kim" is not).
    assertThat(p.termHashes())
        .isEqualTo(TermHashes.of(List.of("north korea", "kursk", "2,500", "visits")));
    assertThat(p.signature()).isEqualTo(TermHashes.of(List.of("north korea", "kursk", "2,500")));
    Related.Profile back = Related.ProfileCodec.decode("a1", Related.ProfileCodec.encode(p));
    assertThat(back.termHashes()).isEqualTo(p.termHashes());
    assertThat(back.signature()).isEqualTo(p.signature());
  }

  @Test
  void termHashes_takeTheFirst15Keys_andTheHeadlinesLongerWords_lowerCased() {
    List<Entities.Entity> many = new java.util.ArrayList<>();
    List<String> first15 = new java.util.ArrayList<>();
    for (int i = 0; i < 20; i++) {
      many.add(new Entities.Entity("name " + i, "Name " + i, false, 1.0));
      if (i < 15) {
        first15.add("name " + i);
      }
    }
    Related.Profile p =
        Related.make(
            "m",
            "Ölpreis steigt: OPEC kürzt 2024",
            "",
            "",
            "",
            "",
            "",
            List.of(),
            null,
            null,
            many);
    Related.Profile back = Related.ProfileCodec.decode("m", Related.ProfileCodec.encode(p));

    List<String> expected = new java.util.ArrayList<>(first15);
    expected.addAll(List.of("ölpreis", "steigt", "opec", "kürzt", "2024"));
    assertThat(p.termHashes()).isEqualTo(TermHashes.of(expected));
    assertThat(back.termHashes()).isEqualTo(p.termHashes());
    assertThat(back.signature()).isEqualTo(TermHashes.of(first15.subList(0, 12)));
  }

  @Test
  void aDecodedProfile_answersWhetherANameIsAmongItsKeys_exactly() {
    Related.Profile p =
        Related.make(
            "k",
            "Head",
            "",
            "",
            "",
            "",
            "",
            List.of(),
            null,
            null,
            List.of(
                new Entities.Entity("kursk", "Kursk", false, 2.0),
                new Entities.Entity("north korea", "North Korea", false, 1.25),
                new Entities.Entity("kursk", "KURSK", false, 1.0),
                new Entities.Entity("", "Empty", true, 3.0)));

    Related.Profile back = Related.ProfileCodec.decode("k", Related.ProfileCodec.encode(p));

    assertThat(back).isNotNull();
    java.util.Set<String> keys = back.entityKeys();
    assertThat(keys.contains("kursk")).isTrue();
    assertThat(keys.contains("north korea")).isTrue();
    assertThat(keys.contains("")).isTrue();
    // A prefix of a key, a key with its neighbour's separator, another case: not keys.
    assertThat(keys.contains("north")).isFalse();
    assertThat(keys.contains("kursk\u001dKursk")).isFalse();
    assertThat(keys.contains("Kursk")).isFalse();
    assertThat(keys.contains((Object) 7)).isFalse();
    // The same set as the made profile's, duplicates counted once.
    assertThat(keys).isEqualTo(p.entityKeys()).hasSize(3);
    assertThat(back.entities()).isEqualTo(p.entities());
    assertThat(back.entities().get(1).weight()).isEqualTo(1.25);
    assertThat(back.entities().get(3).number()).isTrue();
  }

  @Test
  void weightsInEveryFormADoubleIsWritten_readBackToTheBit() {
    double[] weights = {0.1 + 0.2, 1e-9, 12345678.0, 1.0E10, 7.0, Double.MIN_VALUE};
    List<Entities.Entity> es = new java.util.ArrayList<>();
    for (int i = 0; i < weights.length; i++) {
      es.add(new Entities.Entity("e" + i, "E" + i, false, weights[i]));
    }
    Related.Profile p = Related.make("w", "", "", "", "", "", "", List.of(), null, null, es);

    Related.Profile back = Related.ProfileCodec.decode("w", Related.ProfileCodec.encode(p));

    assertThat(back).isNotNull();
    for (int i = 0; i < weights.length; i++) {
      assertThat(back.entities().get(i).weight()).isEqualTo(weights[i]);
    }
  }

  private static Related.SubjectQuery query() {
    java.util.Map<String, Double> weights = new java.util.LinkedHashMap<>();
    weights.put("north korea", 3.141592653589793);
    weights.put("kursk", 0.1 + 0.2);
    weights.put("2,500", 1e-9);
    return new Related.SubjectQuery(
        102_000,
        -42,
        new Related.LikeText("kursk kursk troop north korea", "kursk kursk north korea"),
        weights,
        List.of("Asia", "War\u001ein Ukraine"));
  }

  @Test
  void subjectQuery_encodeThenDecode_givesTheSameQuery_weightsToTheLastBit() {
    Related.SubjectQuery q = query();

    Related.SubjectQuery back = Related.SubjectQuery.decode(q.encode());

    assertThat(back).isNotNull();
    assertThat(back.docCount()).isEqualTo(102_000);
    assertThat(back.key()).isEqualTo(-42);
    assertThat(back.like()).isEqualTo(q.like());
    assertThat(back.entityWeights()).containsExactlyEntriesOf(q.entityWeights());
    assertThat(back.tags()).containsExactly("Asia", "War in Ukraine");
  }

  @Test
  void subjectQuery_withoutNamesOrTags_andGarbage() {
    Related.SubjectQuery q =
        new Related.SubjectQuery(
            5, 7, new Related.LikeText("", ""), new java.util.LinkedHashMap<>(), List.of());
    Related.SubjectQuery back = Related.SubjectQuery.decode(q.encode());
    assertThat(back).isNotNull();
    assertThat(back.entityWeights()).isEmpty();
    assertThat(back.tags()).isEmpty();

    assertThat(Related.SubjectQuery.decode("")).isNull();
    assertThat(Related.SubjectQuery.decode("q0\u001d1")).isNull();
    String line = query().encode();
    assertThat(Related.SubjectQuery.decode(line.replace("102000", "many"))).isNull();
    // A name without its weight.
    assertThat(Related.SubjectQuery.decode(line.replace("\u001e1.0E-9", ""))).isNull();
  }

  @Test
  void profileWithQuery_keepsTheQueryForASubject_andDropsItForACandidate() {
    String q = query().encode();
    String line = Related.ProfileCodec.encode(sample().withQuery(q));

    Related.Profile subject = Related.ProfileCodec.decode("a1", line, true);
    Related.Profile candidate = Related.ProfileCodec.decode("a1", line);

    assertThat(subject).isNotNull();
    assertThat(subject.query()).isEqualTo(q);
    assertThat(candidate).isNotNull();
    assertThat(candidate.query()).isNull();
    assertThat(candidate.entities()).isEqualTo(subject.entities());
  }

  @Test
  void aVersion1Line_withoutAQueryField_isStillRead() {
    String v3 = Related.ProfileCodec.encode(sample());
    String withoutQuery = v3.substring(0, v3.lastIndexOf('\u001f'));
    String v1 = "p1" + withoutQuery.substring(2, withoutQuery.lastIndexOf('\u001f'));

    Related.Profile p = Related.ProfileCodec.decode("a1", v1, true);

    assertThat(p).isNotNull();
    assertThat(p.query()).isNull();
    assertThat(p.entities()).isEqualTo(sample().entities());
    assertThat(p.tags()).containsExactly("Asia", "War in Ukraine");
  }
}
