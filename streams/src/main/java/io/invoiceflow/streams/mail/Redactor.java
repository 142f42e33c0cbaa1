package io.invoiceflow.streams.mail;

import io.invoiceflow.streams.secrets.Secret;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes server replies and exception texts safe to show and log: removes the password in clear and
 * any base64 token that decodes to something containing it (a server echoing our AUTH PLAIN or
 * AUTH LOGIN line), folds the text onto one line and caps its length.
 */
final class Redactor {
    static final String MARK = "[redacted]";
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]{4,}={0,2}");
    private static final int MAX_LENGTH = 500;

    private Redactor() {
    }

    static String redact(String text, Secret password) {
        if (text == null) {
            return "";
        }
        String out = text;
        String secret = password.reveal();
        if (!secret.isEmpty()) {
            out = out.replace(secret, MARK);
            byte[] secretBytes = secret.getBytes(StandardCharsets.UTF_8);
            Matcher m = BASE64.matcher(out);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(sb, Matcher.quoteReplacement(decodesToSecret(m.group(), secretBytes) ? MARK : m.group()));
            }
            m.appendTail(sb);
            out = sb.toString();
        }
        out = out.replaceAll("[\\p{Cntrl}\\u2028\\u2029\\u0085]+", " ").strip();
        return out.length() > MAX_LENGTH ? out.substring(0, MAX_LENGTH) + "..." : out;
    }

    private static boolean decodesToSecret(String token, byte[] secret) {
        String bare = token.replace("=", "");
        for (int shift = 0; shift < 4 && shift < bare.length(); shift++) {
            String candidate = bare.substring(shift);
            switch (candidate.length() % 4) {
                case 1 -> candidate = candidate.substring(0, candidate.length() - 1);
                case 2 -> candidate = candidate + "==";
                case 3 -> candidate = candidate + "=";
                default -> {
                    // complete quantum
                }
            }
            try {
                if (contains(Base64.getDecoder().decode(candidate), secret)) {
                    return true;
                }
            } catch (IllegalArgumentException notBase64) {
                // try the next alignment
            }
        }
        return false;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
