package org.hypomag.cds.system;

import org.hypomag.cds.knowledge.CardTexts;
import org.hypomag.cds.knowledge.KnowledgeBundle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The card wording (knowledge/cards.yaml), loaded and validated once at startup: a broken file throws a
 * KnowledgeException listing every problem, and the service does not start.
 */
@Configuration(proxyBeanMethods = false)
class CardTextsConfig {

    @Bean
    CardTexts cardTexts(KnowledgeBundle bundle) {
        return bundle.cards();
    }
}
