package io.invoiceflow.web.api;

import java.util.Optional;

/** Resolves a bearer token (the admin token or a user's API key) to its caller. */
public interface Authenticator {
    Optional<Caller> authenticate(String bearerToken);
}
