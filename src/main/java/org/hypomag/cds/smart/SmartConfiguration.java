package org.hypomag.cds.smart;

import java.util.Map;

import org.hypomag.cds.clinical.Knowledge;
import org.hypomag.cds.clinical.UnitTable;
import org.hypomag.cds.security.SecurityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

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

    @Bean
    SmartConfigController smartConfigController(SmartProperties smart, Knowledge knowledge, UnitTable units) {
        return new SmartConfigController(TrendAppConfig.build(smart, knowledge, units));
    }

    /** {@code GET /smart/config.json}: no input, the same answer to everyone (no patient data in it). */
    @RestController
    static final class SmartConfigController {

        private final Map<String, Object> config;

        SmartConfigController(Map<String, Object> config) {
            this.config = config;
        }

        @GetMapping(path = "/smart/config.json", produces = MediaType.APPLICATION_JSON_VALUE)
        ResponseEntity<Map<String, Object>> config() {
            return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(config);
        }
    }
}
