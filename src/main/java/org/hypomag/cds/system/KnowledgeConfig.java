package org.hypomag.cds.system;

import org.hypomag.cds.clinical.Knowledge;
import org.hypomag.cds.knowledge.CardTexts;
import org.hypomag.cds.knowledge.CardTextsLoader;
import org.hypomag.cds.knowledge.KnowledgeLoader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clinical knowledge and the card texts, loaded and validated once at startup: a broken file throws a
 * KnowledgeException listing every problem, and the service does not start.
 */
@Configuration(proxyBeanMethods = false)
class KnowledgeConfig {

    @Bean
    Knowledge knowledge() {
        return KnowledgeLoader.loadDefault();
    }

    @Bean
    CardTexts cardTexts() {
        return CardTextsLoader.loadDefault();
    }
}
