package org.hypomag.cds.smart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.hypomag.cds.security.SecurityProperties;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Which launch URL the cards link to (issue 17): configured, then the public base URL, then (demo only) the request. */
class SmartLaunchTest {

    private static SecurityProperties security(SecurityProperties.Mode mode, String publicBase) {
        return new SecurityProperties(mode, publicBase, null, null, 100, true, null, null, List.of(), List.of());
    }

    private static SmartProperties smart(boolean enabled, String launchUrl) {
        return new SmartProperties(enabled, launchUrl, null, null, null);
    }

    private static MockHttpServletRequest request() {
        MockHttpServletRequest r = new MockHttpServletRequest("POST", "/cds-services/x");
        r.setScheme("http");
        r.setServerName("localhost");
        r.setServerPort(8080);
        return r;
    }

    @Test
    void configuredLaunchUrl_winsOverEverything() {
        SmartLaunch l = new SmartLaunch(smart(true, "https://apps.example.org/trend/launch.html"),
                security(SecurityProperties.Mode.JWT, "https://cds.example.org"));
        assertThat(l.urlFor(request())).contains("https://apps.example.org/trend/launch.html");
    }

    @Test
    void publicBaseUrl_givesItsLaunchPage() {
        SmartLaunch l = new SmartLaunch(smart(true, null), security(SecurityProperties.Mode.JWT, "https://cds.example.org/"));
        assertThat(l.urlFor(request())).contains("https://cds.example.org/smart/launch.html");
    }

    @Test
    void demoModeWithoutConfiguration_usesTheRequestsOwnBase() {
        SmartLaunch l = new SmartLaunch(smart(true, null), security(SecurityProperties.Mode.DEMO, null));
        assertThat(l.urlFor(request())).contains("http://localhost:8080/smart/launch.html");
    }

    @Test
    void jwtModeWithoutConfiguration_neverFollowsTheHostHeader() {
        SmartLaunch l = new SmartLaunch(smart(true, null), security(SecurityProperties.Mode.JWT, null));
        assertThat(l.urlFor(request())).isEmpty();
    }

    @Test
    void disabled_givesNoUrl() {
        SmartLaunch l = new SmartLaunch(smart(false, "https://apps.example.org/launch.html"),
                security(SecurityProperties.Mode.DEMO, "https://cds.example.org"));
        assertThat(l.urlFor(request())).isEmpty();
    }

    @Test
    void badConfiguration_isRefusedAtStart() {
        assertThatThrownBy(() -> smart(true, "/smart/launch.html")).hasMessageContaining("cds.smart.launch-url");
        assertThatThrownBy(() -> smart(true, "javascript:alert(1)")).hasMessageContaining("cds.smart.launch-url");
        assertThatThrownBy(() -> new SmartProperties(true, null, null, List.of("https://x.org; script-src *"), null))
                .hasMessageContaining("cds.smart.connect-src");
        assertThatThrownBy(() -> new SmartProperties(true, null, "a b", null, null))
                .hasMessageContaining("cds.smart.client-id");
    }

    @Test
    void csp_connectSrcIsThisServiceTheConfiguredFhirServersAndExtraOrigins() {
        SecurityProperties s = new SecurityProperties(SecurityProperties.Mode.JWT, "https://cds.example.org", null,
                null, 100, true, null, null, List.of(new SecurityProperties.Issuer("https://ehr.example.org",
                "classpath:issuers/sandbox-jwks.json", null, null, null, null,
                List.of(new SecurityProperties.FhirServer("https://fhir.example.org:8443/r4", false)))), List.of());
        String csp = ContentSecurityPolicy.of(new SmartProperties(true, null, null, List.of("https://auth.example.org"),
                List.of("https://ehr.example.org")), s);
        assertThat(csp).contains("connect-src 'self' https://fhir.example.org:8443 https://auth.example.org;",
                "frame-ancestors 'self' https://ehr.example.org;", "script-src 'self';", "default-src 'none';")
                .doesNotContain("localhost").doesNotContain("unsafe");
    }
}
