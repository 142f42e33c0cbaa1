package io.invoiceflow.commands.distribution;

import io.invoiceflow.commands.directory.Directory;
import io.invoiceflow.commands.directory.TenantRecord;
import io.invoiceflow.commands.invoice.Invoice;
import io.invoiceflow.commands.order.Order;
import io.invoiceflow.commands.settings.TenantDistributionSettings;
import io.invoiceflow.commands.shared.Violations;
import io.invoiceflow.events.distribution.DistributionTrigger;
import io.invoiceflow.events.distribution.RequestDistribution;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;

import java.util.List;

/**
 * Starts a distribution of exactly one document. An invoice must be final (not a draft, not void) in the
 * caller's tenant, and the tenant's invoicing active (S1). An order's confirmation needs only the order in the
 * caller's tenant and, when the user picked one, a layout the tenant has: sending an order is not invoicing, so it
 * works while invoicing is deactivated (ADR 0210). Checked in the same unit of work that creates the distribution.
 */
public final class DistributionCommandHandlers {
    private static final int MAX_ADDRESSES = 20;

    private final Repository<Invoice> invoices;
    private final Repository<Order> orders;
    private final Repository<Distribution> distributions;
    private final Directory directory;
    private final TenantDistributionSettings settings;

    public DistributionCommandHandlers(Repository<Invoice> invoices, Repository<Order> orders,
                                       Repository<Distribution> distributions, Directory directory,
                                       TenantDistributionSettings settings) {
        this.invoices = invoices;
        this.orders = orders;
        this.distributions = distributions;
        this.directory = directory;
        this.settings = settings;
    }

    @CommandHandler
    public void handle(RequestDistribution command) throws Exception {
        boolean order = command.orderId() != null;
        TenantRecord tenant = directory.requireTenant(command.tenantId());
        if (!order) {
            tenant.ensureInvoicingActive();
        }
        Violations v = new Violations();
        if (order == (command.invoiceId() != null)) {
            v.add(order ? "orderId" : "invoiceId", "exactly-one",
                    "a distribution is of exactly one document: an invoice or an order");
        }
        if (!order && command.layout() != null) {
            v.add("layout", "order-only", "an invoice is sent in its customer's or the tenant's invoice layout");
        }
        addresses(v, "to", command.to());
        addresses(v, "cc", command.cc());
        if (command.trigger() == null) {
            v.add("trigger", "required", "trigger is required");
        } else if (order && command.trigger() != DistributionTrigger.SEND) {
            v.add("trigger", "one-of", "an order is only sent when a user asks (SEND)");
        }
        v.throwIfAny();
        if (order) {
            orders.load(command.orderId().value()).execute(o -> o.ensureSendable(command.tenantId()));
            if (command.layout() != null) {
                settings.checkLayout(command.tenantId(), command.layout());
            }
        } else {
            invoices.load(command.invoiceId().value()).execute(i -> i.ensureDistributable(command.tenantId()));
        }
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
