package org.hypomag.cds.security;

import java.net.InetAddress;
import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import org.hypomag.cds.store.SharedReplay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.io.ResourceLoader;

/**
 * Wires the client authentication: trusted issuers, replay memory, verifier, and the filter in front of
 * everything else on {@code /cds-services}. Kept in this package so the verifier's parts stay
 * package-private. Says loudly at start when the configuration weakens the checks.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

    /** Before the other filters (request size limit, ...): unauthenticated calls get nothing but a 401. */
    static final int FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 5;

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    TrustedIssuers trustedIssuers(SecurityProperties properties, ResourceLoader resources) {
        return new TrustedIssuers(properties, resources);
    }

    /**
     * The verifier on the security clock: the real clock unless a test provides a {@link SecurityClock}; never
     * the service's (clinical) clock, which {@code cds.clock.fixed} may pin (issue 19.17).
     */
    @Bean
    JwtVerifier jwtVerifier(TrustedIssuers issuers, ObjectProvider<SecurityClock> securityClock,
                            SecurityProperties properties, ObjectProvider<SharedReplay> sharedReplay) {
        Clock clock = securityClock.getIfAvailable(SecurityClock::system).clock();
        // issue 14: the database's replay table when there is one (every instance refuses a used jti)
        ReplayCache replays = new ReplayCache(clock, properties.replayCacheSize(), sharedReplay.getIfAvailable());
        return new JwtVerifier(issuers, replays, clock, properties);
    }

    /**
     * Issue 12.6: demo mode (no authentication) listens on loopback only, whatever server.address says, unless
     * {@code cds.security.demo-allow-remote=true} (then a loud warning at start).
     */
    @Bean
    WebServerFactoryCustomizer<ConfigurableWebServerFactory> demoLoopbackOnly(SecurityProperties properties,
            @Value("${cds.security.demo-allow-remote:false}") boolean allowRemote) {
        return factory -> {
            if (properties.mode() != SecurityProperties.Mode.DEMO) {
                return;
            }
            if (allowRemote) {
                log.warn("DEMO MODE IS REACHABLE FROM THE NETWORK (cds.security.demo-allow-remote=true): anyone who "
                        + "can reach this port gets answers without authentication. Never with real patient data");
                return;
            }
            if (factory instanceof org.springframework.boot.web.server.AbstractConfigurableWebServerFactory f
                    && f.getAddress() != null && f.getAddress().isLoopbackAddress()) {
                return;
            }
            factory.setAddress(InetAddress.getLoopbackAddress());
            log.warn("Demo mode: listening on {} (loopback) only; set cds.security.demo-allow-remote=true to listen "
                    + "elsewhere (not recommended)", InetAddress.getLoopbackAddress().getHostAddress());
        };
    }

    @Bean
    FilterRegistrationBean<JwtAuthenticationFilter> jwtAuthenticationFilter(JwtVerifier verifier,
                                                                            TrustedIssuers issuers,
                                                                            SecurityProperties properties,
            @Value("${cds.security.demo-allow-remote:false}") boolean allowRemote,
            ObjectProvider<MeterRegistry> meters) {
        boolean demo = properties.mode() == SecurityProperties.Mode.DEMO;
        if (!demo && properties.publicBaseUrl() == null && issuers.size() > 0) {
            // issue 12.5: without it the expected aud would follow the caller's Host header
            throw new IllegalStateException("cds.security.public-base-url is required in JWT mode: set it to the URL "
                    + "the EHRs call in front of /cds-services (e.g. https://cds.example.org); every token's aud "
                    + "must equal it + the path");
        }
        announce(properties, issuers, demo);
        FilterRegistrationBean<JwtAuthenticationFilter> registration = new FilterRegistrationBean<>(
                new JwtAuthenticationFilter(verifier, new RequestAudience(properties.publicBaseUrl()), demo,
                        demo && !allowRemote, new JwtRejections(meters.getIfAvailable())));
        registration.setName("cdsJwtAuthentication");
        registration.addUrlPatterns("/*");
        registration.setOrder(FILTER_ORDER);
        return registration;
    }

    /**
     * JWT mode: on the application's port the actuator answers the health probes only; metrics are read on the
     * management port (management.server.port), see {@link OperationsEndpointGuard}. Demo mode: open (loopback).
     */
    @Bean
    FilterRegistrationBean<OperationsEndpointGuard> operationsEndpointGuard(SecurityProperties properties) {
        FilterRegistrationBean<OperationsEndpointGuard> registration =
                new FilterRegistrationBean<>(new OperationsEndpointGuard());
        registration.setName("cdsOperationsEndpointGuard");
        registration.addUrlPatterns("/*");
        registration.setOrder(FILTER_ORDER + 1);
        registration.setEnabled(properties.mode() != SecurityProperties.Mode.DEMO);
        return registration;
    }

    private static void announce(SecurityProperties properties, TrustedIssuers issuers, boolean demo) {
        if (demo) {
            log.warn("DEMO MODE (cds.security.mode=demo): /cds-services answers calls WITHOUT authentication "
                    + "and may fetch from loopback FHIR servers. For local trials only, never with real patient data");
            return;
        }
        if (properties.publicBaseUrl() == null) {
            log.warn("cds.security.public-base-url is not set (no issuer is trusted either, so no call is accepted); "
                    + "set it to the URL clients call (e.g. https://cds.example.org) together with the issuers");
        }
        if (issuers.size() == 0) {
            log.warn("No trusted issuer is configured (cds.security.issuers): every call to /cds-services is refused");
        }
        log.info("Client JWTs required on /cds-services from {} trusted issuer(s); clock skew {}, max lifetime {}",
                issuers.size(), properties.clockSkew(), properties.maxTokenLifetime());
    }
}
