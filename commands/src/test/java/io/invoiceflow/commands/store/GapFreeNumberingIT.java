package io.invoiceflow.commands.store;

import io.invoiceflow.commands.CommandContext;
import io.invoiceflow.commands.TestDatabases;
import io.invoiceflow.commands.TestTenants;
import io.invoiceflow.commands.WriteSide;
import io.invoiceflow.commands.WriteSideSettings;
import io.invoiceflow.events.invoice.CreateInvoice;
import io.invoiceflow.events.invoice.FinalizeInvoice;
import io.invoiceflow.events.invoice.InvoiceFinalized;
import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.TenantId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Invoice numbers (on H2 and PostgreSQL) are unique and gap-free per tenant, also when 16 threads finalize at once. */
class GapFreeNumberingIT {
    private static final int INVOICES = 2_000;
    private static final int THREADS = 16;

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void shouldAssignOneGapFreeSequence_when16ThreadsFinalize2000Invoices(TestDatabases.Kind kind) throws Exception {
        // given a tenant with 2,000 drafts
        try (WriteSide writeSide = WriteSide.start(TestDatabases.create(kind), WriteSideSettings.defaults("test"),
                Clock.systemUTC(), null)) {
            TenantId tenant = TenantId.random();
            CommandContext ctx = new CommandContext("test", "gap-free", tenant.value());
            writeSide.send(TestTenants.createTenant(tenant), ctx);
            writeSide.send(TestTenants.registerCustomer(tenant), ctx);
            List<InvoiceId> drafts = new ArrayList<>();
            for (int i = 0; i < INVOICES; i++) {
                InvoiceId id = InvoiceId.random();
                drafts.add(id);
            }
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                runAll(pool, drafts, id -> writeSide.send(new CreateInvoice(id, tenant, TestTenants.draft()), ctx));

                // when 16 threads finalize them all at once
                ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
                runAll(pool, drafts, id -> {
                    try {
                        writeSide.send(new FinalizeInvoice(id, tenant, null), ctx);
                    } catch (RuntimeException e) {
                        failures.add(e);
                    }
                });
                assertThat(failures).isEmpty();
            } finally {
                pool.shutdownNow();
            }

            // then the sequences are exactly 1001..3000, each once, and number = prefix + sequence
            List<InvoiceFinalized> finalized = drafts.stream()
                    .map(id -> writeSide.events(id.value()).stream()
                            .map(e -> e.getPayload())
                            .filter(InvoiceFinalized.class::isInstance)
                            .map(InvoiceFinalized.class::cast)
                            .findFirst().orElseThrow())
                    .toList();
            assertThat(finalized).allSatisfy(f -> assertThat(f.number()).isEqualTo("INV-" + f.sequence()));
            assertThat(finalized.stream().map(InvoiceFinalized::sequence).sorted().toList())
                    .containsExactlyElementsOf(LongStream.range(1001, 1001 + INVOICES).boxed().toList());
        }
    }

    private interface Task {
        void run(InvoiceId id);
    }

    private static void runAll(ExecutorService pool, List<InvoiceId> ids, Task task) throws Exception {
        List<Future<?>> futures = new ArrayList<>();
        for (InvoiceId id : ids) {
            futures.add(pool.submit(() -> task.run(id)));
        }
        for (Future<?> f : futures) {
            f.get();
        }
    }
}
