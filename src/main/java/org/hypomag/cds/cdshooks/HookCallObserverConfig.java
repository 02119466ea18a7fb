package org.hypomag.cds.cdshooks;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Registers the per-call observer on the hook URLs, after the CORS filter and before the JWT filter (so a 401
 * is counted and logged). {@code cds.metrics.enabled=false} leaves it out (the overhead benchmark's "off").
 */
@Configuration(proxyBeanMethods = false)
class HookCallObserverConfig {

    /** After CORS (HIGHEST_PRECEDENCE), before the JWT filter (HIGHEST_PRECEDENCE + 5). */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 3;

    @Bean
    @ConditionalOnProperty(name = "cds.metrics.enabled", havingValue = "true", matchIfMissing = true)
    FilterRegistrationBean<HookCallObserver> hookCallObserver(CallTrace trace, HookMetrics metrics, HookCallLog log) {
        FilterRegistrationBean<HookCallObserver> registration =
                new FilterRegistrationBean<>(new HookCallObserver(trace, metrics, log));
        registration.setName("cdsHookCallObserver");
        registration.addUrlPatterns("/cds-services/*");
        registration.setOrder(ORDER);
        return registration;
    }
}
