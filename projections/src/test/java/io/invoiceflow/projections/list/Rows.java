package io.invoiceflow.projections.list;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** Hand-made invoice rows: a finalized NOK 1,000.00 invoice to Bakeri AS unless a {@code with...} says otherwise. */
public final class Rows {
    private String invoiceId = "inv-0001";
    private String number = "INV-1001";
    private Long numberSequence = 1001L;
    private String status = "FINALIZED";
    private String customerNumber = "10001";
    private String customerName = "Bakeri AS";
    private String customerOrganisationNumber = "999888777";
    private String currency = "NOK";
    private LocalDate invoiceDate = LocalDate.parse("2026-03-01");
    private LocalDate dueDate = LocalDate.parse("2026-03-15");
    private LocalDate paymentDate;
    private BigDecimal netAmount = new BigDecimal("800.00");
    private BigDecimal vatAmount = new BigDecimal("200.00");
    private BigDecimal grossAmount = new BigDecimal("1000.00");
    private BigDecimal paidAmount;
    private BigDecimal creditedAmount = new BigDecimal("0.00");
    private BigDecimal outstandingAmount = new BigDecimal("1000.00");
    private String origin = "SCRATCH";
    private String orderId;
    private String poNumber;
    private String language = "nb";
    private Instant createdAt = Instant.parse("2026-03-01T08:00:00Z");
    private String createdBy = "ola";
    private Instant updatedAt = Instant.parse("2026-03-01T09:00:00Z");
    private String updatedBy = "ola";
    private Instant finalizedAt = Instant.parse("2026-03-01T09:00:00Z");

    public static Rows invoice(String invoiceId) {
        Rows r = new Rows();
        r.invoiceId = invoiceId;
        return r;
    }

    /** A draft: no number, no dates, nothing outstanding. */
    public static Rows draft(String invoiceId) {
        Rows r = invoice(invoiceId).status("DRAFT").number(null, null).invoiceDate((LocalDate) null)
                .dueDate((LocalDate) null)
                .outstanding("0.00");
        r.finalizedAt = null;
        return r;
    }

    public Rows number(String number, Long sequence) {
        this.number = number;
        this.numberSequence = sequence;
        return this;
    }

    public Rows status(String status) {
        this.status = status;
        return this;
    }

    public Rows customer(String customerNumber, String customerName) {
        this.customerNumber = customerNumber;
        this.customerName = customerName;
        return this;
    }

    public Rows organisationNumber(String organisationNumber) {
        this.customerOrganisationNumber = organisationNumber;
        return this;
    }

    public Rows currency(String currency) {
        this.currency = currency;
        return this;
    }

    public Rows invoiceDate(LocalDate invoiceDate) {
        this.invoiceDate = invoiceDate;
        return this;
    }

    public Rows invoiceDate(String invoiceDate) {
        return invoiceDate(invoiceDate == null ? null : LocalDate.parse(invoiceDate));
    }

    public Rows dueDate(LocalDate dueDate) {
        this.dueDate = dueDate;
        return this;
    }

    public Rows dueDate(String dueDate) {
        return dueDate(dueDate == null ? null : LocalDate.parse(dueDate));
    }

    public Rows paid(String paymentDate, String paidAmount) {
        this.status = "PAID";
        this.paymentDate = LocalDate.parse(paymentDate);
        this.paidAmount = new BigDecimal(paidAmount);
        this.outstandingAmount = new BigDecimal("0.00");
        return this;
    }

    /** Net, VAT and gross; outstanding becomes the gross for a finalized invoice. */
    public Rows amounts(String net, String vat, String gross) {
        this.netAmount = new BigDecimal(net);
        this.vatAmount = new BigDecimal(vat);
        this.grossAmount = new BigDecimal(gross);
        this.outstandingAmount = "FINALIZED".equals(status) ? grossAmount : new BigDecimal("0.00");
        return this;
    }

    public Rows gross(String gross) {
        this.grossAmount = gross == null ? null : new BigDecimal(gross);
        return this;
    }

    public Rows credited(String credited) {
        this.creditedAmount = new BigDecimal(credited);
        return this;
    }

    public Rows outstanding(String outstanding) {
        this.outstandingAmount = new BigDecimal(outstanding);
        return this;
    }

    public Rows origin(String origin, String orderId) {
        this.origin = origin;
        this.orderId = orderId;
        return this;
    }

    public Rows poNumber(String poNumber) {
        this.poNumber = poNumber;
        return this;
    }

    public Rows language(String language) {
        this.language = language;
        return this;
    }

    public Rows created(String at, String by) {
        this.createdAt = Instant.parse(at);
        this.createdBy = by;
        return this;
    }

    public Rows updated(String at, String by) {
        this.updatedAt = Instant.parse(at);
        this.updatedBy = by;
        return this;
    }

    public Rows finalizedAt(String at) {
        this.finalizedAt = at == null ? null : Instant.parse(at);
        return this;
    }

    public InvoiceRow build() {
        return new InvoiceRow(invoiceId, number, numberSequence, status, customerNumber, customerName,
                customerOrganisationNumber, currency, invoiceDate, dueDate, paymentDate, netAmount, vatAmount,
                grossAmount, paidAmount, creditedAmount, outstandingAmount, origin, orderId, poNumber, language,
                createdAt, createdBy, updatedAt, updatedBy, finalizedAt);
    }
}
