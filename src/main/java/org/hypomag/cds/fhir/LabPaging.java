package org.hypomag.cds.fhir;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.hypomag.cds.clinical.Analyte;
import org.hypomag.cds.clinical.DataKey;
import org.hypomag.cds.clinical.LabResult;
import org.hypomag.cds.clinical.ResultStatus;
import org.hypomag.cds.clinical.Thresholds;
import tools.jackson.databind.JsonNode;

/**
 * Issue 18.6: when the newest-first pages of a lab key hold everything the rules read, so that no further
 * page is fetched. Per analyte of the key: every result within the rules' window for it has been read (the
 * pages are older than the window), and for magnesium also the newest usable result and the one before it
 * (the trend, D2), or a newest result that is already stale (D3: then no trend is shown). The windows are the
 * rules' own thresholds (D3 7 days and D17 5 days for Mg; D6/D14 7 days for K, Ca, creatinine, eGFR; D7 30
 * days for weight and height), so they cannot drift.
 * <p>
 * Stopping early is only allowed while the pages really come newest first: a page whose self link does not
 * echo {@code _sort}, or an entry newer than one before it, marks the key unsorted; then every page is read
 * within the bounds and, if not all could be read, the key is unknown (the newest result may be on a page not
 * read).
 */
final class LabPaging {

    private final ObservationMapper mapper;
    private final Map<DataKey, Duration> windows = new EnumMap<>(DataKey.class);
    private final Duration mgStaleAfter;

    LabPaging(ObservationMapper mapper, Thresholds t) {
        this.mapper = mapper;
        this.mgStaleAfter = t.mgStaleAfter();
        windows.put(DataKey.MAGNESIUM, max(t.mgStaleAfter(), t.persistentCaWindow()));
        windows.put(DataKey.POTASSIUM, t.electrolyteCurrent());
        windows.put(DataKey.CALCIUM, t.electrolyteCurrent());
        windows.put(DataKey.RENAL, max(t.creatinineCurrent(), t.egfrCurrent()));
        windows.put(DataKey.WEIGHT, max(t.weightCurrent(), t.heightCurrent()));
    }

    /** The per-fetch tracker for a lab key, or null for a key that is not a newest-first lab search. */
    Need need(DataKey key, Instant now) {
        Duration window = windows.get(key);
        return window == null ? null : new Need(now.minus(window), key == DataKey.MAGNESIUM, now);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** What one key's pages have shown so far. Used under the KeyFetch lock. */
    final class Need {
        private final Instant windowStart;
        private final boolean magnesium;
        private final Instant now;
        private Instant oldest;
        private boolean unsorted;
        private int mgValued;
        private Instant mgNewest;

        private Need(Instant windowStart, boolean magnesium, Instant now) {
            this.windowStart = windowStart;
            this.magnesium = magnesium;
            this.now = now;
        }

        /** @param first the first page of the search: its self link must echo {@code _sort} when it has one */
        void observe(PageReader.Page page, boolean first) {
            if (first && page.self() != null && !page.self().contains("_sort")) {
                unsorted = true;
            }
            for (FhirResource r : page.resources()) {
                if (!"Observation".equals(r.type())) {
                    continue;
                }
                Instant t = sortTime(r.json());
                if (t != null) {
                    if (oldest != null && t.isAfter(oldest)) {
                        unsorted = true;
                    }
                    oldest = oldest == null || t.isBefore(oldest) ? t : oldest;
                }
                if (magnesium) {
                    Optional<LabResult> lab = mapSafely(r);
                    if (lab.isPresent() && lab.get().analyte() == Analyte.MAGNESIUM && usable(lab.get())) {
                        mgValued++;
                        if (mgNewest == null || lab.get().source().time().isAfter(mgNewest)) {
                            mgNewest = lab.get().source().time();
                        }
                    }
                }
            }
        }

        boolean unsorted() {
            return unsorted;
        }

        /** True when the pages read so far came newest first and hold all the rules use. */
        boolean enough() {
            if (unsorted || oldest == null || !oldest.isBefore(windowStart)) {
                return false;
            }
            if (!magnesium) {
                return true;
            }
            boolean newestStale = mgNewest != null && Duration.between(mgNewest, now).compareTo(mgStaleAfter) > 0;
            return mgValued >= 2 || (mgValued == 1 && newestStale);
        }
    }

    /** D3: the statuses the rules count, dated, with a value. */
    private static boolean usable(LabResult r) {
        return r.hasValue() && r.source() != null && r.source().time() != null
                && (r.status() == ResultStatus.FINAL || r.status() == ResultStatus.AMENDED
                || r.status() == ResultStatus.CORRECTED || r.status() == ResultStatus.PRELIMINARY);
    }

    private Optional<LabResult> mapSafely(FhirResource r) {
        try {
            return mapper.map(r);
        } catch (RuntimeException e) { // a malformed element: the snapshot mapper reports it
            return Optional.empty();
        }
    }

    /** effective[x] as the server sorts by it ({@code _sort=-date}); issued-only entries are not compared. */
    private static Instant sortTime(JsonNode o) {
        try {
            if (FhirJson.has(o, "effectiveDateTime")) {
                return FhirValues.instant(o, "effectiveDateTime");
            }
            if (FhirJson.has(o, "effectivePeriod")) {
                return FhirValues.instant(FhirJson.object(o, "effectivePeriod"), "start");
            }
            if (FhirJson.has(o, "effectiveInstant")) {
                return FhirValues.instant(o, "effectiveInstant");
            }
        } catch (RuntimeException e) {
            return null;
        }
        return null;
    }
}
