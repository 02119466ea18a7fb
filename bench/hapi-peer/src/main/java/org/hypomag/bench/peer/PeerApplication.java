package org.hypomag.bench.peer;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.hapi.fhir.cdshooks.api.ICdsHooksDaoAuthorizationSvc;
import ca.uhn.hapi.fhir.cdshooks.api.ICdsServiceRegistry;
import ca.uhn.hapi.fhir.cdshooks.config.CdsHooksConfig;
import ca.uhn.hapi.fhir.cdshooks.controller.CdsHooksController;
import ca.uhn.hapi.fhir.cdshooks.svc.CdsHooksContextBooter;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Benchmark-only peer (issue 16 goal 4): HAPI FHIR's CDS Hooks module as a stand-alone web application.
 * <p>
 * The module's own {@link CdsHooksConfig} (registry, prefetch service, request deserializer, its Jackson
 * mapper) and its {@link CdsHooksController} ({@code GET /cds-services}, {@code POST /cds-services/{id}})
 * do all the protocol work; this class only gives them what they need outside a HAPI JPA server: a R4
 * {@link FhirContext}, the booter that starts the child context holding the annotated services
 * ({@link PeerServices}), and two stubs (an empty {@link DaoRegistry}: no database, every prefetch key must
 * come with the request, else the module answers 412; an authorization check that allows everything, as
 * nothing is read from a DAO). {@link HapiErrors} gives HAPI's exceptions their status (412, 400). No security.
 * <p>
 * Only the web parts of Spring Boot are imported, not its whole auto-configuration: the module drags in
 * JPA, Hibernate Search, Flyway and JDBC drivers (protocol-notes.md §2), which would otherwise try to
 * configure a database.
 */
@SpringBootConfiguration
@ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, ServletWebServerFactoryAutoConfiguration.class,
        DispatcherServletAutoConfiguration.class, JacksonAutoConfiguration.class,
        HttpMessageConvertersAutoConfiguration.class, WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class})
@Import({CdsHooksConfig.class, HapiErrors.class})
public class PeerApplication {

    public static void main(String[] args) {
        SpringApplication.run(PeerApplication.class, args);
    }

    @Bean
    FhirContext fhirContext() {
        return FhirContext.forR4Cached();
    }

    @Bean
    DaoRegistry daoRegistry(FhirContext fhirContext) {
        return new DaoRegistry(fhirContext);
    }

    @Bean
    ICdsHooksDaoAuthorizationSvc cdsHooksDaoAuthorizationSvc() {
        return resource -> {
        };
    }

    @Bean
    CdsHooksContextBooter cdsHooksContextBooter() {
        CdsHooksContextBooter booter = new CdsHooksContextBooter();
        booter.setDefinitionsClass(PeerServices.class);
        booter.start();
        return booter;
    }

    @Bean
    CdsHooksController cdsHooksController(ICdsServiceRegistry registry) {
        return new CdsHooksController(registry);
    }
}
