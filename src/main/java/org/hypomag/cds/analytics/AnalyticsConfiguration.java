package org.hypomag.cds.analytics;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Wires the analytics read and, unless {@code cds.security.mode=demo}, the admin-token guard in front of every
 * {@code /analytics} path (JWT mode is the default, so analytics is closed unless configured).
 */
@Configuration(proxyBeanMethods = false)
class AnalyticsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AnalyticsConfiguration.class);

    @Bean
    AnalyticsQuery analyticsQuery(JdbcClient jdbc, @Qualifier("issuedCardsFlush") ObjectProvider<Runnable> flush) {
        // the store writes issued cards behind the request: what this instance issued is written before each read
        return new AnalyticsQuery(jdbc, flush.getIfAvailable(() -> () -> { }));
    }

    @Bean
    FilterRegistrationBean<AnalyticsAccessFilter> analyticsAccessFilter(
            @Value("${cds.security.mode:jwt}") String mode,
            @Value("${cds.analytics.admin-tokens:}") List<String> adminTokens) {
        AdminTokens tokens = new AdminTokens(adminTokens);
        boolean demo = "demo".equalsIgnoreCase(mode.trim());
        if (!demo && tokens.isEmpty()) {
            log.info("Analytics (/analytics) is closed: no cds.analytics.admin-tokens configured");
        }
        FilterRegistrationBean<AnalyticsAccessFilter> registration =
                new FilterRegistrationBean<>(new AnalyticsAccessFilter(tokens));
        registration.setEnabled(!demo);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
