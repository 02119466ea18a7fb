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


    private final DataKey key;
    private final int maxEntries;
    private final List<FhirResource> resources = new ArrayList<>();
    private final List<FhirResource> medications = new ArrayList<>();
    private final Set<String> seenUrls = new HashSet<>();
    private int pages;
    private String incomplete;
    private boolean closed;

    KeyFetch(DataKey key, int maxEntries) {
        this.key = key;
        this.maxEntries = maxEntries;
    }

    DataKey key() {
        return key;
    }

    /** Records a URL about to be fetched; false when it was fetched before (a page loop). */
    synchronized boolean visit(String url) {
        return seenUrls.add(url);
    }

    synchronized void add(PageReader.Page page) {
        if (closed) {
            return;
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
