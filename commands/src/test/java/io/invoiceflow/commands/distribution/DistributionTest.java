package io.invoiceflow.commands.distribution;

import io.invoiceflow.commands.shared.AggregateTestBase;
import io.invoiceflow.events.ErrorCode;
import io.invoiceflow.events.distribution.DistributionBounced;
import io.invoiceflow.events.distribution.DistributionFailed;
import io.invoiceflow.events.distribution.DistributionId;
import io.invoiceflow.events.distribution.DistributionRendered;
import io.invoiceflow.events.distribution.DistributionRequested;
import io.invoiceflow.events.distribution.DistributionSent;
import io.invoiceflow.events.distribution.DistributionTrigger;
import io.invoiceflow.events.distribution.RecordDistributionBounced;
import io.invoiceflow.events.distribution.RecordDistributionFailed;
import io.invoiceflow.events.distribution.RecordDistributionRendered;
import io.invoiceflow.events.distribution.RecordDistributionSent;
import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.OrderId;
import io.invoiceflow.events.shared.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.invoiceflow.commands.shared.DomainErrorMatcher.domainError;

/** The distribution's rules: what makes the sending process safe to repeat. */
class DistributionTest extends AggregateTestBase<Distribution> {
    private static final DistributionId ID = new DistributionId("8c1e3a5f-7b9d-4f2a-b4c6-d8e0f2a4b6c8");
    private static final InvoiceId INVOICE = new InvoiceId("c4e8f1a2-6b3d-4f9e-a7c5-2d1b0e9f8a76");
    private static final OrderId ORDER = new OrderId("7d9e4b2a-1c3f-4e5d-8a6b-9c0d1e2f3a4b");
    private static final String MESSAGE_ID = "<JBSWY3DPEHPK3PXP@invoiceflow.example>";
    private static final String SHA = "9f2c4e6a8b0d1f3e5a7c9e1b3d5f7a9c2e4b6d8f0a1c3e5b7d9f1a3c5e7b9d1f";

    DistributionTest() {
        super(Distribution.class);
    }

    private DistributionRequested requested() {
        return new DistributionRequested(ID, tenant, INVOICE, DistributionTrigger.FINALIZED, List.of(), List.of());
    }

    private RecordDistributionRendered render(int attempt) {
        return new RecordDistributionRendered(ID, tenant, attempt, "EMAIL", List.of("post@kunde.no"), List.of(), "system",
                "nb", "built-in:nb", "classic", SHA, 48213, MESSAGE_ID);
    }

    private DistributionRendered rendered(int attempt) {
        return new DistributionRendered(ID, tenant, INVOICE, attempt, "EMAIL", List.of("post@kunde.no"), List.of(),
                "system", "nb", "built-in:nb", "classic", SHA, 48213, MESSAGE_ID);
    }

    private DistributionSent sent(int attempt) {
        return new DistributionSent(ID, tenant, INVOICE, attempt, MESSAGE_ID, "250 2.0.0 Ok", List.of());
    }

    @Test
    void shouldRecordTheRendering_whenTheFirstAttemptRenders() {
        // when / then
        fixture.given(requested()).when(render(1)).expectEvents(rendered(1)).expectResultMessagePayload(true);
    }

    @Test
    void shouldRecordNothingNew_whenTheSameAttemptRendersAgainAfterACrash() {
        // given attempt 1 rendered, then its process died before sending
        fixture.given(requested(), rendered(1))
                // when the job is picked up again
                .when(render(1))
                // then it may send (with the same Message-ID), and nothing new is recorded
                .expectNoEvents().expectResultMessagePayload(false);
    }

    @Test
    void shouldRefuseToRender_whenTheDistributionWasSent() {
        // given a distribution sent already (a stale or repeated job arrives)
        fixture.given(requested(), rendered(1), sent(1))
                // when / then: the worker learns it must not send
                .when(render(1)).expectException(domainError(ErrorCode.ILLEGAL_STATE)).expectNoEvents();
    }

    @Test
    void shouldRefuseAStaleAttemptButAcceptTheNext_whenAnAttemptFailedTemporarily() {
        DistributionFailed failed = new DistributionFailed(ID, tenant, INVOICE, 1, "SMTP_TEMPORARY", "451 try later",
                false, Instant.parse("2026-03-15T10:00:00Z"));
        fixture.given(requested(), rendered(1), failed).when(render(1))
                .expectException(domainError(ErrorCode.ILLEGAL_STATE));
        fixture.given(requested(), rendered(1), failed).when(render(2)).expectEvents(rendered(2));
    }

