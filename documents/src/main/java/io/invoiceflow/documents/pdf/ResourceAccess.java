package io.invoiceflow.documents.pdf;

import org.apache.xmlgraphics.io.Resource;
import org.apache.xmlgraphics.io.ResourceResolver;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * FOP's only resource resolver: it serves the fonts registered at start and the resources of the document being
 * rendered on this thread (the tenant's logo), and refuses everything else ({@code file:}, {@code http(s):},
 * {@code jar:}, any other scheme or path), recording each refusal so the render fails with the reason. FOP
 * writes no files through it: output streams are refused too.
 */
final class ResourceAccess implements ResourceResolver {
    /** The base of every address the resolver serves. */
    static final String BASE = "invoiceflow:/";

    private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();
    private final Map<URI, byte[]> fixed;

    ResourceAccess(Map<URI, byte[]> fixed) {
        this.fixed = Map.copyOf(fixed);
    }

    @Override
    public Resource getResource(URI uri) throws IOException {
        byte[] bytes = fixed.get(uri);
        Scope scope = CURRENT.get();
        if (bytes == null && scope != null) {
            bytes = scope.resources.get(uri);
        }
        if (bytes == null) {
            String reason = refusal(uri.toString());
            if (scope != null) {
                scope.refused.add(reason);
            }
            throw new IOException(reason);
        }
        return new Resource(new ByteArrayInputStream(bytes));
    }

    /** The reason given for a refused address. */
    static String refusal(String uri) {
        return "access to " + uri + " is refused: templates can only use the fonts and the logo the renderer provides";
    }

    @Override
    public OutputStream getOutputStream(URI uri) throws IOException {
        String reason = "writing " + uri + " is refused";
        Scope scope = CURRENT.get();
        if (scope != null) {
            scope.refused.add(reason);
        }
        throw new IOException(reason);
    }

    /** Makes {@code resources} visible to this thread's render until the scope is closed. */
    static Scope open(Map<URI, byte[]> resources) {
        Scope scope = new Scope(Map.copyOf(resources));
        CURRENT.set(scope);
        return scope;
    }

    /** The resources and refusals of one render on one thread. */
    static final class Scope implements AutoCloseable {
        private final Map<URI, byte[]> resources;
        private final List<String> refused = new ArrayList<>();

        private Scope(Map<URI, byte[]> resources) {
            this.resources = resources;
        }

        List<String> refused() {
            return refused;
        }

        @Override
        public void close() {
            CURRENT.remove();
        }
    }
}
