package org.hypomag.cds.security;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.hypomag.cds.TestPhases;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The shipped example configuration (profile security-example: the sandbox issuer with the shipped JWKS,
 * public base http://127.0.0.1:9000) accepts the captured sandbox calls at their iat, through the filter and
 * the fhirServer check, and refuses them after expiry.
 */
@Tag(TestPhases.CONTEXT)
@SpringBootTest(classes = SecuredTestApp.class)
@AutoConfigureMockMvc
@ActiveProfiles("security-example")
class SandboxProfileTest {

    static final List<String> FIXTURES = SandboxFixtures.NAMES;

    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    @ParameterizedTest
    @FieldSource("FIXTURES")
    void capturedSandboxCall_atItsIat_isAccepted(String name) throws Exception {
        SandboxFixtures fixture = SandboxFixtures.load(name);
        clock.set(fixture.iat().plusSeconds(1));
        replay(fixture).andExpect(status().isOk());
    }

    @ParameterizedTest
    @FieldSource("FIXTURES")
    void capturedSandboxCall_afterExpiry_gives401(String name) throws Exception {
        SandboxFixtures fixture = SandboxFixtures.load(name);
        clock.set(fixture.exp().plusSeconds(120));
        SecuredCalls.assertInvalid(replay(fixture));
    }

    private ResultActions replay(SandboxFixtures fixture) throws Exception {
        MockHttpServletRequestBuilder call = request(HttpMethod.valueOf(fixture.method()), fixture.path())
                .header("Authorization", "Bearer " + fixture.token()).header("Origin", "http://127.0.0.1:8081");
        if (fixture.body() != null) {
            call.contentType(MediaType.APPLICATION_JSON).content(fixture.body());
        }
        ResultActions result = mvc.perform(call);
        return result;
    }
}
