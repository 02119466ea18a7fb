package org.hypomag.cds.fhir;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.hypomag.cds.clinical.DataKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pages read so far for one key. Shared between the HTTP threads and the caller, which takes what is
 * there at the deadline; after {@link #close} late pages are ignored.
 */
final class KeyFetch {

    private static final Logger log = LoggerFactory.getLogger(KeyFetch.class);
    /** What a card says for any failed fetch (no connection-level detail, issue 12.6). */
    static final String NO_USABLE_ANSWER = "the FHIR server gave no usable answer";
    /** Pages allowed at most, whatever the server's page size (issue 18.4: the bound stays a bound). */
    static final int PAGE_SIZE_FACTOR = 4;

    private final DataKey key;
    private final int maxEntries;
    private final int requestedCount;
    private final LabPaging.Need need;
    private int firstPageSize = -1;
    private java.net.URI fallback;
    private final List<FhirResource> resources = new ArrayList<>();
    private final List<FhirResource> medications = new ArrayList<>();
    private final Set<String> seenUrls = new HashSet<>();
    private int pages;
    private String incomplete;
    private boolean closed;

    KeyFetch(DataKey key, int maxEntries) {
        this(key, maxEntries, 0, null);
    }

    /**
     * @param requestedCount the query's {@code _count} (0: none), to honour a smaller page size of the server
     * @param need           for a newest-first lab key: when its pages hold what the rules read, else null
     */
    KeyFetch(DataKey key, int maxEntries, int requestedCount, LabPaging.Need need) {
        this.key = key;
        this.maxEntries = maxEntries;
        this.requestedCount = requestedCount;
        this.need = need;
    }

    DataKey key() {
        return key;
    }

    /** A broader query to run once if the server refuses the first one with 400 (see PrefetchTemplates). */
    synchronized void fallback(java.net.URI uri) {
        this.fallback = uri;
    }

    /** The fallback query, once: null when there is none, it was taken, or a page was already read. */
    synchronized java.net.URI takeFallback() {
        java.net.URI f = pages == 0 ? fallback : null;
        fallback = null;
        return f;
    }

    /** Records a URL about to be fetched; false when it was fetched before (a page loop). */
    synchronized boolean visit(String url) {
        return seenUrls.add(url);
    }

    synchronized void add(PageReader.Page page) {
        if (closed) {
            return;
        }
        if (need != null) {
            need.observe(page, pages == 0);
        }
        if (pages == 0) {
            firstPageSize = page.resources().size();
        }
        pages++;
        for (FhirResource r : page.resources()) {
            if (resources.size() >= maxEntries) {
                incomplete = "more than " + maxEntries + " entries; the first " + maxEntries + " were read";
                break;
            }
            resources.add(r);
        }
        medications.addAll(page.medications());
    }

    synchronized int pages() {
        return pages;
    }

    /**
     * Pages that may be read: {@code maxPages} at the page size the query asked for. A server that answers
     * smaller pages (HAPI caps {@code _count} at 50) gets as many more pages as that takes, at most
     * {@link #PAGE_SIZE_FACTOR} times {@code maxPages}; the entry bound applies on top.
     */
    synchronized int pageBudget(int maxPages) {
        if (requestedCount <= 0 || firstPageSize <= 0 || firstPageSize >= requestedCount) {
            return maxPages;
        }
        long pagesAtServerSize = ((long) maxPages * requestedCount + firstPageSize - 1) / firstPageSize;
        return (int) Math.min(pagesAtServerSize, (long) maxPages * PAGE_SIZE_FACTOR);
    }

    /** A newest-first lab key whose pages already hold everything the rules read (issue 18.6). */
    synchronized boolean enough() {
        return need != null && need.enough();
    }

    synchronized boolean full() {
        return resources.size() >= maxEntries;
    }

    synchronized void incomplete(String why) {
        if (incomplete == null) {
            incomplete = why;
        }
    }

    /** What the pages read so far amount to: Present (maybe incomplete), Empty, or Unknown when none was read. */
    synchronized KeyResult result(String failure) {
        if (pages == 0) {
            // the card says only that the server gave nothing usable; the connection-level detail is logged
            log.warn("FHIR query for {} failed: {}", key.prefetchKey(), failure);
            return new KeyResult.Unknown(key.prefetchKey() + ": " + NO_USABLE_ANSWER, key.prefetchKey() + ": " + failure);
        }
        if (failure != null) {
            incomplete("a later page failed: " + failure);
        }
        if (need != null && need.unsorted() && incomplete != null) {
            // the newest result may be on a page not read: grading what was read could be wrong
            return new KeyResult.Unknown(key.prefetchKey() + ": the FHIR server did not return results newest "
                    + "first and not every page could be read (" + incomplete + ")");
        }
        if (resources.isEmpty()) {
            return incomplete == null ? new KeyResult.Empty()
                    : new KeyResult.Present(List.of(), incomplete);
        }
        return new KeyResult.Present(resources, incomplete);
    }

    synchronized List<FhirResource> medications() {
        return List.copyOf(medications);
    }

    synchronized void close() {
        closed = true;
    }
}
