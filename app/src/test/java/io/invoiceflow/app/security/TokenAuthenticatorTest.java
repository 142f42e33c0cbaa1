package io.invoiceflow.app.security;

import io.invoiceflow.commands.directory.DirectoryFixtures;
import io.invoiceflow.events.shared.TenantId;
import io.invoiceflow.events.shared.UserId;
import io.invoiceflow.events.tenant.Role;
import io.invoiceflow.web.api.ApiKeys;
import io.invoiceflow.web.api.Caller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class TokenAuthenticatorTest {
    private final DirectoryFixtures fixtures = DirectoryFixtures.inMemory();
    private final AtomicLong nanos = new AtomicLong();
    private final String adminToken = "admin-secret";
    private final TokenAuthenticator authenticator = new TokenAuthenticator(ApiKeys.sha256(adminToken),
            fixtures.directory(), nanos::get);
    private final TenantId tenant = TenantId.random();
    private final UserId user = UserId.random();

    @AfterEach
    void close() {
        fixtures.close();
    }

    @Test
    void shouldRecogniseTheAdminToken_whenItsHashMatches() {
        // when / then
        assertThat(authenticator.authenticate(adminToken)).contains(Caller.admin());
        assertThat(authenticator.authenticate("admin-secreT")).isEmpty();
    }

    @Test
    void shouldAnswerFromMemory_whenAKnownKeyComesAgainWithinTheTtl() throws SQLException {
        // given a key that authenticated once
        ApiKeys.NewKey key = ApiKeys.generate();
        fixtures.directory().storeApiKey(key.hash(), tenant, user, Set.of(Role.ACCOUNTANT));
        assertThat(authenticator.authenticate(key.key())).contains(new Caller(user.value(), tenant, Set.of(Role.ACCOUNTANT)));

        // when the row disappears (the cache is what answers now)
        deleteKeys();
        nanos.addAndGet(TokenAuthenticator.CACHE_TTL.toNanos() - 1);

        // then it is still known until the TTL runs out, and not after
        assertThat(authenticator.authenticate(key.key())).isPresent();
        nanos.addAndGet(1);
        assertThat(authenticator.authenticate(key.key())).isEmpty();
    }

    @Test
    void shouldAcceptANewKeyAtOnce_whenItWasUnknownAMomentAgo() {
        // given a key that was refused before it existed
        ApiKeys.NewKey key = ApiKeys.generate();
        assertThat(authenticator.authenticate(key.key())).isEmpty();

        // when it is stored
        fixtures.directory().storeApiKey(key.hash(), tenant, user, Set.of(Role.AUDITOR));

        // then it works without waiting: unknown keys are never remembered
        assertThat(authenticator.authenticate(key.key())).map(Caller::actor).contains(user.value());
    }

    private void deleteKeys() throws SQLException {
        try (Connection c = fixtures.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("delete from api_key");
        }
    }
}
