package org.hypomag.cds.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The filter on its own: an unexpected failure inside verification is a 401, never a 500. */
class JwtAuthenticationFilterUnitTest {

    @Test
    void unexpectedExceptionDuringVerification_gives401_andTheChainIsNotCalled() throws Exception {
        JwtVerifier verifier = mock(JwtVerifier.class);
        when(verifier.verify(anyString(), anyString())).thenThrow(new IllegalStateException("boom"));
        JwtAuthenticationFilter filter = new JwtAuthenticationFilter(verifier,
                new RequestAudience("https://cds.example.org"), false);
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/cds-services");
        request.addHeader("Authorization", "Bearer aaa.bbb.ccc");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentAsString()).contains("\"AUTH-INVALID-TOKEN\"");
        assertThat(chain.getRequest()).isNull();
        assertThat(CallerIdentity.of(request)).isEmpty();
    }

    @Test
    void guardedPaths_includeDoubledSlashesAndCase_butNotLookalikes() {
        assertThat(JwtAuthenticationFilter.guards("//cds-services")).isTrue();
        assertThat(JwtAuthenticationFilter.guards("/CDS-Services/x/feedback")).isTrue();
        assertThat(JwtAuthenticationFilter.guards("/cds-services;jsessionid=1")).isTrue();
        assertThat(JwtAuthenticationFilter.guards("/cds-services-docs")).isFalse();
        assertThat(JwtAuthenticationFilter.guards("/actuator/health")).isFalse();
        assertThat(JwtAuthenticationFilter.guards("/demo/index.html")).isFalse();
    }

    @Test
    void audience_isTheConfiguredBasePlusTheCalledPath_orDerivedFromTheRequest() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/cds-services/mg-order-sign");
        request.setQueryString("x=1");
        assertThat(new RequestAudience("https://cds.example.org").expectedFor(request))
                .isEqualTo("https://cds.example.org/cds-services/mg-order-sign");
        request.setScheme("https");
        request.setServerName("cds.internal");
        request.setServerPort(8443);
        assertThat(new RequestAudience(null).expectedFor(request))
                .isEqualTo("https://cds.internal:8443/cds-services/mg-order-sign");
    }
}
