package io.invoiceflow.app.security;

import io.invoiceflow.commands.directory.Directory;
import io.invoiceflow.web.api.ApiKeys;
import io.invoiceflow.web.api.Authenticator;
import io.invoiceflow.web.api.Caller;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/** Bearer tokens: the admin token (compared by hash, in constant time) or a user's API key (looked up by hash). */
public final class TokenAuthenticator implements Authenticator {
    private final byte[] adminTokenHash;
    private final Directory directory;

    public TokenAuthenticator(String adminTokenHash, Directory directory) {
        this.adminTokenHash = adminTokenHash.getBytes(StandardCharsets.US_ASCII);
        this.directory = directory;
    }

    @Override
    public Optional<Caller> authenticate(String bearerToken) {
        if (bearerToken.isEmpty()) {
            return Optional.empty();
        }
        String hash = ApiKeys.sha256(bearerToken);
        if (MessageDigest.isEqual(adminTokenHash, hash.getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of(Caller.admin());
        }
        return directory.principalForKeyHash(hash)
                .map(p -> new Caller(p.userId().value(), p.tenantId(), p.roles()));
    }
}
