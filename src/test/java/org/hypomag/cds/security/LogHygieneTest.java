package org.hypomag.cds.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hypomag.cds.security.SecuredCalls.DISCOVERY_AUD;
import static org.hypomag.cds.security.SecuredCalls.EHR;
import static org.hypomag.cds.security.SecuredCalls.HOOK_AUD;
import static org.hypomag.cds.security.SecuredCalls.body;
import static org.hypomag.cds.security.SecuredCalls.discovery;
import static org.hypomag.cds.security.SecuredCalls.hook;
import static org.hypomag.cds.security.SecuredTestApp.NOW;

import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * With every logger at DEBUG, calls carrying secrets (valid, replayed, forged, expired, foreign tokens; an
 * access_token and a patient id in the body; a refused fhirServer) leave none of them in any log line or
 * response body.
 */
class LogHygieneTest extends SecuredContextTest {

    private static final String ACCESS_TOKEN = "SECRET-ACCESS-TOKEN-8f1b2c";
    private static final String PATIENT = "pt-7f3a9c1781";

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private Level rootLevel;

    @BeforeEach
    void captureAllLogs() {
        rootLevel = root.getLevel();
        root.setLevel(Level.DEBUG);
        appender.start();
        root.addAppender(appender);
    }

    @AfterEach
    void restore() {
        root.detachAppender(appender);
        root.setLevel(rootLevel);
    }

    @Test
    void noTokenAccessTokenOrPatientId_inLogsOrResponses() throws Exception {
        List<String> tokens = new ArrayList<>();
        List<String> responses = new ArrayList<>();
        String valid = EHR.token(HOOK_AUD, NOW).sign();
        tokens.add(valid);
        responses.add(content(hook(mvc, valid, body("https://fhir.test.example/r4", ACCESS_TOKEN))));
        responses.add(content(hook(mvc, valid, body("https://fhir.test.example/r4", ACCESS_TOKEN))));
        String forged = EHR.token(HOOK_AUD, NOW).signWith(new ECKeyGenerator(Curve.P_384)
                .keyID(TestIssuer.EC_KID).generate()).sign();
        String expired = EHR.token(DISCOVERY_AUD, NOW.minusSeconds(3600)).sign();
        String foreign = new TestIssuer("https://rogue.example").token(DISCOVERY_AUD, NOW).sign();
        String wrongAud = EHR.token("https://elsewhere.example/cds-services", NOW).sign();
        tokens.addAll(List.of(forged, expired, foreign, wrongAud));
        responses.add(content(hook(mvc, forged, body("https://fhir.test.example/r4", ACCESS_TOKEN))));
        responses.add(content(discovery(mvc, expired)));
        responses.add(content(discovery(mvc, foreign)));
        responses.add(content(discovery(mvc, wrongAud)));
        String refused = EHR.token(HOOK_AUD, NOW).sign();
        tokens.add(refused);
        responses.add(content(hook(mvc, refused, body("https://attacker.example/r4/Patient/" + PATIENT, ACCESS_TOKEN))));

        List<String> lines = appender.list.stream().map(LogHygieneTest::render).toList();
        assertThat(lines).as("the filter logged its refusals").anyMatch(l -> l.contains("Refused"));
        List<String> secrets = new ArrayList<>(List.of(ACCESS_TOKEN, PATIENT));
        for (String token : tokens) {
            String[] parts = token.split("\\.");
            secrets.addAll(List.of(token, parts[1], parts[2]));
        }
        for (String secret : secrets) {
            assertThat(lines).noneMatch(l -> l.contains(secret));
            assertThat(responses).noneMatch(r -> r.contains(secret));
        }
    }

    private static String content(org.springframework.test.web.servlet.ResultActions result) throws Exception {
        return result.andReturn().getResponse().getContentAsString();
    }

    private static String render(ILoggingEvent event) {
        String thrown = event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy());
        return event.getLoggerName() + " " + event.getFormattedMessage() + " " + thrown + " " + event.getMDCPropertyMap();
    }
}
