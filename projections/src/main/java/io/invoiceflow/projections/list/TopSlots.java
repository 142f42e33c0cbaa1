package io.invoiceflow.projections.list;

/**
 * The best {@code capacity} slots seen so far in a {@link ChunkOrder}: a binary heap of {@code int}s with the
 * worst kept slot at its head, so a slot that cannot enter costs one comparison.
 */
final class TopSlots {
    private final ChunkOrder order;
    private final int[] heap;
    private int size;

    TopSlots(ChunkOrder order, int capacity) {
        this.order = order;
        this.heap = new int[capacity];
    }

    void offer(int slot) {
        if (size < heap.length) {
            heap[size] = slot;
            up(size++);
        } else if (order.compare(slot, heap[0]) < 0) {
            heap[0] = slot;
            down(0);
        }
    }

    /** The kept slots, best first; empties the heap. */
    int[] drain() {
        int[] out = new int[size];
        for (int i = out.length - 1; i >= 0; i--) {
            out[i] = heap[0];
            heap[0] = heap[--size];
            down(0);
        }
        return out;
    }

    /** Whether {@code a} comes after {@code b} in the order: the heap keeps the worst on top. */
    private boolean worse(int a, int b) {
        return order.compare(a, b) > 0;
    }

    private void up(int i) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!worse(heap[i], heap[parent])) {
                return;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void down(int i) {
        while (true) {
            int left = 2 * i + 1;
            if (left >= size) {
                return;
            }
            int child = left + 1 < size && worse(heap[left + 1], heap[left]) ? left + 1 : left;
            if (!worse(heap[child], heap[i])) {
                return;
            }
            swap(i, child);
            i = child;
        }
    }

    private void swap(int i, int j) {
        int t = heap[i];
        heap[i] = heap[j];
        heap[j] = t;
    }
}
