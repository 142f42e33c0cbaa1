package io.invoiceflow.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;

import static io.invoiceflow.app.api.Problems.assertProblem;
import static io.invoiceflow.app.api.Problems.violations;
import static org.assertj.core.api.Assertions.assertThat;

/** An invoice from draft to paid, void or credited (H1-H6, H8-H10, H12). */
interface InvoiceLifecycleContract extends ApiTestContext {

    /** A payment date that is in the past in the tenant's zone (Europe/Oslo) whatever the time of day. */
    static LocalDate yesterdayInOslo() {
        return LocalDate.now(ZoneId.of("Europe/Oslo")).minusDays(1);
    }

    @Test
    default void shouldCreateDraftWithLocationEtagAndTotals_whenDraftIsPosted() {
        // given
        TenantFixture tenant = newTenant();

        // when
        ApiResponse created = tenant.post("/invoices", Bodies.INVOICE_DRAFT);

        // then
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String invoiceId = created.json().path("invoiceId").asText();
        assertThat(created.location()).isEqualTo(tenant.path("/invoices/" + invoiceId));
        assertThat(created.etag()).isEqualTo("\"0\"");
        ApiResponse read = tenant.read(created.location(), tenant.accountantKey);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.etag()).isEqualTo("\"0\"");
        assertThat(read.body()).isEqualTo(created.body());
        JsonNode invoice = read.json();
        assertThat(invoice.path("status").asText()).isEqualTo("DRAFT");
        assertThat(invoice.path("number").isNull()).isTrue();
        assertThat(invoice.path("origin").path("kind").asText()).isEqualTo("SCRATCH");
        assertThat(invoice.path("customer").path("name").asText()).isEqualTo("Bryggen Bakeri AS");
        // H3: the customer's contacts are the default recipients
        assertThat(invoice.path("contacts").findValuesAsText("email")).containsExactly("kari@bryggen.example");
        // H8: language from the customer, locale from language and the tenant's country
        assertThat(invoice.path("language").asText()).isEqualTo("nb");
        assertThat(invoice.path("locale").asText()).isEqualTo("nb-NO");
        assertThat(invoice.path("currency").asText()).isEqualTo("NOK");
        assertThat(invoice.path("poNumber").asText()).isEqualTo("PO-77");
        assertThat(invoice.path("comments").asText()).isEqualTo("Thank you for your business");
        // H5: the catalogue line takes name, unit, price and rate from the product; totals per rate
        JsonNode catalogueLine = invoice.path("lines").get(1);
        assertThat(catalogueLine.path("description").asText()).isEqualTo("Consulting hour");
        assertThat(catalogueLine.path("unitPrice").asText()).isEqualTo("1000.00");
        assertThat(catalogueLine.path("netAmount").asText()).isEqualTo("1800.00");
        JsonNode totals = invoice.path("totals");
        assertThat(totals.path("netAmount").asText()).isEqualTo("2399.70");
        assertThat(totals.path("vatAmount").asText()).isEqualTo("539.96");
        assertThat(totals.path("grossAmount").asText()).isEqualTo("2939.66");
        assertThat(totals.path("vat").findValuesAsText("rate")).containsExactly("25", "15");
        assertThat(totals.path("vat").get(1).path("vatAmount").asText()).isEqualTo("89.96");
        // S8: who created it
        assertThat(invoice.path("createdBy").asText()).isEqualTo(tenant.accountantUserId);
    }

    @Test
    default void shouldReplaceDraft_whenIfMatchIsCurrent() {
        // given
        TenantFixture tenant = newTenant();
        String invoiceId = tenant.draftInvoice();
        String changed = Bodies.edit(Bodies.INVOICE_DRAFT, d -> {
            d.put("invoiceDate", "2026-01-15");
            d.put("comments", "Changed");
            d.putObject("paymentTerms").put("kind", "CUSTOM").put("days", 20);
            d.put("language", "en");
            d.put("locale", "en-GB");
        });

        // when
        ApiResponse put = api().put(tenant.path("/invoices/" + invoiceId)).token(tenant.adminKey)
                .ifMatch("\"0\"").json(changed).send();

        // then
        assertThat(put.status()).as("%s", put).isEqualTo(200);
        assertThat(put.etag()).isEqualTo("\"1\"");
        JsonNode invoice = tenant.get("/invoices/" + invoiceId).json();
        assertThat(invoice.path("comments").asText()).isEqualTo("Changed");
        assertThat(invoice.path("invoiceDate").asText()).isEqualTo("2026-01-15");
        assertThat(invoice.path("dueDate").asText()).isEqualTo("2026-02-04");
        assertThat(invoice.path("language").asText()).isEqualTo("en");
        assertThat(invoice.path("locale").asText()).isEqualTo("en-GB");
        // S8: who changed it
        assertThat(invoice.path("createdBy").asText()).isEqualTo(tenant.accountantUserId);
        assertThat(invoice.path("updatedBy").asText()).isEqualTo(tenant.adminUserId);
    }

    @Test
    default void shouldAnswer412AndKeepDraft_whenIfMatchIsStale() {
        // given
        TenantFixture tenant = newTenant();
        String invoiceId = tenant.draftInvoice();
        tenant.expect(200, tenant.put("/invoices/" + invoiceId,
                Bodies.edit(Bodies.INVOICE_DRAFT, d -> d.put("comments", "first")), "\"0\""));
        ApiResponse before = tenant.get("/invoices/" + invoiceId);

        // when
        ApiResponse stale = tenant.put("/invoices/" + invoiceId,
                Bodies.edit(Bodies.INVOICE_DRAFT, d -> d.put("comments", "lost update")), "\"0\"");
        ApiResponse staleDelete = api().delete(tenant.path("/invoices/" + invoiceId)).token(tenant.accountantKey)
                .ifMatch("\"0\"").send();
        ApiResponse staleFinalize = api().post(tenant.path("/invoices/" + invoiceId + "/finalize"))
                .token(tenant.accountantKey).ifMatch("\"0\"").send();

        // then
        assertProblem(stale, 412, "STALE_VERSION");
        assertProblem(staleDelete, 412, "STALE_VERSION");
        assertProblem(staleFinalize, 412, "STALE_VERSION");
        ApiResponse after = tenant.get("/invoices/" + invoiceId);
        assertThat(after.etag()).isEqualTo("\"1\"");
        assertThat(after.body()).isEqualTo(before.body());
    }

    @Test
    default void shouldDeleteDraft_whenDraftIsDeleted() {
        // given
        TenantFixture tenant = newTenant();
        String invoiceId = tenant.draftInvoice();

        // when
        ApiResponse deleted = api().delete(tenant.path("/invoices/" + invoiceId)).token(tenant.accountantKey)
                .ifMatch("\"0\"").send();

        // then
        assertThat(deleted.status()).as("%s", deleted).isEqualTo(204);
        assertProblem(tenant.get("/invoices/" + invoiceId), 404, "NOT_FOUND");
        assertProblem(api().delete(tenant.path("/invoices/" + invoiceId)).token(tenant.accountantKey).send(),
                404, "NOT_FOUND");
        assertProblem(tenant.postEmpty("/invoices/" + invoiceId + "/finalize"), 404, "NOT_FOUND");
    }

    @Test
    default void shouldNumberInvoicesFromInvoiceSeries_whenDraftsAreFinalized() {
        // given
        TenantFixture tenant = newTenant();
        String first = tenant.draftInvoice();
        String second = tenant.draftInvoice();
        String third = tenant.draftInvoice();

        // when
        ApiResponse finalizedFirst = api().post(tenant.path("/invoices/" + first + "/finalize"))
                .token(tenant.accountantKey).ifMatch("\"0\"").send();
        ApiResponse credited = tenant.postEmpty("/invoices/" + first + "/credit");
        ApiResponse finalizedSecond = tenant.post("/invoices/" + second + "/finalize", "{}");
        ApiResponse finalizedThird = tenant.postEmpty("/invoices/" + third + "/finalize");

        // then
        assertThat(finalizedFirst.status()).as("%s", finalizedFirst).isEqualTo(200);
        assertThat(finalizedFirst.etag()).isEqualTo("\"1\"");
        JsonNode invoice = finalizedFirst.json();
        assertThat(invoice.path("status").asText()).isEqualTo("FINALIZED");
        assertThat(invoice.path("number").asText()).isEqualTo("INV-1001");
        assertThat(invoice.path("finalizedAt").asText()).isNotBlank();
        // H4: no explicit invoice date: today in the tenant's zone; NET_14 sets the due date
        LocalDate invoiceDate = LocalDate.parse(invoice.path("invoiceDate").asText());
        assertThat(invoiceDate).isBetween(LocalDate.now(ZoneId.of("Europe/Oslo")).minusDays(1),
                LocalDate.now(ZoneId.of("Europe/Oslo")));
        assertThat(LocalDate.parse(invoice.path("dueDate").asText())).isEqualTo(invoiceDate.plusDays(14));
        assertThat(credited.status()).as("%s", credited).isEqualTo(201);
        assertThat(credited.json().path("number").asText()).isEqualTo("CN-1");
        assertThat(finalizedSecond.json().path("number").asText()).as("%s", finalizedSecond).isEqualTo("INV-1002");
        assertThat(finalizedThird.json().path("number").asText()).as("%s", finalizedThird).isEqualTo("INV-1003");
    }

    @Test
    default void shouldAnswer409AndKeepInvoice_whenFinalizedInvoiceIsEditedOrDeleted() {
        // given
        TenantFixture tenant = newTenant();
        String invoiceId = tenant.finalizedInvoice();
        ApiResponse before = tenant.get("/invoices/" + invoiceId);

        // when
        ApiResponse edit = tenant.put("/invoices/" + invoiceId, Bodies.INVOICE_DRAFT, before.etag());
        ApiResponse delete = api().delete(tenant.path("/invoices/" + invoiceId)).token(tenant.accountantKey).send();
        ApiResponse finalizeAgain = tenant.postEmpty("/invoices/" + invoiceId + "/finalize");

        // then
        assertProblem(edit, 409, "ILLEGAL_STATE");
        assertProblem(delete, 409, "ILLEGAL_STATE");
        assertProblem(finalizeAgain, 409, "ILLEGAL_STATE");
        ApiResponse after = tenant.get("/invoices/" + invoiceId);
        assertThat(after.body()).isEqualTo(before.body());
        assertThat(after.etag()).isEqualTo(before.etag());
    }

    @Test
    default void shouldAnswer422IncompleteInvoice_whenInvoiceWithoutLinesIsFinalized() {
        // given
        TenantFixture tenant = newTenant();
        String invoiceId = tenant.draftInvoice(Bodies.edit(Bodies.INVOICE_DRAFT, d -> d.putArray("lines")));

        // when
        ApiResponse finalized = tenant.postEmpty("/invoices/" + invoiceId + "/finalize");

        // then
        JsonNode problem = assertProblem(finalized, 422, "INCOMPLETE_INVOICE");
        assertThat(violations(problem)).contains("lines min-items");
        ApiResponse after = tenant.get("/invoices/" + invoiceId);
        assertThat(after.json().path("status").asText()).isEqualTo("DRAFT");
        assertThat(after.etag()).isEqualTo("\"0\"");
        // the refused finalization took no number
        assertThat(tenant.expect(200, tenant.postEmpty("/invoices/" + tenant.draftInvoice() + "/finalize"))
                .json().path("number").asText()).isEqualTo("INV-1001");
    }

    @Test
    default void shouldMarkPaidWithPaymentDate_whenFinalizedInvoiceIsPaid() {
        // given
        TenantFixture tenant = newTenant();
        String invoiceId = tenant.finalizedInvoice();
        LocalDate paymentDate = yesterdayInOslo();

        // when
        ApiResponse paid = tenant.post("/invoices/" + invoiceId + "/pay", "{\"paymentDate\": \"" + paymentDate + "\"}");

        // then
        assertThat(paid.status()).as("%s", paid).isEqualTo(200);
        JsonNode invoice = tenant.get("/invoices/" + invoiceId).json();
        assertThat(invoice.path("status").asText()).isEqualTo("PAID");
        assertThat(invoice.path("paymentDate").asText()).isEqualTo(paymentDate.toString());
        assertThat(invoice.path("paidAmount").asText()).isEqualTo("2939.66");
        // irreversible
        assertProblem(tenant.post("/invoices/" + invoiceId + "/pay", "{}"), 409, "ILLEGAL_STATE");
        assertProblem(tenant.postEmpty("/invoices/" + invoiceId + "/void"), 409, "ILLEGAL_STATE");
    }

    @Test
    default void shouldVoidIrreversibly_whenFinalizedInvoiceIsVoided() {
        // given
        TenantFixture tenant = newTenant();
        String invoiceId = tenant.finalizedInvoice();

        // when
        ApiResponse voided = tenant.post("/invoices/" + invoiceId + "/void", "{\"reason\": \"Wrong customer\"}");

        // then
        assertThat(voided.status()).as("%s", voided).isEqualTo(200);
        assertThat(voided.json().path("status").asText()).isEqualTo("VOID");
        assertThat(voided.json().path("voidReason").asText()).isEqualTo("Wrong customer");
        assertThat(voided.json().path("number").asText()).isEqualTo("INV-1001");
        ApiResponse before = tenant.get("/invoices/" + invoiceId);
        assertProblem(tenant.postEmpty("/invoices/" + invoiceId + "/pay"), 409, "ILLEGAL_STATE");
        assertProblem(tenant.postEmpty("/invoices/" + invoiceId + "/void"), 409, "ILLEGAL_STATE");
        assertProblem(tenant.postEmpty("/invoices/" + invoiceId + "/credit"), 409, "ILLEGAL_STATE");
        assertThat(tenant.get("/invoices/" + invoiceId).body()).isEqualTo(before.body());
    }

    @Test
    default void shouldIssueCreditNoteForEveryLine_whenInvoiceIsCreditedWithoutLines() {
        // given
        TenantFixture tenant = newTenant();
        String invoiceId = tenant.finalizedInvoice();

        // when
        ApiResponse credited = tenant.post("/invoices/" + invoiceId + "/credit", "{\"reason\": \"Returned\"}");

        // then
        assertThat(credited.status()).as("%s", credited).isEqualTo(201);
        String creditNoteId = credited.json().path("creditNoteId").asText();
        assertThat(credited.location()).isEqualTo(tenant.path("/credit-notes/" + creditNoteId));
        ApiResponse creditNote = tenant.read(credited.location(), tenant.accountantKey);
        assertThat(creditNote.status()).isEqualTo(200);
        JsonNode note = creditNote.json();
        assertThat(note.path("number").asText()).isEqualTo("CN-1");
        assertThat(note.path("invoiceId").asText()).isEqualTo(invoiceId);
        assertThat(note.path("invoiceNumber").asText()).isEqualTo("INV-1001");
        assertThat(note.path("reason").asText()).isEqualTo("Returned");
        assertThat(note.path("lines").findValuesAsText("lineNo")).containsExactly("1", "2");
        assertThat(note.path("totals").path("grossAmount").asText()).isEqualTo("2939.66");
        JsonNode invoice = tenant.get("/invoices/" + invoiceId).json();
        assertThat(invoice.path("status").asText()).isEqualTo("CREDITED");
        assertThat(invoice.path("creditNotes").get(0).path("creditNoteId").asText()).isEqualTo(creditNoteId);
        assertThat(invoice.path("creditNotes").get(0).path("number").asText()).isEqualTo("CN-1");
        assertProblem(tenant.postEmpty("/invoices/" + invoiceId + "/credit"), 409, "ILLEGAL_STATE");
    }

    @Test
    default void shouldIssueCreditNotesLineByLine_whenLineNosAreGiven() {
        // given
        TenantFixture tenant = newTenant();
        String invoiceId = tenant.finalizedInvoice();

        // when
        ApiResponse first = tenant.post("/invoices/" + invoiceId + "/credit", "{\"lineNos\": [2]}");
        ApiResponse paid = tenant.post("/invoices/" + invoiceId + "/pay",
                "{\"paymentDate\": \"" + yesterdayInOslo() + "\"}");
        ApiResponse second = tenant.post("/invoices/" + invoiceId + "/credit", "{\"lineNos\": [1], \"reason\": \"Rest\"}");

        // then
        assertThat(first.status()).as("%s", first).isEqualTo(201);
        assertThat(first.json().path("number").asText()).isEqualTo("CN-1");
        assertThat(first.json().path("lines").findValuesAsText("lineNo")).containsExactly("2");
        assertThat(first.json().path("totals").path("grossAmount").asText()).isEqualTo("2250.00");
        assertThat(paid.status()).as("%s", paid).isEqualTo(200);
        assertThat(paid.json().path("paidAmount").asText()).isEqualTo("689.66");
        assertThat(second.status()).as("%s", second).isEqualTo(201);
        assertThat(second.json().path("number").asText()).isEqualTo("CN-2");
        JsonNode invoice = tenant.get("/invoices/" + invoiceId).json();
        assertThat(invoice.path("status").asText()).isEqualTo("CREDITED");
        assertThat(invoice.path("creditNotes").findValuesAsText("number")).containsExactly("CN-1", "CN-2");
        ApiResponse readSecond = tenant.get("/credit-notes/" + second.json().path("creditNoteId").asText());
        assertThat(readSecond.json().path("totals").path("grossAmount").asText()).isEqualTo("689.66");
    }

    @Test
    default void shouldCloneIntoNewDraft_whenFinalizedInvoiceIsCloned() {
        // given
        TenantFixture tenant = newTenant();
        String invoiceId = tenant.finalizedInvoice();
        ApiResponse original = tenant.get("/invoices/" + invoiceId);

        // when
        ApiResponse cloned = tenant.postEmpty("/invoices/" + invoiceId + "/clone");

        // then
        assertThat(cloned.status()).as("%s", cloned).isEqualTo(201);
        String cloneId = cloned.json().path("invoiceId").asText();
        assertThat(cloneId).isNotEqualTo(invoiceId);
        assertThat(cloned.location()).isEqualTo(tenant.path("/invoices/" + cloneId));
        assertThat(cloned.etag()).isEqualTo("\"0\"");
        JsonNode clone = tenant.read(cloned.location(), tenant.accountantKey).json();
        assertThat(clone.path("status").asText()).isEqualTo("DRAFT");
        assertThat(clone.path("number").isNull()).isTrue();
        assertThat(clone.path("invoiceDate").isNull()).isTrue();
        assertThat(clone.path("origin").path("kind").asText()).isEqualTo("CLONE");
        assertThat(clone.path("origin").path("sourceId").asText()).isEqualTo(invoiceId);
        assertThat(clone.path("lines")).isEqualTo(original.json().path("lines"));
        assertThat(clone.path("totals")).isEqualTo(original.json().path("totals"));
        assertThat(tenant.get("/invoices/" + invoiceId).body()).isEqualTo(original.body());
        assertThat(tenant.expect(200, tenant.postEmpty("/invoices/" + cloneId + "/finalize")).json()
                .path("number").asText()).isEqualTo("INV-1002");
    }
}
