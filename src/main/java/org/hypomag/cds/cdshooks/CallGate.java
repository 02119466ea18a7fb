package org.hypomag.cds.cdshooks;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.hypomag.cds.fhir.ServerWait;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Bounds the hook calls that work at once (issue 16.3). A call is CPU work from its token check to its answer;
 * with every call of a busy minute working at once, the cores are shared among all of them and each takes as
 * long as the slowest, so the tail grows with the queue. Calls past the bound wait, first come first served,
 * for a place (at most {@code cds.http.call-queue-timeout}, then 503), and a call gives its place up while its
 * thread waits for fhirServer ({@link ServerWait}), so a slow or hanging FHIR server never holds the places.
 * Meter {@code cds.hook.queue} → {@code cds_hook_queue_seconds}: the time calls waited for a place.
 */
@Component
class CallGate implements ServerWait {

    private final Semaphore places;
    private final int size;
    private final long maxWaitNanos;
    private final ThreadLocal<Boolean> holding = ThreadLocal.withInitial(() -> Boolean.FALSE);
    private final Timer queued;

    CallGate(CdsHttpProperties properties, ObjectProvider<MeterRegistry> registry) {
        this.size = properties.concurrentCalls() > 0 ? properties.concurrentCalls()
                : CdsHttpProperties.CALLS_PER_PROCESSOR * Runtime.getRuntime().availableProcessors();
        this.places = new Semaphore(size, true);
        this.maxWaitNanos = properties.callQueueTimeout().toNanos();
        MeterRegistry meters = registry.getIfAvailable();
        this.queued = meters == null ? null : Timer.builder("cds.hook.queue")
                .description("time hook calls waited for a place among the calls working at once")
                .publishPercentileHistogram().register(meters);
    }

    /** How many calls may work at once. */
    int size() {
        return size;
    }

    /** Takes a place for this thread's call: false when none came free within the queue timeout. */
    boolean enter() throws InterruptedException {
        long t0 = System.nanoTime();
        boolean got = places.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS);
        if (queued != null) {
            queued.record(Duration.ofNanos(System.nanoTime() - t0));
        }
        holding.set(got);
        return got;
    }

    /** Gives this thread's place back (nothing when it holds none). */
    void leave() {
        if (holding.get()) {
            holding.remove();
            places.release();
        }
    }

    /** The call's place is free while its thread waits for fhirServer; taken again (in turn) afterwards. */
    @Override
    public void during(Runnable waiting) {
        if (!holding.get()) {
            waiting.run();
            return;
        }
        places.release();
        holding.set(false);
        try {
            waiting.run();
        } finally {
            places.acquireUninterruptibly();
            holding.set(true);
        }
    }
}
