package org.hypomag.cds.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** cds.http.concurrent-calls and cds.http.call-queue-timeout: defaults, bounds, and the gate's places. */
class CallGateWiringTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(CdsHttpProperties.class)
    @Import(CallGate.class)
    static class Beans {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Beans.class);

    @Test
    void default_isThreePlacesPerProcessor_andTenSecondsOfQueue() {
        runner.run(ctx -> {
            assertThat(ctx.getBean(CallGate.class).size())
                    .isEqualTo(CdsHttpProperties.CALLS_PER_PROCESSOR * Runtime.getRuntime().availableProcessors());
            assertThat(ctx.getBean(CdsHttpProperties.class).callQueueTimeout()).hasSeconds(10);
        });
    }

    @Test
    void outOfBounds_stopsTheStartNamingTheProperty() {
        runner.withPropertyValues("cds.http.concurrent-calls=-1").run(ctx -> assertThat(ctx).hasFailed()
                .getFailure().rootCause().hasMessageContaining("concurrentCalls"));
        runner.withPropertyValues("cds.http.concurrent-calls=4097").run(ctx -> assertThat(ctx).hasFailed());
        runner.withPropertyValues("cds.http.call-queue-timeout=0ms").run(ctx -> assertThat(ctx).hasFailed()
                .getFailure().rootCause().hasMessageContaining("cds.http.call-queue-timeout"));
        runner.withPropertyValues("cds.http.call-queue-timeout=61s").run(ctx -> assertThat(ctx).hasFailed());
        runner.withPropertyValues("cds.http.concurrent-calls=4096", "cds.http.call-queue-timeout=60s")
                .run(ctx -> assertThat(ctx.getBean(CallGate.class).size()).isEqualTo(4096));
    }

    @Test
    void twoPlaces_aThirdCallWaitsInTurn_andTimesOut() throws Exception {
        runner.withPropertyValues("cds.http.concurrent-calls=2", "cds.http.call-queue-timeout=100ms").run(ctx -> {
            CallGate gate = ctx.getBean(CallGate.class);
            CountDownLatch held = new CountDownLatch(2);
            CountDownLatch release = new CountDownLatch(1);
            for (int i = 0; i < 2; i++) {
                CompletableFuture.runAsync(() -> {
                    try {
                        assertThat(gate.enter()).isTrue();
                        held.countDown();
                        release.await(5, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        gate.leave();
                    }
                });
            }
            assertThat(held.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(gate.enter()).as("a third call while two work").isFalse();
            gate.leave(); // holds nothing: gives nothing back
            release.countDown();
            assertThat(CompletableFuture.supplyAsync(() -> {
                try {
                    return gate.enter();
                } catch (InterruptedException e) {
                    return false;
                } finally {
                    gate.leave();
                }
            }).get(5, TimeUnit.SECONDS)).isTrue();
        });
    }

    @Test
    void waitingForTheFhirServer_freesThePlace_andTakesItBackAfter() throws Exception {
        runner.withPropertyValues("cds.http.concurrent-calls=1", "cds.http.call-queue-timeout=100ms").run(ctx -> {
            CallGate gate = ctx.getBean(CallGate.class);
            assertThat(gate.enter()).isTrue();
            boolean[] otherGotIn = new boolean[1];
            gate.during(() -> otherGotIn[0] = CompletableFuture.supplyAsync(() -> {
                try {
                    return gate.enter();
                } catch (InterruptedException e) {
                    return false;
                } finally {
                    gate.leave();
                }
            }).join());
            assertThat(otherGotIn[0]).as("another call worked while this one waited").isTrue();
            boolean thirdGotIn = CompletableFuture.supplyAsync(() -> {
                try {
                    return gate.enter();
                } catch (InterruptedException e) {
                    return false;
                }
            }).get(5, TimeUnit.SECONDS);
            assertThat(thirdGotIn).as("the place is this call's again after the wait").isFalse();
            gate.leave();
        });
    }
}
