package org.hypomag.cds.system;

import org.hypomag.cds.clinical.Knowledge;
import org.hypomag.cds.clinical.LabCodes;
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
    Knowledge knowledge() {
        Knowledge k = KnowledgeLoader.loadDefault();
        LOG.info("Knowledge {} loaded: {}", k.version(), k.fileVersions());
        return k;
    }

    @Bean
    LabCodes labCodes(Knowledge knowledge) {
        return knowledge.labCodes();
    }
}
