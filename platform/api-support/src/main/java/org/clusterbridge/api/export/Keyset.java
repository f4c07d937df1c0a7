package org.clusterbridge.api.export;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * Every item of a sorted selection, read in batches: {@code next} answers the items after the given one in the
 * selection's order (after null: the first), at most a batch of them; an empty batch ends the iteration. Only the
 * current batch is held, so a selection of any size is read in constant memory, and each batch is one indexed
 * range read rather than an ever-growing offset.
 */
public final class Keyset<T> implements Iterator<T> {

    private final Function<T, List<T>> next;
    private List<T> batch = List.of();
    private int position;
    private T last;
    private boolean done;

    private Keyset(Function<T, List<T>> next) {
        this.next = next;
    }

    public static <T> Iterator<T> of(Function<T, List<T>> next) {
        return new Keyset<>(next);
    }

    @Override
    public boolean hasNext() {
        if (position < batch.size()) {
            return true;
        }
        if (done) {
            return false;
        }
        List<T> following = next.apply(last);
        if (last != null && !following.isEmpty() && following.get(0).equals(last)) {
            // a condition that is not strictly "after" would repeat the last batch for ever
            throw new IllegalStateException("the batch after an item starts with that item");
        }
        batch = following;
        position = 0;
        done = batch.isEmpty();
        return !done;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        last = batch.get(position++);
        return last;
    }
}
