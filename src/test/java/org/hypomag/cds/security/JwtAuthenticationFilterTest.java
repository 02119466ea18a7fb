package org.hypomag.cds.security;

import static org.hypomag.cds.security.SecuredCalls.DISCOVERY_AUD;
import static org.hypomag.cds.security.SecuredCalls.EHR;
import static org.hypomag.cds.security.SecuredCalls.FEEDBACK_AUD;
import static org.hypomag.cds.security.SecuredCalls.HOOK_AUD;
import static org.hypomag.cds.security.SecuredCalls.assertInvalid;
import static org.hypomag.cds.security.SecuredCalls.assertRefused;
import static org.hypomag.cds.security.SecuredCalls.body;
import static org.hypomag.cds.security.SecuredCalls.discovery;
import static org.hypomag.cds.security.SecuredCalls.feedback;
import static org.hypomag.cds.security.SecuredCalls.hook;
import static org.hypomag.cds.security.SecuredTestApp.NOW;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import org.junit.jupiter.api.Test;

/** The token matrix of issue 6, each case through the real filter: 200 or 401 with an OperationOutcome. */
class JwtAuthenticationFilterTest extends SecuredContextTest {

    @Test
    void validEs384_isAccepted() throws Exception {
        discovery(mvc, EHR.token(DISCOVERY_AUD, NOW).sign()).andExpect(status().isOk());
    }

    @Test
    void validRs384_isAccepted() throws Exception {
        discovery(mvc, EHR.rsaToken(DISCOVERY_AUD, NOW).sign()).andExpect(status().isOk());
    }

    @Test
    void validTokens_onHookAndFeedback_areAccepted_andTheCallerReachesTheController() throws Exception {
        hook(mvc, EHR.token(HOOK_AUD, NOW).sign(), body(null, null)).andExpect(status().isOk())
                .andExpect(jsonPath("$.issuer").value(EHR.iss())).andExpect(jsonPath("$.demo").value(false));
        feedback(mvc, EHR.token(FEEDBACK_AUD, NOW).sign()).andExpect(status().isOk());
    }

    @Test
    void audArrayHoldingTheCalledUrl_isAccepted() throws Exception {
        discovery(mvc, EHR.token(DISCOVERY_AUD, NOW).claim("aud", List.of("https://other.example", DISCOVERY_AUD))
                .sign()).andExpect(status().isOk());
    }

    @Test
    void noAuthorizationHeader_gives401WithoutErrorCode() throws Exception {
        assertRefused(mvc.perform(get("/cds-services")), "AUTH-MISSING-TOKEN");
    }

    @Test
    void basicAuthorization_gives401() throws Exception {
        assertRefused(mvc.perform(get("/cds-services").header("Authorization", "Basic dXNlcjpwYXNz")),
                "AUTH-MISSING-TOKEN");
    }

    @Test
    void expired_gives401() throws Exception {
        assertInvalid(discovery(mvc, EHR.token(DISCOVERY_AUD, NOW.minusSeconds(600)).sign()));
    }

    @Test
    void expiredWithinClockSkew_isAccepted() throws Exception {
        discovery(mvc, EHR.token(DISCOVERY_AUD, NOW.minusSeconds(330)).sign()).andExpect(status().isOk());
    }

    @Test
    void iatInTheFuture_gives401() throws Exception {
        assertInvalid(discovery(mvc, EHR.token(DISCOVERY_AUD, NOW.plusSeconds(120)).sign()));
    }

    @Test
    void notYetValidNbf_gives401() throws Exception {
        assertInvalid(discovery(mvc, EHR.token(DISCOVERY_AUD, NOW).claim("nbf", NOW.plusSeconds(120).getEpochSecond())
                .sign()));
    }

    @Test
    void wrongAud_gives401() throws Exception {
        assertInvalid(discovery(mvc, EHR.token("https://cds.example.org/cds-services", NOW).sign()));
    }

    @Test
    void discoveryAudOnAHookCall_gives401() throws Exception {
        assertInvalid(hook(mvc, EHR.token(DISCOVERY_AUD, NOW).sign(), body(null, null)));
    }

