package io.invoiceflow.streams.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import java.io.UnsupportedEncodingException;
import java.net.IDN;
import java.util.Optional;

/**
 * One mailbox: an ASCII address (an internationalized domain is converted to its ASCII form) and
 * an optional display name, which may hold any Unicode text and is encoded as an RFC 2047 word.
 */
public record MailAddress(String address, Optional<String> displayName) {

    public MailAddress {
        Fields fields = new Fields();
        displayName = displayName == null ? Optional.empty() : displayName.filter(n -> !n.isBlank()).map(String::strip);
        address = address == null ? null : normalize(address.strip());
        if (address == null || !valid(address)) {
            fields.add("address", "email", "address must be an email address like name@example.com");
        }
        displayName.ifPresent(n -> {
            fields.headerSafe("displayName", n);
            if (n.length() > 200) {
                fields.add("displayName", "max-length", "displayName must be at most 200 characters");
            }
        });
        fields.throwIfAny();
    }

    public static MailAddress of(String address) {
        return new MailAddress(address, Optional.empty());
    }

    public static MailAddress of(String address, String displayName) {
        return new MailAddress(address, Optional.ofNullable(displayName));
    }

    /** The domain part (after the last {@code @}). */
    public String domain() {
        return address.substring(address.lastIndexOf('@') + 1);
    }

    InternetAddress toInternetAddress() {
        try {
            return new InternetAddress(address, displayName.orElse(null), "UTF-8");
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
    }

    @Override
    public String toString() {
        return displayName.map(n -> n + " <" + address + ">").orElse(address);
    }

    private static String normalize(String address) {
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1) {
            return address;
        }
        try {
            return address.substring(0, at) + "@" + IDN.toASCII(address.substring(at + 1), IDN.USE_STD3_ASCII_RULES).toLowerCase(java.util.Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return address;
        }
    }

    private static boolean valid(String address) {
        if (address.length() > 254 || Fields.hasControl(address) || !address.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            return false;
        }
        int at = address.lastIndexOf('@');
        if (at <= 0 || at > 64 || !address.substring(at + 1).contains(".")) {
            return false;
        }
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            parsed.validate();
            return parsed.getAddress().equals(address) && parsed.getPersonal() == null && !parsed.isGroup();
        } catch (AddressException e) {
            return false;
        }
    }
}
