package dev.lede.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressPolicyTest {

  private static InetAddress ip(String literal) throws UnknownHostException {
    InetAddress a = AddressPolicy.literal(literal);
    if (a == null) {
      throw new UnknownHostException("not a literal: " + literal);
    }
    return a;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        "127.8.9.10",
        "10.0.0.1",
        "10.255.255.255",
        "172.16.0.1",
        "172.31.255.254",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "100.127.255.255",
        "192.0.0.8",
        "192.0.2.1",
        "198.18.0.1",
        "198.51.100.7",
        "203.0.113.9",
        "::1",
        "fc00::1",
        "fd12:3456::1",
        "fe80::1",
        "fec0::1",
        "2001:db8::1",
        "::ffff:10.0.0.1",
        "::ffff:127.0.0.1",
        "::ffff:169.254.169.254",
        "::10.0.0.1",
        "64:ff9b::a00:1",
        "2002:0a00:0001::1",
        "2001:0:4136:e378::1",
        "100::1"
      })
  void privateAndReserved_refusedByDefault_allowedWithAllowPrivate(String literal)
      throws Exception {
    InetAddress a = ip(literal);
    assertThat(AddressPolicy.categorize(a)).as(literal).isEqualTo(AddressPolicy.Category.PRIVATE);
    assertThat(new AddressPolicy(false).refusal(a)).as(literal).contains("--allow-private");
    assertThat(new AddressPolicy(true).refusal(a)).as(literal).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0.0.0.0",
        "0.1.2.3",
        "224.0.0.1",
        "239.255.255.250",
        "255.255.255.255",
        "240.0.0.1",
        "::",
        "ff02::1",
        "::ffff:224.0.0.1",
        "::ffff:0.0.0.0"
      })
  void unspecifiedMulticastBroadcast_refusedEvenWithAllowPrivate(String literal) throws Exception {
    InetAddress a = ip(literal);
    assertThat(new AddressPolicy(true).refusal(a)).as(literal).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "93.184.216.34",
        "8.8.8.8",
        "1.1.1.1",
        "172.32.0.1",
        "172.15.255.255",
        "100.128.0.1",
        "192.169.0.1",
        "2606:4700::1111",
        "2a00:1450:4001::200e",
        "::ffff:8.8.8.8"
      })
  void publicAddresses_allowed(String literal) throws Exception {
    InetAddress a = ip(literal);
    assertThat(AddressPolicy.categorize(a)).as(literal).isEqualTo(AddressPolicy.Category.PUBLIC);
    assertThat(new AddressPolicy(false).refusal(a)).as(literal).isNull();
  }

  @Test
  void literal_parsesWithoutLookup_andRejectsNames() {
    assertThat(AddressPolicy.literal("[::1]")).isNotNull();
    assertThat(AddressPolicy.literal("10.1.2.3")).isNotNull();
    assertThat(AddressPolicy.literal("300.1.2.3")).isNull();
    assertThat(AddressPolicy.literal("example.com")).isNull();
    assertThat(AddressPolicy.literal("localhost")).isNull();
  }

  @Test
  void trustedAddress_allowedWhilePrivateRefused() throws Exception {
    AddressPolicy p = new AddressPolicy(false, Set.of(ip("127.0.0.1")));
    assertThat(p.refusal(ip("127.0.0.1"))).isNull();
    assertThat(p.refusal(ip("127.0.0.2"))).isNotNull();
    assertThat(p.refusal(ip("10.0.0.1"))).isNotNull();
  }
}
