package io.invoiceflow.commands.frequency;

import io.invoiceflow.commands.directory.Directory;
import io.invoiceflow.commands.directory.TenantRecord;
import io.invoiceflow.commands.shared.Guards;
import io.invoiceflow.commands.shared.Violations;
import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.frequency.ChangeFrequencyPattern;
import io.invoiceflow.events.frequency.CreateFrequency;
import io.invoiceflow.events.frequency.DeactivateFrequency;
import io.invoiceflow.events.frequency.FrequencyCreated;
import io.invoiceflow.events.frequency.FrequencyDeactivated;
import io.invoiceflow.events.frequency.FrequencyDefinition;
import io.invoiceflow.events.frequency.FrequencyPatternChanged;
import io.invoiceflow.events.frequency.FrequencyReactivated;
import io.invoiceflow.events.frequency.FrequencyRenamed;
import io.invoiceflow.events.frequency.ReactivateFrequency;
import io.invoiceflow.events.frequency.RenameFrequency;
import io.invoiceflow.events.shared.TenantId;
import io.invoiceflow.recurrence.FrequencyNames;
import io.invoiceflow.recurrence.NameLanguage;
import io.invoiceflow.recurrence.PatternRules;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.time.Clock;
import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A frequency of a tenant's catalogue of subscription frequencies (Q1-Q5): a schedule with a name,
 * active or deactivated. The catalogue is settings, not invoicing: the S1 switch does not block it.
 * The automatic name is generated in the tenant's default language (nb, sv, en; others get English)
 * and follows the pattern when it changes; an override stays until it is renamed back to automatic.
 */
public class Frequency {
    /** The longest name a tenant may give. */
    public static final int MAX_NAME = 100;

    @AggregateIdentifier
    private String id;
    private TenantId tenantId;
    private FrequencyDefinition definition;
    private String name;
    private boolean automaticName;
    private boolean active;

    protected Frequency() {
        // for Axon
    }

    @CommandHandler
    public Frequency(CreateFrequency command, Directory directory, Clock clock) {
        TenantRecord tenant = directory.requireTenant(command.tenantId());
        String override = checkedName(command.name(), "name");
        FrequencyDefinition schedule = checked(command.definition(), tenant.today(clock));
        apply(new FrequencyCreated(command.frequencyId(), command.tenantId(),
                override != null ? override : generatedName(schedule, tenant), override == null, schedule));
    }

    @CommandHandler
    void handle(RenameFrequency command, Directory directory) {
        ensureOwnedBy(command.tenantId());
        Guards.ensureVersion(command.expectedVersion());
        String override = checkedName(command.name(), "name");
        String newName = override != null ? override : generatedName(definition, directory.requireTenant(tenantId));
        if (!newName.equals(name) || automaticName != (override == null)) {
            apply(new FrequencyRenamed(command.frequencyId(), tenantId, newName, override == null));
        }
    }

    @CommandHandler
    void handle(ChangeFrequencyPattern command, Directory directory) {
        ensureOwnedBy(command.tenantId());
        Guards.ensureVersion(command.expectedVersion());
        FrequencyDefinition schedule = checked(command.definition(), definition.anchor());
        if (!schedule.equals(definition)) {
            String newName = automaticName ? generatedName(schedule, directory.requireTenant(tenantId)) : name;
            apply(new FrequencyPatternChanged(command.frequencyId(), tenantId, schedule, newName));
        }
    }

    @CommandHandler
    void handle(DeactivateFrequency command) {
        ensureOwnedBy(command.tenantId());
        Guards.ensureVersion(command.expectedVersion());
        if (active) {
            apply(new FrequencyDeactivated(command.frequencyId(), tenantId));
        }
    }

    @CommandHandler
    void handle(ReactivateFrequency command) {
        ensureOwnedBy(command.tenantId());
        Guards.ensureVersion(command.expectedVersion());
        if (!active) {
            apply(new FrequencyReactivated(command.frequencyId(), tenantId));
        }
    }

    private void ensureOwnedBy(TenantId asked) {
        Guards.ensureSameTenant(tenantId, asked, "frequency " + id);
    }

    /** The canonical schedule; a missing anchor is {@code defaultAnchor}. */
    private static FrequencyDefinition checked(FrequencyDefinition requested, LocalDate defaultAnchor) {
        if (requested == null) {
            throw DomainException.invalid("pattern", "required", "pattern is required");
        }
        LocalDate anchor = requested.anchor() != null ? requested.anchor() : defaultAnchor;
        return PatternRules.canonical(new FrequencyDefinition(requested.pattern(), anchor, requested.end()));
    }

    /** An override, or null for the automatic name. */
    private static String checkedName(String requested, String field) {
        if (requested == null) {
            return null;
        }
        Violations v = new Violations();
        if (requested.isBlank()) {
            v.add(field, "required", field + " must not be blank; leave it out (null) for the automatic name");
        }
        v.optionalText(field, requested, MAX_NAME);
        v.throwIfAny();
        return requested.strip();
    }

    private static String generatedName(FrequencyDefinition schedule, TenantRecord tenant) {
        return FrequencyNames.name(schedule.pattern(), NameLanguage.orEnglish(tenant.profile().defaultLanguage()));
    }

    @EventSourcingHandler
    void on(FrequencyCreated event) {
        id = event.frequencyId().value();
        tenantId = event.tenantId();
        definition = event.definition();
        name = event.name();
        automaticName = event.automaticName();
        active = true;
    }

    @EventSourcingHandler
    void on(FrequencyRenamed event) {
        name = event.name();
        automaticName = event.automaticName();
    }

    @EventSourcingHandler
    void on(FrequencyPatternChanged event) {
        definition = event.definition();
        name = event.name();
    }

    @EventSourcingHandler
    void on(FrequencyDeactivated event) {
        active = false;
    }

    @EventSourcingHandler
    void on(FrequencyReactivated event) {
        active = true;
    }
}
