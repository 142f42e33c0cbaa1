package io.invoiceflow.streams.secrets;

import io.invoiceflow.events.DomainException;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which mail server hosts a tenant may configure. A tenant's SMTP host is resolved and refused if
 * any of its addresses is loopback, link-local, private (RFC 1918, IPv6 ULA, CGNAT 100.64/10,
 * deprecated site-local), multicast, unspecified, broadcast or reserved, including those addresses
 * in IPv4-mapped, IPv4-compatible, NAT64 (64:ff9b::/96) and 6to4 form, unless the installation
 * allows private hosts ({@code INVOICEFLOW_SMTP_ALLOW_PRIVATE_HOSTS}). This keeps a tenant from
 * pointing the server's SMTP client at internal services. The same check runs again on the address
 * every connection actually goes to (see {@code GuardedSocketFactory}), so a DNS answer that
 * changes after the check does not get around it.
 */
public final class HostPolicy {
    private static final Pattern HOST = Pattern.compile(
            "(?i)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\\.?|\\[?[0-9a-f:.]+]?");

    /** Resolves a host name to all its addresses; replaceable in tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowPrivate;
    private final Resolver resolver;

    public HostPolicy(boolean allowPrivate, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /** The JVM's resolver. */
    public static HostPolicy of(boolean allowPrivate) {
        return new HostPolicy(allowPrivate, InetAddress::getAllByName);
    }

    public boolean allowsPrivate() {
        return allowPrivate;
    }

    /**
     * Checks a host name or literal address.
     *
     * @throws DomainException {@code INVALID_INPUT} on field {@code host}: rule {@code format},
     *                         {@code resolvable} or {@code public-address}
     */
    public void check(String host) {
        if (host == null || host.isBlank() || host.length() > 253 || !HOST.matcher(host).matches()) {
            throw DomainException.invalid("host", "format", "host must be a host name or an IP address");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            throw DomainException.invalid("host", "resolvable", "host " + host + " cannot be resolved");
        }
        if (allowPrivate) {
            return;
        }
        for (InetAddress address : addresses) {
            Optional<String> refusal = refusal(address);
            if (refusal.isPresent()) {
                throw DomainException.invalid("host", "public-address", "host " + host + " resolves to a "
                        + refusal.get() + " address; mail servers on internal networks are refused unless the"
                        + " installation allows them");
            }
        }
    }

    /** Whether a connection to this address is allowed. */
    public boolean permits(InetAddress address) {
        return allowPrivate || refusal(address).isEmpty();
    }

    /** Why {@code address} is not a public unicast address, or empty if it is one. */
    public static Optional<String> refusal(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return refusalV4(b);
        }
        if (address instanceof Inet6Address) {
            return refusalV6(b);
        }
        return Optional.of("unknown kind of");
    }

    private static Optional<String> refusalV4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        if (a0 == 0) {
            return Optional.of("unspecified");
        }
        if (a0 == 127) {
            return Optional.of("loopback");
        }
        if (a0 == 169 && a1 == 254) {
            return Optional.of("link-local");
        }
        if (a0 == 10 || (a0 == 172 && a1 >= 16 && a1 <= 31) || (a0 == 192 && a1 == 168)) {
            return Optional.of("private (RFC 1918)");
        }
        if (a0 == 100 && a1 >= 64 && a1 <= 127) {
            return Optional.of("private (carrier-grade NAT)");
        }
        if (a0 >= 224 && a0 <= 239) {
            return Optional.of("multicast");
        }
        if (a0 >= 240) {
            return Optional.of("reserved or broadcast");
        }
        return Optional.empty();
    }

    private static Optional<String> refusalV6(byte[] b) {
        boolean firstTenZero = true;
        for (int i = 0; i < 10; i++) {
            firstTenZero &= b[i] == 0;
        }
        boolean firstTwelveZero = firstTenZero && b[10] == 0 && b[11] == 0;
        if (firstTwelveZero) {
            boolean allZero = b[12] == 0 && b[13] == 0 && b[14] == 0;
            if (allZero && b[15] == 0) {
                return Optional.of("unspecified");
            }
            if (allZero && b[15] == 1) {
                return Optional.of("loopback");
            }
            return refusalV4(tail(b)).map(r -> r + " (IPv4-compatible)").or(() -> Optional.of("reserved (IPv4-compatible)"));
        }
        if (firstTenZero && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return refusalV4(tail(b)).map(r -> r + " (IPv4-mapped)");
        }
        if (b[0] == 0x00 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && isZero(b, 4, 12)) {
            return refusalV4(tail(b)).map(r -> r + " (NAT64)");
        }
        if (b[0] == 0x20 && b[1] == 0x02) {
            return refusalV4(new byte[]{b[2], b[3], b[4], b[5]}).map(r -> r + " (6to4)");
        }
        int first = b[0] & 0xff;
        if (first == 0xff) {
            return Optional.of("multicast");
        }
        if (first == 0xfe && (b[1] & 0xc0) == 0x80) {
            return Optional.of("link-local");
        }
        if (first == 0xfe && (b[1] & 0xc0) == 0xc0) {
            return Optional.of("private (site-local)");
        }
        if ((first & 0xfe) == 0xfc) {
            return Optional.of("private (unique local)");
        }
        return Optional.empty();
    }

    private static boolean isZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] tail(byte[] b) {
        return new byte[]{b[12], b[13], b[14], b[15]};
    }
}
