package org.hypomag.cds.system;

import org.hypomag.cds.clinical.Knowledge;
import org.hypomag.cds.clinical.LabCodes;
import org.hypomag.cds.knowledge.KnowledgeBundle;
import org.hypomag.cds.knowledge.KnowledgeLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The validated knowledge bundle (src/main/resources/knowledge/). A broken file throws KnowledgeException
 * listing every problem, and the application refuses to start.
 */
@Configuration(proxyBeanMethods = false)
class KnowledgeConfig {

    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeConfig.class);

    @Bean
    KnowledgeBundle knowledgeBundle() {
        KnowledgeBundle b = KnowledgeLoader.loadDefaultBundle();
        LOG.info("Knowledge {} loaded: {}", b.knowledge().version(), b.knowledge().fileVersions());
        return b;
    }

    @Bean
    Knowledge knowledge(KnowledgeBundle bundle) {
        return bundle.knowledge();
    }

    @Bean
    LabCodes labCodes(Knowledge knowledge) {
        return knowledge.labCodes();
    }
}