    @Test
    void shouldRefuseEveryAttempt_whenTheDistributionFailedForGood() {
        fixture.given(requested(), rendered(1), new DistributionFailed(ID, tenant, INVOICE, 1, "SMTP_AUTH_FAILED",
                        "535 authentication failed", true, null))
                .when(render(2)).expectException(domainError(ErrorCode.ILLEGAL_STATE));
    }

    @Test
    void shouldRecordTheSendingOnce_whenItIsReportedTwice() {
        fixture.given(requested(), rendered(1)).when(new RecordDistributionSent(ID, tenant, 1, MESSAGE_ID, "250 2.0.0 Ok",
                List.of())).expectEvents(sent(1));
        fixture.given(requested(), rendered(1), sent(1)).when(new RecordDistributionSent(ID, tenant, 1, MESSAGE_ID,
                "250 2.0.0 Ok", List.of())).expectNoEvents();
    }

    @Test
    void shouldIgnoreAFailure_whenTheDistributionWasSentAfterAll() {
        fixture.given(requested(), rendered(1), sent(1))
                .when(new RecordDistributionFailed(ID, tenant, 1, "SMTP_CONNECTION_LOST", "reset", false,
                        Instant.parse("2026-03-15T10:00:00Z")))
                .expectNoEvents();
    }

    @Test
    void shouldDropTheRetryTime_whenAFailureIsPermanent() {
        fixture.given(requested(), rendered(1))
                .when(new RecordDistributionFailed(ID, tenant, 1, "SMTP_REJECTED_RECIPIENT", "550 no such user", true,
                        Instant.parse("2026-03-15T10:00:00Z")))
                .expectEvents(new DistributionFailed(ID, tenant, INVOICE, 1, "SMTP_REJECTED_RECIPIENT",
                        "550 no such user", true, null));
    }

    @Test
    void shouldRecordABounceOnce_whenTheSameNotificationIsReadTwice() {
        DistributionBounced bounced = new DistributionBounced(ID, tenant, INVOICE, "post@kunde.no", "DSN", "5.1.1",
                "user unknown");
        fixture.given(requested(), rendered(1), sent(1))
                .when(new RecordDistributionBounced(ID, tenant, "post@kunde.no", "DSN", "5.1.1", "user unknown"))
                .expectEvents(bounced);
        fixture.given(requested(), rendered(1), sent(1), bounced)
                .when(new RecordDistributionBounced(ID, tenant, "POST@kunde.no", "DSN", "5.1.1", "user unknown"))
                .expectNoEvents();
    }

    @Test
    void shouldAnswerNotFound_whenAnotherTenantRecordsAnOutcome() {
        fixture.given(requested(), rendered(1))
                .when(new RecordDistributionSent(ID, TenantId.random(), 1, MESSAGE_ID, "250", List.of()))
                .expectException(domainError(ErrorCode.NOT_FOUND));
    }

    // ---- an order's confirmation: every outcome names the order, never an invoice

    @Test
    void shouldNameTheOrderInEveryOutcome_whenTheDistributionIsAnOrders() {
        // given an order's distribution in the layout the user picked
        DistributionRequested order = new DistributionRequested(ID, tenant, null, ORDER, DistributionTrigger.SEND,
                List.of(), List.of(), "compact");
        DistributionRendered rendered = new DistributionRendered(ID, tenant, null, ORDER, 1, "EMAIL",
                List.of("post@kunde.no"), List.of(), "system", "nb", "built-in:nb", "classic", SHA, 48213, MESSAGE_ID);

        // when / then
        fixture.given(order).when(render(1)).expectEvents(rendered).expectResultMessagePayload(true);
        fixture.given(order, rendered).when(new RecordDistributionSent(ID, tenant, 1, MESSAGE_ID, "250 2.0.0 Ok",
                List.of())).expectEvents(new DistributionSent(ID, tenant, null, ORDER, 1, MESSAGE_ID, "250 2.0.0 Ok",
                List.of()));
        fixture.given(order, rendered).when(new RecordDistributionFailed(ID, tenant, 1, "SMTP_TEMPORARY", "451 later",
                        false, Instant.parse("2026-03-15T10:00:00Z")))
                .expectEvents(new DistributionFailed(ID, tenant, null, ORDER, 1, "SMTP_TEMPORARY", "451 later", false,
                        Instant.parse("2026-03-15T10:00:00Z")));
        fixture.given(order, rendered).when(new RecordDistributionBounced(ID, tenant, "post@kunde.no", "SMTP", "5.1.1",
                "550 no such user")).expectEvents(new DistributionBounced(ID, tenant, null, ORDER, "post@kunde.no",
                "SMTP", "5.1.1", "550 no such user"));
    }
}
