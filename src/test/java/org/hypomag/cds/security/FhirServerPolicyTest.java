package org.hypomag.cds.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The allowlist matching itself, without HTTP. */
class FhirServerPolicyTest {

    private static final String ISS = "https://ehr.example.org";
    private static final CallerIdentity EHR = new CallerIdentity(ISS, null, false);
    private static final CallerIdentity OTHER = new CallerIdentity("https://other.example.org", null, false);

    private final FhirServerPolicy policy = new FhirServerPolicy(new SecurityProperties(null, null, null, null,
            100, true, null, null,
            List.of(new SecurityProperties.Issuer(ISS, "classpath:issuers/sandbox-jwks.json", null, null, null, null,
                    List.of(new SecurityProperties.FhirServer("https://fhir.example.org:8443/r4/", false),
                            new SecurityProperties.FhirServer("http://localhost:8080/fhir", true)))),
            List.of(new SecurityProperties.FhirServer("https://launch.smarthealthit.org/v/r4/fhir", false))));

    @Test
    void serverAndPathsBelowIt_areAllowed() {
        assertThatCode(() -> policy.check(EHR, "https://fhir.example.org:8443/r4", true)).doesNotThrowAnyException();
        assertThatCode(() -> policy.check(EHR, "https://FHIR.example.org:8443/r4/tenant-a", true))
                .doesNotThrowAnyException();
    }

    @Test
    void otherPortSchemeOrPathBoundary_isRefused() {
        refused(EHR, "https://fhir.example.org/r4", FhirServerNotAllowedException.NOT_ALLOWED);
        refused(EHR, "http://fhir.example.org:8443/r4", FhirServerNotAllowedException.NOT_ALLOWED);
        refused(EHR, "https://fhir.example.org:8443/r40", FhirServerNotAllowedException.NOT_ALLOWED);
        refused(EHR, "https://fhir.example.org:8443/R4", FhirServerNotAllowedException.NOT_ALLOWED);
    }

    @Test
    void anotherIssuersList_doesNotApply() {
        refused(OTHER, "https://fhir.example.org:8443/r4", FhirServerNotAllowedException.NOT_ALLOWED);
        refused(null, "https://fhir.example.org:8443/r4", FhirServerNotAllowedException.NOT_ALLOWED);
    }

    @Test
    void trickyUrls_areRefusedAsInvalid() {
        refused(EHR, "https://attacker.example@fhir.example.org:8443/r4", FhirServerNotAllowedException.INVALID);
        refused(EHR, "https://fhir.example.org:8443/r4/../../admin", FhirServerNotAllowedException.INVALID);
        refused(EHR, "https://fhir.example.org:8443/r4/%2e%2e/admin", FhirServerNotAllowedException.INVALID);
        refused(EHR, "https://fhir.example.org:8443/r4?x=1", FhirServerNotAllowedException.INVALID);
        refused(EHR, "ftp://fhir.example.org/r4", FhirServerNotAllowedException.INVALID);
        refused(EHR, "/r4", FhirServerNotAllowedException.INVALID);
        refused(EHR, null, FhirServerNotAllowedException.INVALID);
    }

    @Test
    void httpEntry_takesTheTokenOnlyWhenItAllowsHttp() {
        assertThatCode(() -> policy.check(EHR, "http://localhost:8080/fhir", true)).doesNotThrowAnyException();
    }

    @Test
    void demoCaller_mayUseLoopbackServersAndTheDemoList_only() {
        CallerIdentity demo = CallerIdentity.demoCaller();
        assertThatCode(() -> policy.check(demo, "http://127.0.0.1:8080/fhir", true)).doesNotThrowAnyException();
        assertThatCode(() -> policy.check(demo, "http://[::1]:8080/fhir", true)).doesNotThrowAnyException();
        assertThatCode(() -> policy.check(demo, "https://launch.smarthealthit.org/v/r4/fhir", false))
                .doesNotThrowAnyException();
        refused(demo, "https://fhir.example.org:8443/r4", FhirServerNotAllowedException.NOT_ALLOWED);
        refused(demo, "http://127.0.0.1.attacker.example/fhir", FhirServerNotAllowedException.NOT_ALLOWED);
    }

    @Test
    void messages_nameTheOriginOnly() {
        assertThatThrownBy(() -> policy.check(EHR, "https://attacker.example/r4/Patient/4711", true))
                .hasMessageContaining("https://attacker.example:443").hasMessageNotContaining("4711");
    }

    private void refused(CallerIdentity caller, String url, String code) {
        assertThatThrownBy(() -> policy.check(caller, url, true)).isInstanceOf(FhirServerNotAllowedException.class)
                .extracting(e -> ((FhirServerNotAllowedException) e).code()).isEqualTo(code);
    }
}
