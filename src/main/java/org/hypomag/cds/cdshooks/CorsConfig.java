package org.hypomag.cds.cdshooks;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** CORS for browser EHRs such as the reference simulator: preflight, Authorization and Content-Type. */
@Configuration(proxyBeanMethods = false)
class CorsConfig implements WebMvcConfigurer {

    private final CdsHttpProperties properties;

    CorsConfig(CdsHttpProperties properties) {
        this.properties = properties;
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        registry.addMapping("/cds-services/**")
                .allowedOriginPatterns(properties.corsAllowedOrigins().toArray(String[]::new))
                .allowedMethods("GET", "POST", "OPTIONS")
                .allowedHeaders("Authorization", "Content-Type", "Accept")
                .allowCredentials(false)
                .maxAge(600);
        registry.addMapping("/cds-services")
                .allowedOriginPatterns(properties.corsAllowedOrigins().toArray(String[]::new))
                .allowedMethods("GET", "OPTIONS")
                .allowedHeaders("Authorization", "Content-Type", "Accept")
                .allowCredentials(false)
                .maxAge(600);
    }
}
