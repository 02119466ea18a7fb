package org.hypomag.cds.fhir;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A body subscriber that keeps at most {@code max} bytes: past that it cancels the subscription (the client
 * closes the connection) and fails with "answer exceeded ...". Bodies of non-2xx answers are not read.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {

    private final long max;
    private final boolean discard;
    private final boolean declaredTooLarge;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private Flow.Subscription subscription;
    private long size;

    private BoundedBody(long max, boolean discard, boolean declaredTooLarge) {
        this.max = max;
        this.discard = discard;
        this.declaredTooLarge = declaredTooLarge;
    }

    static HttpResponse.BodyHandler<byte[]> handler(long max) {
        return info -> {
            if (info.statusCode() < 200 || info.statusCode() > 299) {
                return new BoundedBody(max, true, false);
            }
            long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            return new BoundedBody(max, false, declared > max);
        };
    }

    static String tooLarge(long max) {
        return "FHIR server's answer exceeded the " + (max >= 1 << 20 ? max / (1 << 20) + " MB" : max + " byte")
                + " limit";
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (discard || declaredTooLarge) {
            s.cancel();
            if (discard) {
                result.complete(new byte[0]);
            } else {
                result.completeExceptionally(new FetchFailure(tooLarge(max)));
            }
            return;
        }
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer b : items) {
            size += b.remaining();
            if (size > max) {
                subscription.cancel();
                result.completeExceptionally(new FetchFailure(tooLarge(max)));
                return;
            }
            byte[] chunk = new byte[b.remaining()];
            b.get(chunk);
            buffer.write(chunk, 0, chunk.length);
        }
    }

    @Override
    public void onError(Throwable t) {
        result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        result.complete(buffer.toByteArray());
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }
}
