package io.invoiceflow.app.security;

import io.invoiceflow.commands.directory.Directory;
import io.invoiceflow.web.api.ApiKeys;
import io.invoiceflow.web.api.Authenticator;
import io.invoiceflow.web.api.Caller;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Bearer tokens: the admin token (compared by hash, in constant time) or a user's API key (looked up
 * by hash). A known key's caller is remembered for {@link #CACHE_TTL}, so a request does not cost a
 * database round trip; keys are never changed in place, and unknown keys are never remembered (a key
 * created a moment ago works at once).
 */
public final class TokenAuthenticator implements Authenticator {
    static final Duration CACHE_TTL = Duration.ofSeconds(60);
    private static final int MAX_CACHED = 100_000;

    private final byte[] adminTokenHash;
    private final Directory directory;
    private final LongSupplier nanoClock;
    private final Map<String, Cached> known = new ConcurrentHashMap<>();

    public TokenAuthenticator(String adminTokenHash, Directory directory) {
        this(adminTokenHash, directory, System::nanoTime);
    }

    TokenAuthenticator(String adminTokenHash, Directory directory, LongSupplier nanoClock) {
        this.adminTokenHash = adminTokenHash.getBytes(StandardCharsets.US_ASCII);
        this.directory = directory;
        this.nanoClock = nanoClock;
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
        long now = nanoClock.getAsLong();
        Cached cached = known.get(hash);
        if (cached != null && now - cached.loadedNanos() < CACHE_TTL.toNanos()) {
            return Optional.of(cached.caller());
        }
        Optional<Caller> caller = directory.principalForKeyHash(hash)
                .map(p -> new Caller(p.userId().value(), p.tenantId(), p.roles()));
        if (caller.isPresent()) {
            if (known.size() >= MAX_CACHED) {
                known.clear();
            }
            known.put(hash, new Cached(caller.get(), now));
        } else {
            known.remove(hash);
        }
        return caller;
    }

    private record Cached(Caller caller, long loadedNanos) {
    }
}