    @Test
    void unknownIss_gives401() throws Exception {
        assertInvalid(discovery(mvc, new TestIssuer("https://rogue.example").token(DISCOVERY_AUD, NOW).sign()));
    }

    @Test
    void unknownKid_gives401() throws Exception {
        assertInvalid(discovery(mvc, EHR.token(DISCOVERY_AUD, NOW).kid("rotated-away").sign()));
    }

    @Test
    void missingKid_gives401() throws Exception {
        assertInvalid(discovery(mvc, EHR.token(DISCOVERY_AUD, NOW).kid(null).sign()));
    }

    @Test
    void badSignature_gives401() throws Exception {
        var forged = new ECKeyGenerator(Curve.P_384).keyID(TestIssuer.EC_KID).generate();
        assertInvalid(discovery(mvc, EHR.token(DISCOVERY_AUD, NOW).signWith(forged).sign()));
    }

    @Test
    void algNone_gives401() throws Exception {
        assertInvalid(discovery(mvc, EHR.token(DISCOVERY_AUD, NOW).unsigned()));
    }

    @Test
    void algNoneWithKidAndASignaturePart_gives401() throws Exception {
        assertInvalid(discovery(mvc, EHR.token(DISCOVERY_AUD, NOW).noneWithSignaturePart()));
    }

    @Test
    void hs256SignedWithThePublicKey_gives401() throws Exception {
        assertInvalid(discovery(mvc, EHR.token(DISCOVERY_AUD, NOW).hs256WithPublicKey()));
    }

    @Test
    void es256_whenNotConfiguredForTheIssuer_gives401() throws Exception {
        var p256 = new ECKeyGenerator(Curve.P_256).keyID(TestIssuer.EC_KID).generate();
        assertInvalid(discovery(mvc, EHR.token(DISCOVERY_AUD, NOW).alg(JWSAlgorithm.ES256).signWith(p256).sign()));
    }

    @Test
    void replayedJti_gives401() throws Exception {
        String token = EHR.token(DISCOVERY_AUD, NOW).sign();
        discovery(mvc, token).andExpect(status().isOk());
        assertInvalid(discovery(mvc, token));
    }

    @Test
    void missingJti_gives401() throws Exception {
        assertInvalid(discovery(mvc, EHR.token(DISCOVERY_AUD, NOW).claim("jti", null).sign()));
    }

    @Test
    void missingIat_gives401() throws Exception {
        assertInvalid(discovery(mvc, EHR.token(DISCOVERY_AUD, NOW).claim("iat", null).sign()));
    }

    @Test
    void missingExp_gives401() throws Exception {
        assertInvalid(discovery(mvc, EHR.token(DISCOVERY_AUD, NOW).claim("exp", null).sign()));
    }

    @Test
    void lifetimeOverTheMaximum_gives401() throws Exception {
        assertInvalid(discovery(mvc, EHR.token(DISCOVERY_AUD, NOW).claim("exp", NOW.plusSeconds(7200).getEpochSecond())
                .sign()));
    }

    @Test
    void jkuNotAllowlisted_gives401() throws Exception {
        assertInvalid(discovery(mvc, EHR.token(DISCOVERY_AUD, NOW).jku("https://attacker.example/jwks.json").sign()));
    }

    @Test
    void allowlistedJku_withTheKidInTheConfiguredKeys_isAccepted() throws Exception {
        discovery(mvc, EHR.token(DISCOVERY_AUD, NOW).jku("https://ehr.test.example/jwks.json").sign())
                .andExpect(status().isOk());
    }

    @Test
    void typOtherThanJwt_gives401() throws Exception {
        assertInvalid(discovery(mvc, EHR.token(DISCOVERY_AUD, NOW).typ(new JOSEObjectType("at+jwt")).sign()));
    }

    @Test
    void missingTyp_gives401() throws Exception {
        assertInvalid(discovery(mvc, EHR.token(DISCOVERY_AUD, NOW).typ(null).sign()));
    }

    @Test
    void garbageToken_gives401() throws Exception {
        assertInvalid(discovery(mvc, "not-a-jwt.at-all.really"));
    }
}
