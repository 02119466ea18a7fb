package org.hypomag.cds.fhir;

import org.hypomag.cds.knowledge.KnowledgeLoader;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import ca.uhn.fhir.context.FhirContext;
import org.hypomag.cds.clinical.LabCodes;
import org.hypomag.cds.clinical.UnitTable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.util.unit.DataSize;

/** The fhir beans start in a Spring context, and cds.fhir.* binds with its defaults. */
class FhirWiringTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(FhirProperties.class)
    @Import({FhirHttpClient.class, PatientDataResolver.class, SnapshotMapper.class, ParserWarmup.class})
    static class Beans {
        @Bean
        FhirContext fhirContext() {
            return FhirContext.forR4Cached();
        }

        @Bean
        LabCodes labCodes() {
            return TestKnowledge.labCodes();
        }

        @Bean
        UnitTable unitTable() {
            return KnowledgeLoader.loadDefault().units();
        }

        @Bean
        org.hypomag.cds.clinical.Knowledge knowledge() {
            return org.hypomag.cds.knowledge.KnowledgeLoader.loadDefault();
        }

        @Bean
        java.time.Clock clock() {
            return java.time.Clock.systemUTC();
        }
    }

    @Test
    void defaults_areTheDocumentedLimits() {
        new ApplicationContextRunner().withUserConfiguration(Beans.class).run(ctx -> {
            assertThat(ctx).hasNotFailed().hasSingleBean(PatientDataResolver.class).hasSingleBean(SnapshotMapper.class);
            assertThat(ctx.getBean(FhirProperties.class)).isEqualTo(FhirProperties.defaults());
        });
    }

    @Test
    void properties_bindFromConfiguration() {
        new ApplicationContextRunner().withUserConfiguration(Beans.class)
                .withPropertyValues("cds.fhir.query-timeout=300ms", "cds.fhir.deadline=1s", "cds.fhir.max-pages=2",
                        "cds.fhir.max-body-bytes=2MB", "cds.fhir.max-entries=50", "cds.fhir.threads=3",
                        "cds.fhir.sequential=true", "cds.fhir.stop-lab-paging=false")
                .run(ctx -> assertThat(ctx.getBean(FhirProperties.class)).isEqualTo(new FhirProperties(
                        Duration.ofMillis(300), Duration.ofSeconds(1), 2, DataSize.ofMegabytes(2), 50, 3, true,
                        false)));
    }

    @Test
    void invalidLimits_stopTheContext() {
        new ApplicationContextRunner().withUserConfiguration(Beans.class)
                .withPropertyValues("cds.fhir.max-pages=0")
                .run(ctx -> assertThat(ctx).hasFailed());
    }

    /** The Bean Validation constraints of FhirProperties stop the start and name the property. */
    @Test
    void invalidLimits_nameThePropertyAndTheRule() {
        new ApplicationContextRunner().withUserConfiguration(Beans.class)
                .withPropertyValues("cds.fhir.max-pages=0", "cds.fhir.deadline=0s")
                .run(ctx -> assertThat(ctx).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("cds.fhir").hasMessageContaining("maxPages")
                        .hasMessageContaining("must be greater than or equal to 1").hasMessageContaining("deadline"));
    }
}
