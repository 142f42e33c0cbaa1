package io.invoiceflow.app.api;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** H2 numbering and optimistic concurrency when clients race each other. */
interface ConcurrencyContract extends ApiTestContext {
    int RACERS = 8;

    private static List<ApiResponse> race(List<Callable<ApiResponse>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<ApiResponse> responses = new ArrayList<>();
            for (Future<ApiResponse> f : pool.invokeAll(calls, 60, TimeUnit.SECONDS)) {
                responses.add(f.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    default void shouldAssignUniqueGapFreeNumbers_whenDraftsAreFinalizedConcurrently() throws Exception {
        // given
        TenantFixture tenant = newTenant();
        List<String> drafts = IntStream.range(0, RACERS).mapToObj(i -> tenant.draftInvoice()).toList();

        // when
        List<ApiResponse> finalized = race(drafts.stream()
                .<Callable<ApiResponse>>map(id -> () -> tenant.postEmpty("/invoices/" + id + "/finalize"))
                .toList());

        // then
        finalized.forEach(r -> assertThat(r.status()).as("%s", r).isEqualTo(200));
        assertThat(finalized).extracting(r -> r.json().path("number").asText())
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, RACERS).mapToObj(i -> "INV-" + (1001 + i)).toList());
    }

    @Test
    default void shouldAcceptExactlyOneChange_whenClientsRaceWithTheSameIfMatch() throws Exception {
        // given
        TenantFixture tenant = newTenant();
        String invoiceId = tenant.draftInvoice();

        // when
        List<ApiResponse> responses = race(IntStream.range(0, RACERS)
                .<Callable<ApiResponse>>mapToObj(i -> () -> tenant.put("/invoices/" + invoiceId,
                        Bodies.edit(Bodies.INVOICE_DRAFT, d -> d.put("comments", "writer " + i)), "\"0\""))
                .toList());

        // then
        assertThat(responses).filteredOn(r -> r.status() == 200).hasSize(1);
        assertThat(responses).filteredOn(r -> r.status() != 200).allSatisfy(r -> Problems.assertProblem(r, 412, "STALE_VERSION"));
        ApiResponse winner = responses.stream().filter(r -> r.status() == 200).findFirst().orElseThrow();
        ApiResponse after = tenant.get("/invoices/" + invoiceId);
        assertThat(after.etag()).isEqualTo("\"1\"");
        assertThat(after.json().path("comments").asText()).isEqualTo(winner.json().path("comments").asText());
    }
}
