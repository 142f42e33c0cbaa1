package io.invoiceflow.commands.product;

import io.invoiceflow.commands.directory.Directory;
import io.invoiceflow.commands.pricing.VatRates;
import io.invoiceflow.commands.shared.Guards;
import io.invoiceflow.commands.shared.Violations;
import io.invoiceflow.events.product.AddProduct;
import io.invoiceflow.events.product.ChangeProduct;
import io.invoiceflow.events.product.ProductAdded;
import io.invoiceflow.events.product.ProductChanged;
import io.invoiceflow.events.product.ProductCommand;
import io.invoiceflow.events.product.ProductDetails;
import io.invoiceflow.events.shared.TenantId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.math.BigDecimal;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A product in a tenant's small catalogue; catalogue lines take their defaults from it. */
public class Product {
    @AggregateIdentifier
    private String id;
    private TenantId tenantId;

    protected Product() {
        // for Axon
    }

    @CommandHandler
    public Product(AddProduct command, Directory directory) {
        String country = directory.requireTenant(command.tenantId()).country();
        apply(new ProductAdded(command.tenantId(), command.productCode(), checked(command.details(), country)));
    }

    @CommandHandler
    void handle(ChangeProduct command, Directory directory) {
        Guards.ensureSameTenant(tenantId, command.tenantId(), "product " + command.productCode());
        Guards.ensureVersion(command.expectedVersion());
        String country = directory.requireTenant(tenantId).country();
        apply(new ProductChanged(tenantId, command.productCode(), checked(command.details(), country)));
    }

    private static ProductDetails checked(ProductDetails d, String country) {
        Violations v = new Violations();
        if (d == null) {
            v.add("$", "required", "a request body is required").throwIfAny();
        }
        v.text("name", d.name(), 500);
        v.optionalText("unit", d.unit(), 20);
        v.decimal("unitPrice", d.unitPrice(), 4, BigDecimal.ZERO, false, new BigDecimal("1000000000000"));
        BigDecimal rate = d.vatRate();
        if (v.required("vatRate", rate)) {
            rate = VatRates.match(country, rate).orElse(null);
            if (rate == null) {
                v.add("vatRate", "one-of", "vatRate must be one of " + VatRates.describe(country));
            }
        }
        v.throwIfAny();
        return new ProductDetails(d.name(), d.unit(), d.unitPrice(), rate);
    }

    @EventSourcingHandler
    void on(ProductAdded event) {
        id = ProductCommand.aggregateId(event.tenantId(), event.productCode());
        tenantId = event.tenantId();
    }
}
