package io.invoiceflow.app.security;

import io.invoiceflow.web.api.ApiKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * The operator's token. From {@code INVOICEFLOW_ADMIN_TOKEN} when set; otherwise generated on the
 * first start, printed once to standard output, and only its SHA-256 kept in
 * {@code <data dir>/admin-token.sha256}. Lost it? Delete that file and restart for a new one.
 */
public final class AdminToken {
    private static final Logger LOG = LoggerFactory.getLogger(AdminToken.class);
    static final String FILE = "admin-token.sha256";

    private AdminToken() {
    }

    /** The SHA-256 (hex) of the admin token. */
    public static String hash(Optional<String> configured, Path dataDir) {
        if (configured.isPresent()) {
            return ApiKeys.sha256(configured.get());
        }
        Path file = dataDir.resolve(FILE);
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            ApiKeys.NewKey key = ApiKeys.generate();
            String token = "ifa_" + key.key().substring(4);
            Files.createDirectories(dataDir);
            Files.writeString(file, ApiKeys.sha256(token), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            // Printed once, on purpose to stdout and not to the log.
            System.out.println("Invoiceflow admin token (shown once, only its hash is stored in " + file + "):");
            System.out.println("  " + token);
            LOG.info("Generated a new admin token; its hash is in {}", file);
            return ApiKeys.sha256(token);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }
}
