package org.hypomag.cds.smart;

import org.hypomag.cds.security.SecurityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Wires the trend app's server side: launch URL, headers filter on {@code /smart/*}, the config endpoint. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SmartProperties.class)
class SmartConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SmartConfiguration.class);

    @Bean
    SmartLaunch smartLaunch(SmartProperties smart, SecurityProperties security) {
        SmartLaunch launch = new SmartLaunch(smart, security);
        if (!smart.enabled()) {
            LOG.info("SMART trend app links are off (cds.smart.enabled=false)");
        } else if (launch.urlFor(null).isEmpty() && security.mode() != SecurityProperties.Mode.DEMO) {
            LOG.warn("SMART trend app: no launch URL (set cds.smart.launch-url or cds.security.public-base-url); "
                    + "cards carry no trend link");
        }
        return launch;
    }

    @Bean
    FilterRegistrationBean<SmartHeadersFilter> smartHeadersFilter(SmartProperties smart, SecurityProperties security) {
        String csp = ContentSecurityPolicy.of(smart, security);
        LOG.info("SMART trend app pages: Content-Security-Policy {}", csp);
        FilterRegistrationBean<SmartHeadersFilter> registration = new FilterRegistrationBean<>(new SmartHeadersFilter(csp));
        registration.setName("smartHeaders");
        registration.addUrlPatterns("/smart/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
