package io.invoiceflow.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Splits a JFR recording's CPU samples into phases without overlap: each sample counts for the innermost of the
 * given marker methods on its stack ("other" if none). Without markers it uses those of a PDF render
 * (docs/benchmarks/documents.md).
 *
 * <pre>java -cp bench/target/invoiceflow-bench.jar io.invoiceflow.bench.JfrPhases file.jfr thread-filter [Class.method ...]</pre>
 */
public final class JfrPhases {
    static final List<String> RENDER_PHASES = List.of(
            "org.apache.fop.apps.FOUserAgent.newFop",
            "org.apache.fop.render.pdf.PDFDocumentHandler.endDocument",
            "org.apache.fop.render.intermediate.IFRenderer.renderPage",
            "org.apache.fop.layoutmgr.PageSequenceLayoutManager.activateLayout",
            "org.apache.fop.fo.FOTreeBuilder.startElement",
            "org.apache.fop.fo.FOTreeBuilder.endElement",
            "io.invoiceflow.documents.pdf.TemplateInput.write",
            "com.sun.org.apache.xalan.internal.xsltc.trax.TransformerImpl.transform");

    private JfrPhases() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: JfrPhases file.jfr thread-name-substring [Class.method ...]");
            System.exit(2);
        }
        List<String> phases = args.length > 2 ? Arrays.asList(args).subList(2, args.length) : RENDER_PHASES;
        Map<String, Long> counts = new LinkedHashMap<>();
        long samples = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
                continue;
            }
            RecordedThread thread = e.getThread("sampledThread");
            if (thread == null || !String.valueOf(thread.getJavaName()).contains(args[1])) {
                continue;
            }
            samples++;
            counts.merge(innermost(e.getStackTrace().getFrames(), phases), 1L, Long::sum);
        }
        System.out.printf(Locale.ROOT, "%s: %d samples on threads containing '%s'%n", args[0], samples, args[1]);
        long total = samples;
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(c -> System.out.printf(Locale.ROOT, "%5.1f%%  %s%n", 100.0 * c.getValue() / total, c.getKey()));
    }

    private static String innermost(List<RecordedFrame> frames, List<String> phases) {
        for (RecordedFrame frame : frames) { // leaf first
            String method = frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
            if (phases.contains(method)) {
                return method;
            }
        }
        return "other";
    }
}
