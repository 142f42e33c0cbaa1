package io.invoiceflow.web.api;

import io.invoiceflow.events.frequency.FrequencyEnd;
import io.invoiceflow.events.frequency.FrequencyId;
import io.invoiceflow.events.frequency.FrequencyPattern;
import io.invoiceflow.events.recurring.RecurringPeriod;
import io.invoiceflow.events.recurring.ScheduleInput;
import io.invoiceflow.events.recurring.SubscriberInput;
import io.invoiceflow.events.settings.SmtpEncryption;
import io.invoiceflow.events.shared.Address;
import io.invoiceflow.events.shared.Contact;
import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.events.shared.LineInput;
import io.invoiceflow.events.shared.PaymentTerms;
import io.invoiceflow.events.shared.ProductCode;
import io.invoiceflow.events.tenant.Role;

import java.math.BigDecimal;
import java.time.Instant;
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

    /** {@code POST .../send} and {@code .../resend}: addresses instead of the routed recipients (empty or absent: route). */
    public record Send(List<String> to, List<String> cc) {
    }

    /**
     * {@code POST .../orders/{orderId}/send}: the layout of the confirmation ({@code classic}, {@code modern},
     * {@code compact} or {@code custom:<templateName>}; absent: the tenant's order layout) and addresses instead of
     * the routed recipients (empty or absent: route).
     */
    public record SendOrder(String layout, List<String> to, List<String> cc) {
    }

    public record InvoiceOrder(PaymentTerms paymentTerms) {
    }

    /**
     * A new frequency: its schedule as {@code pattern} (with optional {@code anchor} and {@code end}) or as
     * RFC 5545 {@code rrule} text; {@code name} null for the automatic name.
     */
    public record NewFrequency(String name, FrequencyPattern pattern, LocalDate anchor, FrequencyEnd end, String rrule) {
    }

    /** A frequency's new schedule, as {@code pattern} or as {@code rrule}; a missing anchor keeps the current one. */
    public record FrequencySchedule(FrequencyPattern pattern, LocalDate anchor, FrequencyEnd end, String rrule) {
    }

    /** The address of a distribution list entry (PUT .../distribution-list/{customerNumber}). */
    public record DistributionEmail(String email) {
    }

    /** A name override; null goes back to the automatic name. */
    public record FrequencyRename(String name) {
    }

    /**
     * A schedule to try without saving: the next {@code count} (1-100, default 10) dates on or after
     * {@code from} (default today in the tenant's zone), named in {@code language} (nb, sv, en; default
     * the tenant's).
     */
    public record FrequencyPreview(FrequencyPattern pattern, LocalDate anchor, FrequencyEnd end, String rrule,
                                   LocalDate from, Integer count, String language) {
    }

    /** The development installation's new time. */
    public record ClockMove(Instant now) {
    }

    /** The occurrence date a development installation's morning run is for. */
    public record MorningRunDate(LocalDate date) {
    }

    /** {@code PUT .../settings/layouts/customers/{customerNumber}}: the customer's layout. */
    public record CustomerLayout(String layout) {
    }

    /**
     * A template (S3): a standard layout to change ({@code baseLayout}: classic, modern, compact) or an XSLT 1.0
     * stylesheet ({@code xslt}), exactly one; an optional logo (PNG or JPEG, base64), colours as #RRGGBB and texts.
     */
    public record TemplateBody(String baseLayout, String xslt, String logo, String primaryColor, String accentColor,
                               String footerText, String paymentNote) {
        @Override
        public String toString() {
            return "TemplateBody[baseLayout=" + baseLayout + ", xslt=" + (xslt == null ? "none" : xslt.length() + " characters")
                    + ", logo=" + (logo == null ? "none" : logo.length() + " characters") + "]";
        }
    }

    /** An email text (S4): the tenant's name for it, the subject and the body, with merge fields. */
    public record EmailTemplateBody(String name, String subject, String body) {
    }

    /**
     * The tenant's SMTP account (S6). {@code password} absent or null keeps the stored one; an account without a
     * {@code user} has none. Never shown back, never logged: {@link #toString()} hides it.
     */
    public record SenderAccountBody(String accountName, String displayName, String fromAddress, String user,
                                    String password, String host, Integer port, SmtpEncryption encryption) {
        @Override
        public String toString() {
            return "SenderAccountBody[accountName=" + accountName + ", fromAddress=" + fromAddress + ", user=" + user
                    + ", password=" + (password == null ? "unchanged" : "********") + ", host=" + host + ", port=" + port
                    + ", encryption=" + encryption + "]";
        }
    }

    /** {@code POST .../settings/sender-account/test}: where the test email goes. */
    public record TestEmail(String to) {
    }

    /**
     * R1: makes an invoice recurring. The schedule: exactly one of {@code frequencyId}, {@code period} or
     * {@code pattern}, the {@code firstDate} (tomorrow at the earliest) and an optional {@code endDate};
     * {@code name} null: the customer's name.
     */
    public record MakeRecurring(String name, FrequencyId frequencyId, RecurringPeriod period, FrequencyPattern pattern,
                                LocalDate firstDate, LocalDate endDate) {
        public ScheduleInput schedule() {
            return new ScheduleInput(frequencyId, period, pattern, firstDate, endDate);
        }
    }

    /** Q6: a subscription: lines, terms and texts like an order's, the schedule as in {@link MakeRecurring}, subscribers. */
    public record NewSubscription(String name, List<LineInput> lines, PaymentTerms paymentTerms, String poNumber,
                                  String comments, String language, FrequencyId frequencyId, RecurringPeriod period,
                                  FrequencyPattern pattern, LocalDate firstDate, LocalDate endDate,
                                  List<SubscriberInput> subscribers) {
        public ScheduleInput schedule() {
            return new ScheduleInput(frequencyId, period, pattern, firstDate, endDate);
        }
    }

    /** A subscriber's own end date; null: the subscription's end applies. */
    public record SubscriberEnd(LocalDate endDate) {
    }
}
