package io.invoiceflow.projections.list;

import java.util.List;

/**
 * One page of a list.
 *
 * @param items      at most the query's limit, in its order
 * @param nextCursor what to pass as {@code cursor} for the next page; null on the last page
 * @param total      how many rows match the filter on all pages together (counted in the same scan)
 */
public record Page<T>(List<T> items, String nextCursor, long total) {
    public Page {
        items = List.copyOf(items);
    }
}
