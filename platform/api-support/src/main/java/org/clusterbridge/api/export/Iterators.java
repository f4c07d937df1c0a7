package org.clusterbridge.api.export;

import java.util.Iterator;
import java.util.function.Function;

/** Lazily mapped iterators, for exports that turn stored items into representations as they are written. */
public final class Iterators {

    private Iterators() {
    }

    public static <A, B> Iterator<B> map(Iterator<A> items, Function<? super A, ? extends B> mapper) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return items.hasNext();
            }

            @Override
            public B next() {
                return mapper.apply(items.next());
            }
        };
    }
}
