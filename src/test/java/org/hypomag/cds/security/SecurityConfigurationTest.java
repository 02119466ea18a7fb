package org.hypomag.cds.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A configuration that would weaken the checks stops the start; demo mode and a missing base URL are loud. */
@ExtendWith(OutputCaptureExtension.class)
class SecurityConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withBean(Clock.class, Clock::systemUTC)
            .withUserConfiguration(SecurityConfiguration.class, FhirServerPolicy.class)
            .withPropertyValues("cds.security.issuers[0].iss=https://ehr.example.org");

    @Test
    void hmacOrNoneAlgorithm_inTheConfiguration_stopsTheStart() {
        for (String alg : new String[] {"HS256", "none", "PS512"}) {
            runner.withPropertyValues("cds.security.issuers[0].jwks-file=classpath:issuers/sandbox-jwks.json",
                    "cds.security.issuers[0].algorithms=ES384," + alg).run(context -> assertThat(context)
                    .hasFailed().getFailure().rootCause().hasMessageContaining("'" + alg + "' is not accepted"));
        }
    }

    @Test
    void issuerWithoutKeys_stopsTheStart() {
        runner.run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                .hasMessageContaining("needs keys"));
    }

    @Test
    void fileAndUrlTogether_stopTheStart() {
        runner.withPropertyValues("cds.security.issuers[0].jwks-file=classpath:issuers/sandbox-jwks.json",
                "cds.security.issuers[0].jwks-url=https://ehr.example.org/jwks").run(context -> assertThat(context)
                .hasFailed().getFailure().rootCause().hasMessageContaining("not both"));
    }

    @Test
    void plainHttpJwksUrlOnARemoteHost_stopsTheStart() {
        runner.withPropertyValues("cds.security.issuers[0].jwks-url=http://ehr.example.org/jwks")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("must use https"));
    }

    @Test
    void missingJwksFile_stopsTheStart() {
        runner.withPropertyValues("cds.security.issuers[0].jwks-file=classpath:issuers/nope.json")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("nope.json"));
    }

    @Test
    void demoMode_warnsAtStart(CapturedOutput output) {
        runner.withPropertyValues("cds.security.mode=demo",
                "cds.security.issuers[0].jwks-file=classpath:issuers/sandbox-jwks.json").run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(output).contains("WARN").contains("DEMO MODE");
                });
    }

    /** Issue 12.5: in JWT mode with a trusted issuer, no public-base-url stops the start (aud followed Host). */
    @Test
    void missingPublicBaseUrl_withATrustedIssuer_stopsTheStart() {
        runner.withPropertyValues("cds.security.issuers[0].jwks-file=classpath:issuers/sandbox-jwks.json")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("cds.security.public-base-url is required in JWT mode"));
    }

    @Test
    void missingPublicBaseUrl_withoutIssuers_warnsAtStart(CapturedOutput output) {
        new ApplicationContextRunner().withBean(Clock.class, Clock::systemUTC)
                .withUserConfiguration(SecurityConfiguration.class, FhirServerPolicy.class).run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(output).contains("cds.security.public-base-url is not set");
                });
    }

    @Test
    void clockSkewAboveFiveMinutes_stopsTheStartNamingTheProperty() {
        runner.withPropertyValues("cds.security.issuers[0].jwks-file=classpath:issuers/sandbox-jwks.json",
                "cds.security.clock-skew=10m").run(context -> assertThat(context).hasFailed().getFailure()
                .rootCause().hasMessageContaining("cds.security").hasMessageContaining("clockSkew"));
    }

    @Test
    void propertiesPrint_noSurprises() {
        SecurityProperties p = new SecurityProperties(null, "https://cds.example.org/", null, null, 10, true, null,
                null, null, null);
        assertThat(p.publicBaseUrl()).isEqualTo("https://cds.example.org");
        assertThat(p.mode()).isEqualTo(SecurityProperties.Mode.JWT);
        assertThat(p.clockSkew()).hasSeconds(60);
    }
}
