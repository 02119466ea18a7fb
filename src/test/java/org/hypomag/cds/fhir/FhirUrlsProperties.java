package org.hypomag.cds.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Issue 12.7: the one URL check refuses every way out of the base path, and keeps IPv6 literals (12.8). */
class FhirUrlsProperties {

    static final URI BASE = URI.create("https://fhir.example.org/fhir");

    @Provide
    Arbitrary<String> escapes() {
        Arbitrary<String> dot = Arbitraries.of("..", "%2e%2e", "%2E%2e", ".%2e", "%2e.", "..;", "..;x=1", ".",
                "%2e", "%252e%252e", "..\\", "%5c..");
        Arbitrary<String> before = Arbitraries.of("", "Observation/", "Patient/p1/", "a/b/");
        Arbitrary<String> after = Arbitraries.of("", "/admin", "/../admin", "/x?y=1");
        return net.jqwik.api.Combinators.combine(before, dot, after).as((b, d, a) -> b + d + a);
    }

    @Property(tries = 300, seed = "20261202")
    void pathsWithDotSegmentsOrEncodedDots_neverPass(@ForAll("escapes") String tail) {
        String url = "https://fhir.example.org/fhir/" + tail;
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return; // not even a URI: never sent
        }
        assertThat(FhirUrls.within(BASE, uri)).as(url).isFalse();
        assertThat(FhirUrls.parseBase(url)).as(url).isEmpty();
    }

    @Example
    void relativeNextLinkUpwards_isOutside() {
        assertThat(FhirUrls.within(BASE, TemplateRenderer.resolve(BASE.toString(), "../admin"))).isFalse();
        assertThat(FhirUrls.within(BASE, URI.create("https://fhir.example.org/fhirx/Observation"))).isFalse();
        assertThat(FhirUrls.within(BASE, URI.create("https://fhir.example.org:444/fhir/Observation"))).isFalse();
        assertThat(FhirUrls.within(BASE, URI.create("https://fhir.example.org/fhir/Observation?page=2"))).isTrue();
    }

    @Example
    void ipv6Literals_arePlainHosts() {
        URI base = FhirUrls.parseBase("http://[::1]:8080/fhir").orElseThrow();
        URI q = TemplateRenderer.render("http://[::1]:8080/fhir", "Observation?patient={{context.patientId}}",
                java.util.Map.of("context.patientId", "p1")).uri();
        assertThat(q.getHost()).isEqualTo("[::1]");
        assertThat(FhirUrls.within(base, q)).isTrue();
        assertThat(FhirUrls.within(base, TemplateRenderer.resolve("http://[::1]:8080/fhir",
                "http://[::1]:8080/fhir/Observation?page=2"))).isTrue();
    }
}
