package io.invoiceflow.commands.distribution;

import io.invoiceflow.commands.directory.Directory;
import io.invoiceflow.commands.invoice.Invoice;
import io.invoiceflow.commands.shared.Violations;
import io.invoiceflow.events.distribution.RequestDistribution;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;

import java.util.List;

/**
 * Starts a distribution: the invoice must be final (not a draft, not void) in the caller's tenant,
 * and the tenant's invoicing active (S1). Checked in the same unit of work that creates the
 * distribution.
 */
public final class DistributionCommandHandlers {
    private static final int MAX_ADDRESSES = 20;

    private final Repository<Invoice> invoices;
    private final Repository<Distribution> distributions;
    private final Directory directory;

    public DistributionCommandHandlers(Repository<Invoice> invoices, Repository<Distribution> distributions,
                                       Directory directory) {
        this.invoices = invoices;
        this.distributions = distributions;
        this.directory = directory;
    }

    @CommandHandler
    public void handle(RequestDistribution command) throws Exception {
        directory.requireTenant(command.tenantId()).ensureInvoicingActive();
        Violations v = new Violations();
        addresses(v, "to", command.to());
        addresses(v, "cc", command.cc());
        if (command.trigger() == null) {
            v.add("trigger", "required", "trigger is required");
        }
        v.throwIfAny();
        invoices.load(command.invoiceId().value()).execute(i -> i.ensureDistributable(command.tenantId()));
        distributions.newInstance(() -> new Distribution(command));
    }

    private static void addresses(Violations v, String field, List<String> addresses) {
        if (addresses == null) {
            v.add(field, "required", field + " is required (empty to route automatically)");
            return;
        }
        if (addresses.size() > MAX_ADDRESSES) {
            v.add(field, "max-items", "at most " + MAX_ADDRESSES + " addresses");
        }
        for (int i = 0; i < addresses.size(); i++) {
            v.email(field + "[" + i + "]", addresses.get(i));
        }
    }
}
