package io.invoiceflow.commands.shared;

import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.ErrorCode;
import io.invoiceflow.events.shared.TenantId;
import org.axonframework.modelling.command.AggregateLifecycle;

/** Guards every aggregate applies before it decides. */
public final class Guards {
    private Guards() {
    }

    /** An aggregate of another tenant is reported as not found, so tenants cannot probe each other's ids. */
    public static void ensureSameTenant(TenantId owner, TenantId asked, String what) {
        if (!owner.equals(asked)) {
            throw DomainException.notFound(what);
        }
    }

    /** Optimistic concurrency: when the client names the version it saw, it must still be the current one. */
    public static void ensureVersion(Long expectedVersion) {
        if (expectedVersion == null) {
            return;
        }
        Long current = AggregateLifecycle.getVersion();
        if (current == null || current.longValue() != expectedVersion) {
            throw new DomainException(ErrorCode.STALE_VERSION,
                    "the resource is at version " + current + ", not " + expectedVersion + "; read it again");
        }
    }
}
