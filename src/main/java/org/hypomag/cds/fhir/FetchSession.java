package org.hypomag.cds.fhir;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The FHIR queries of one hook call: one server, one token, one deadline. Follows {@code next} links on the
 * same server only (the token never leaves it), stops at the page and entry bounds and on a page loop, and
 * cancels every exchange still running when closed.
 */
final class FetchSession implements AutoCloseable {

    private final FhirHttpClient client;
    private final PageReader reader;
    private final URI base;
    private final String accessToken;
    private final long deadlineNanos;
    private final Set<CompletableFuture<?>> inflight = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    FetchSession(FhirHttpClient client, PageReader reader, String fhirServer, String accessToken, long deadlineNanos) {
        this.client = client;
        this.reader = reader;
        this.base = URI.create(TemplateRenderer.stripSlash(fhirServer));
        this.accessToken = accessToken;
        this.deadlineNanos = deadlineNanos;
    }

    long remainingMillis() {
        return TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
    }

    /** Fetches {@code uri} and the pages after it; never fails: a failure is an Unknown or incomplete result. */
    CompletableFuture<KeyResult> fetch(KeyFetch acc, URI uri) {
        long queryTimeout = client.properties().queryTimeout().toMillis();
        long timeout = Math.min(queryTimeout, remainingMillis());
        String timedOut = timeout < queryTimeout
                ? "no answer within the " + client.properties().deadline().toMillis() + " ms deadline"
                : "FHIR server did not answer within " + timeout + " ms";
        if (closed || timeout <= 0) {
            return CompletableFuture.completedFuture(acc.result("no time left before the deadline"));
        }
        if (!sameServer(uri)) {
            // a query that leaves the base (Patient/.., an encoded dot ...) is never sent with the token
            return CompletableFuture.completedFuture(acc.result("the query left the FHIR server's base; not sent"));
        }
        acc.visit(uri.toString());
        CompletableFuture<HttpResponse<byte[]>> raw;
        try {
            raw = client.send(uri, accessToken, timeout);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(acc.result("the query is not a valid URL"));
        }
        inflight.add(raw);
        if (closed) {
            raw.cancel(true);
        }
        CompletableFuture<HttpResponse<byte[]>> timed = raw.copy().orTimeout(timeout, TimeUnit.MILLISECONDS);
        timed.whenComplete((r, e) -> {
            inflight.remove(raw);
            if (e != null) {
                raw.cancel(true);
            }
        });
        return timed.thenCompose(response -> {
            PageReader.Page page = reader.read(acc.key(), FhirHttpClient.body(response));
            return switch (page.kind()) {
                case INVALID -> failed(acc, "FHIR server's answer was not valid FHIR JSON");
                case WRONG_TYPE -> failed(acc, "FHIR server returned " + page.detail());
                case ERROR_OUTCOME -> failed(acc, "FHIR server reported an error");
                case EMPTY, RESOURCES -> {
                    acc.add(page);
                    yield next(acc, page.next());
                }
            };
        }).exceptionallyCompose(e -> {
            URI fallback = FetchFailure.statusOf(e) == 400 ? acc.takeFallback() : null;
            return fallback != null ? fetch(acc, fallback)
                    : CompletableFuture.completedFuture(acc.result(FetchFailure.reasonOf(e, timedOut)));
        });
    }

    /** Follows a next link after a page was added to {@code acc}, if it may be followed. */
    CompletableFuture<KeyResult> next(KeyFetch acc, String next) {
        if (next == null) {
            return CompletableFuture.completedFuture(acc.result(null));
        }
        URI uri;
        try {
            uri = TemplateRenderer.resolve(base.toString(), next);
        } catch (IllegalArgumentException e) {
            return stop(acc, "the server's next link is malformed");
        }
        if (acc.enough()) {
            return stop(acc, null);
        }
        int maxPages = acc.pageBudget(client.properties().maxPages());
        if (!sameServer(uri)) {
            return stop(acc, "a next link to another server was not followed");
        }
        if (!acc.visit(uri.toString())) {
            return stop(acc, "the server's next links loop; pages were read once");
        }
        if (acc.pages() >= maxPages) {
            return stop(acc, "more than " + maxPages + " pages; the first " + maxPages + " were read");
        }
        if (acc.full()) {
            return stop(acc, null);
        }
        if (remainingMillis() <= 0) {
            return stop(acc, "the deadline came while paging");
        }
        return fetch(acc, uri);
    }

    private static CompletableFuture<KeyResult> stop(KeyFetch acc, String why) {
        if (why != null) {
            acc.incomplete(why);
        }
        return CompletableFuture.completedFuture(acc.result(null));
    }

    private static CompletableFuture<KeyResult> failed(KeyFetch acc, String reason) {
        return CompletableFuture.completedFuture(acc.result(reason));
    }

    /** The one check (shared with the fhirServer policy): same server, clean path below the base. */
    boolean sameServer(URI uri) {
        return FhirUrls.within(base, uri);
    }

    @Override
    public void close() {
        closed = true;
        inflight.forEach(f -> f.cancel(true));
    }
}
