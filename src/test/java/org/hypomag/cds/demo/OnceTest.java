package org.hypomag.cds.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class OnceTest {

    @Test
    void manyCallersAtOnceShareOneRead() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        Once<List<String>> once = new Once<>(() -> {
            reads.incrementAndGet();
            return List.of("read " + reads.get());
        });
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> got = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                got.add(pool.submit(() -> {
                    start.await();
                    return once.get();
                }));
            }
            start.countDown();
            for (Future<List<String>> f : got) {
                assertThat(f.get()).containsExactly("read 1");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(reads).hasValue(1);
        assertThat(once.get()).containsExactly("read 1");
    }

    @Test
    void aFailedReadIsNotKept() {
        AtomicInteger reads = new AtomicInteger();
        Once<String> once = new Once<>(() -> {
            if (reads.incrementAndGet() == 1) {
                throw new IllegalStateException("disk not ready");
            }
            return "second read";
        });
        assertThatThrownBy(once::get).hasMessage("disk not ready");
        assertThat(once.get()).isEqualTo("second read");
        assertThat(once.get()).isEqualTo("second read");
        assertThat(reads).hasValue(2);
    }
}
