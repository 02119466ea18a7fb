package org.hypomag.cds.fhir;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.fhir.ucum.UcumEssenceService;
import org.fhir.ucum.UcumException;

/**
 * The UCUM essence ({@code ucum-essence.xml} of {@code org.fhir:ucum}), read once per process: every
 * {@link QuantityNormaliser} converts with the same service (its conversions only read it), instead of each
 * parsing the XML again (two or three parses at every start, issue 16.5).
 */
public final class UcumEssence {

    private UcumEssence() {
    }

    /** The shared service, read on first use (the start-up preload reads it beside the context's start). */
    public static UcumEssenceService service() {
        return Holder.SERVICE;
    }

    private static final class Holder {
        static final UcumEssenceService SERVICE = read();

        private static UcumEssenceService read() {
            try (InputStream in = UcumEssenceService.class.getClassLoader().getResourceAsStream("ucum-essence.xml")) {
                return new UcumEssenceService(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (UcumException e) {
                throw new IllegalStateException("ucum-essence.xml cannot be read", e);
            }
        }
    }
}
