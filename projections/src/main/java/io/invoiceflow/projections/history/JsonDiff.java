package io.invoiceflow.projections.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Field-level differences between two JSON documents: objects are compared by field, arrays by
 * position, everything else by value; an explicit JSON {@code null} counts as absent. A decimal
 * written {@code "10.50"} differs from {@code "10.5"}: both are strings, and amounts are stored at
 * their scale.
 */
public final class JsonDiff {
    private JsonDiff() {
    }

    /** What changed from {@code before} to {@code after}, in document order; {@code ignored} top-level fields are skipped. */
    public static List<Change> diff(JsonNode before, JsonNode after, Set<String> ignored) {
        List<Change> changes = new ArrayList<>();
        JsonNode b = absentIfNull(before);
        JsonNode a = absentIfNull(after);
        if (isObject(b) || isObject(a)) {
            for (String field : fieldNames(b, a)) {
                if (!ignored.contains(field)) {
                    walk(field, child(b, field), child(a, field), changes);
                }
            }
        } else {
            walk("$", b, a, changes);
        }
        return changes;
    }

    private static void walk(String path, JsonNode before, JsonNode after, List<Change> out) {
        if (before == null && after == null) {
            return;
        }
        if (before != null && after != null && before.isObject() && after.isObject()) {
            for (String field : fieldNames(before, after)) {
                walk(path + "." + field, child(before, field), child(after, field), out);
            }
        } else if (before != null && after != null && before.isArray() && after.isArray()) {
            int n = Math.max(before.size(), after.size());
            for (int i = 0; i < n; i++) {
                walk(path + "[" + i + "]", absentIfNull(before.get(i)), absentIfNull(after.get(i)), out);
            }
        } else if (before == null || !before.equals(after)) {
            out.add(new Change(path, before, after));
        }
    }

    private static Set<String> fieldNames(JsonNode before, JsonNode after) {
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode node : new JsonNode[]{before, after}) {
            if (isObject(node)) {
                for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                    names.add(it.next());
                }
            }
        }
        return names;
    }

    private static JsonNode child(JsonNode node, String field) {
        return isObject(node) ? absentIfNull(node.get(field)) : null;
    }

    private static boolean isObject(JsonNode node) {
        return node != null && node.isObject();
    }

    private static JsonNode absentIfNull(JsonNode node) {
        return node == null || node instanceof NullNode || node.isMissingNode() ? null : node;
    }
}
