package io.invoiceflow.commands.frequency;

import io.invoiceflow.commands.CommandContext;
import io.invoiceflow.commands.directory.Directory;
import io.invoiceflow.commands.shared.WriteSideSupport;
import io.invoiceflow.events.ErrorCode;
import io.invoiceflow.events.frequency.CreateFrequency;
import io.invoiceflow.events.frequency.DeactivateFrequency;
import io.invoiceflow.events.frequency.FrequencyDefinition;
import io.invoiceflow.events.frequency.FrequencyEnd;
import io.invoiceflow.events.frequency.FrequencyId;
import io.invoiceflow.events.frequency.FrequencyPattern;
import io.invoiceflow.events.frequency.RenameFrequency;
import io.invoiceflow.events.shared.TenantId;
import io.invoiceflow.events.tenant.DeactivateInvoicing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The catalogue list row is written in the command's transaction, with who created and changed it. */
class FrequencyDirectoryIT {
    @RegisterExtension
    static final WriteSideSupport w = WriteSideSupport.perTestClass();

    @Test
    void shouldKeepTheListRowInStep_whenTheFrequencyIsCreatedRenamedAndDeactivated() {
        // given a tenant with invoicing deactivated (the catalogue is settings)
        TenantId tenant = w.seedTenant();
        w.send(tenant, new DeactivateInvoicing(tenant, null));
        FrequencyId id = FrequencyId.random();
        FrequencyDefinition quarterly = new FrequencyDefinition(FrequencyPattern.monthlyOnLastDay(3),
                LocalDate.of(2026, 1, 31), FrequencyEnd.after(8));

        // when
        w.send(tenant, new CreateFrequency(id, tenant, null, quarterly));
        w.writeSide().send(new RenameFrequency(id, tenant, "Kvartalsslutt", 0L),
                new CommandContext("user-2", "req-2", tenant.value()));
        w.send(tenant, new DeactivateFrequency(id, tenant, 1L));

        // then
        Directory.FrequencyEntry row = w.writeSide().directory().frequency(tenant, id).orElseThrow();
        assertThat(row.name()).isEqualTo("Kvartalsslutt");
        assertThat(row.automaticName()).isFalse();
        assertThat(row.definition()).isEqualTo(quarterly);
        assertThat(row.active()).isFalse();
        assertThat(row.inUse()).isZero();
        assertThat(row.version()).isEqualTo(2);
        assertThat(row.createdBy()).isEqualTo("user-1");
        assertThat(row.changedBy()).isEqualTo("user-1");
        assertThat(row.changedAt()).isAfterOrEqualTo(row.createdAt());
        assertThat(w.writeSide().directory().frequencies(tenant)).extracting(Directory.FrequencyEntry::frequencyId)
                .containsExactly(id);
        assertThat(w.writeSide().directory().frequencies(w.seedTenant())).isEmpty();
    }

    @Test
    void shouldCountUsage_whenSubscriptionsStartAndStopUsingIt() {
        // given
        TenantId tenant = w.seedTenant();
        FrequencyId id = FrequencyId.random();
        w.send(tenant, new CreateFrequency(id, tenant, null, new FrequencyDefinition(FrequencyPattern.daily(1),
                LocalDate.of(2026, 1, 1), null)));
        Directory directory = w.writeSide().directory();

        // when
        directory.adjustFrequencyUsage(tenant, id, 2);
        directory.adjustFrequencyUsage(tenant, id, -1);

        // then
        assertThat(directory.frequency(tenant, id).orElseThrow().inUse()).isEqualTo(1);
        assertThatThrownBy(() -> directory.adjustFrequencyUsage(tenant, id, -2)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> directory.adjustFrequencyUsage(w.seedTenant(), id, 1)).isInstanceOf(IllegalStateException.class);
        assertThat(directory.frequency(tenant, id).orElseThrow().inUse()).isEqualTo(1);
    }

    @Test
    void shouldAnswerNotFound_whenAnotherTenantRenamesIt() {
        // given
        TenantId owner = w.seedTenant();
        TenantId intruder = w.seedTenant();
        FrequencyId id = FrequencyId.random();
        w.send(owner, new CreateFrequency(id, owner, null, new FrequencyDefinition(FrequencyPattern.daily(2),
                LocalDate.of(2026, 1, 1), null)));

        // when / then
        assertThat(w.refused(intruder, new RenameFrequency(id, intruder, "Mine", null)).code())
                .isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(w.writeSide().directory().frequency(owner, id).orElseThrow().name()).isEqualTo("Hver 2. dag");
    }
}
