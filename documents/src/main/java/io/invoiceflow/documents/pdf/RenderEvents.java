package io.invoiceflow.documents.pdf;

import org.apache.fop.events.Event;
import org.apache.fop.events.EventFormatter;
import org.apache.fop.events.EventListener;
import org.apache.fop.events.model.EventSeverity;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Collects the FOP events of one render that make the document wrong: errors, and warnings that mean a missing
 * or refused resource (image, font) or a substituted font. Layout warnings (overflow and the like) are not
 * failures. FOP's default logging of events is replaced by this listener.
 */
final class RenderEvents implements EventListener {
    private static final String IMAGE_NOT_FOUND = "org.apache.fop.ResourceEventProducer.imageNotFound";
    private static final Set<String> FAILING_WARNINGS = Set.of(
            "org.apache.fop.ResourceEventProducer.imageError",
            "org.apache.fop.ResourceEventProducer.imageIOError",
            "org.apache.fop.ResourceEventProducer.imageWritingError",
            "org.apache.fop.ResourceEventProducer.uriError",
            "org.apache.fop.ResourceEventProducer.ifoNoIntermediateFormat",
            "org.apache.fop.fonts.FontEventProducer.fontSubstituted",
            "org.apache.fop.fonts.FontEventProducer.fontLoadingErrorAtAutoDetection",
            "org.apache.fop.fonts.FontEventProducer.fontDirectoryNotFound",
            "org.apache.fop.fo.FOValidationEventProducer.unknownFormattingObject");

    private final List<String> failures = new ArrayList<>();

    @Override
    public void processEvent(Event event) {
        EventSeverity severity = event.getSeverity();
        if (IMAGE_NOT_FOUND.equals(event.getEventID())) {
            // FOP remembers failed addresses for a while and then reports them without asking the resolver again
            String reason = ResourceAccess.refusal(String.valueOf(event.getParam("uri")));
            if (!failures.contains(reason)) {
                failures.add(reason);
            }
        } else if (severity == EventSeverity.ERROR || severity == EventSeverity.FATAL
                || FAILING_WARNINGS.contains(event.getEventID())) {
            failures.add(EventFormatter.format(event));
        }
    }

    List<String> failures() {
        return failures;
    }
}
