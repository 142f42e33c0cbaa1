package io.invoiceflow.streams.secrets;

import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.FieldViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.UnknownHostException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

class HostPolicyTest {

    private static HostPolicy resolvingTo(boolean allowPrivate, String... ips) {
        return new HostPolicy(allowPrivate, host -> {
            if (host.equals("nowhere.example")) {
                throw new UnknownHostException(host);
            }
            InetAddress[] out = new InetAddress[ips.length];
            for (int i = 0; i < ips.length; i++) {
                out[i] = InetAddress.getByName(ips[i]);
            }
            return out;
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "0.0.0.0", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
            "100.64.0.1", "100.127.255.254", "169.254.169.254", "224.0.0.1", "239.1.1.1", "255.255.255.255", "240.0.0.1",
            "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "fec0::1", "ff02::1",
            "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "::127.0.0.1", "64:ff9b::a00:1", "2002:a00:1::1"})
    void shouldRefuse_whenTheAddressIsNotPublic(String ip) throws Exception {
        assertThat(HostPolicy.refusal(InetAddress.getByName(ip))).isPresent();
        assertThat(HostPolicy.of(false).permits(InetAddress.getByName(ip))).isFalse();
        assertThat(HostPolicy.of(true).permits(InetAddress.getByName(ip))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "193.0.6.139", "172.15.255.255", "172.32.0.1", "100.63.255.255", "100.128.0.1",
            "192.169.0.1", "2001:4860:4860::8888", "2a00:1450:4001::1", "::ffff:8.8.8.8", "64:ff9b::808:808"})
    void shouldAllow_whenTheAddressIsPublic(String ip) throws Exception {
        assertThat(HostPolicy.refusal(InetAddress.getByName(ip))).isEmpty();
    }

    @Test
    void shouldNameTheHostField_whenTheHostResolvesToAPrivateAddress() {
        // given a host that resolves to a public and a private address
        HostPolicy policy = resolvingTo(false, "193.0.6.139", "10.0.0.7");

        // when it is checked, then it is refused on field host, without revealing the address
        assertThatThrownBy(() -> policy.check("smtp.internal.example"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.violations()).extracting(FieldViolation::field, FieldViolation::rule)
                            .containsExactly(org.assertj.core.groups.Tuple.tuple("host", "public-address"));
                    assertThat(e.getMessage()).contains("private").doesNotContain("10.0.0.7");
                });
    }

    @Test
    void shouldAllowPrivateHosts_whenTheInstallationAllowsThem() {
        assertThatNoException().isThrownBy(() -> resolvingTo(true, "10.0.0.7").check("relay.lan"));
        assertThatNoException().isThrownBy(() -> resolvingTo(false, "193.0.6.139").check("smtp.example.com"));
    }

    @Test
    void shouldRefuseWithAClearRule_whenTheHostIsMalformedOrUnknown() {
        HostPolicy policy = resolvingTo(false, "193.0.6.139");
        assertThatThrownBy(() -> policy.check("smtp example.com")).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.violations().get(0).rule()).isEqualTo("format"));
        assertThatThrownBy(() -> policy.check("")).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.violations().get(0).field()).isEqualTo("host"));
        assertThatThrownBy(() -> policy.check("nowhere.example")).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.violations().get(0).rule()).isEqualTo("resolvable"));
    }

    @Test
    void shouldCheckLiteralAddresses_whenTheHostIsAnIp() {
        HostPolicy policy = HostPolicy.of(false);
        assertThatThrownBy(() -> policy.check("127.0.0.1")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> policy.check("[::1]")).isInstanceOf(DomainException.class);
        assertThatNoException().isThrownBy(() -> policy.check("193.0.6.139"));
    }
}
