package io.invoiceflow.web.api;

import io.invoiceflow.events.shared.Address;
import io.invoiceflow.events.shared.Contact;
import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.events.shared.PaymentTerms;
import io.invoiceflow.events.shared.ProductCode;
import io.invoiceflow.events.tenant.Role;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** Request bodies that are not themselves contract records. */
public final class Requests {
    private Requests() {
    }

    public record NewCustomer(CustomerNumber customerNumber, String name, String organisationNumber,
                              String invoiceLanguage, String email, Address billingAddress, List<Contact> contacts) {
    }

    public record NewProduct(ProductCode productCode, String name, String unit, BigDecimal unitPrice,
                             BigDecimal vatRate) {
    }

    public record NewUser(String name, String email, Set<Role> roles) {
    }

    public record Payment(LocalDate paymentDate) {
    }

    public record Reason(String reason) {
    }

    public record Credit(List<Integer> lineNos, String reason) {
    }

    public record InvoiceOrder(PaymentTerms paymentTerms) {
    }
}
