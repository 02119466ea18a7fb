package org.hypomag.cds.cards;

import org.hypomag.cds.clinical.Knowledge;
import org.hypomag.cds.knowledge.CardTexts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one place the card renderers are built: each part once, shared by the patient-view renderer and the
 * order-hook renderer (issue 13 item 1).
 */
@Configuration(proxyBeanMethods = false)
class CardWiring {

    @Bean
    TrendLinks trendLinks(CardTexts cards) {
        return new TrendLinks(cards.fragment("trend-link-label"));
    }

    @Bean
    CardFactory cardFactory(CardTexts cards, Knowledge knowledge) {
        return new CardFactory(cards, knowledge.version());
    }

    @Bean
    OrderWording orderWording(CardTexts cards, Knowledge knowledge) {
        return new OrderWording(cards, knowledge.texts());
    }

    @Bean
    SuggestedOrders suggestedOrders(CardTexts cards, OrderWording wording) {
        return new SuggestedOrders(cards, wording);
    }

    @Bean
    AlertDetail alertDetail(CardTexts cards, Knowledge knowledge) {
        return new AlertDetail(cards, knowledge);
    }

    @Bean
    RegimenSuggestions regimenSuggestions(CardTexts cards, Knowledge knowledge, OrderWording wording,
                                          SuggestedOrders orders) {
        return new RegimenSuggestions(cards, knowledge, wording, orders);
    }

    @Bean
    LabCards labCards(CardFactory factory, OrderWording wording, SuggestedOrders orders, Knowledge knowledge) {
        return new LabCards(factory, wording, orders, knowledge);
    }

    @Bean
    AlertCards alertCards(CardFactory factory, AlertDetail detail, RegimenSuggestions regimens, Knowledge knowledge) {
        return new AlertCards(factory, detail, regimens, knowledge);
    }

    @Bean
    FindingCards findingCards(CardFactory factory, AlertDetail detail, LabCards labs, Knowledge knowledge) {
        return new FindingCards(factory, detail, labs, knowledge);
    }

    @Bean
    DrugCards drugCards(CardFactory factory, LabCards labs, Knowledge knowledge) {
        return new DrugCards(factory, labs, knowledge);
    }

    @Bean
    HypocalcaemiaCards hypocalcaemiaCards(CardFactory factory, AlertDetail detail, RegimenSuggestions regimens) {
        return new HypocalcaemiaCards(factory, detail, regimens);
    }

    @Bean
    MgOrderCards mgOrderCards(CardFactory factory, AlertDetail detail, LabCards labs, OrderWording wording,
                              SuggestedOrders orders, Knowledge knowledge) {
        return new MgOrderCards(factory, detail, labs, wording, orders, knowledge);
    }

    @Bean
    PatientViewCardRenderer patientViewCardRenderer(AlertCards alert, LabCards labs, FindingCards findings,
                                                    DrugCards drugs, HypocalcaemiaCards hypocalcaemia) {
        return new PatientViewCardRenderer(alert, labs, findings, drugs, hypocalcaemia);
    }

    @Bean
    OrderCardRenderer orderCardRenderer(CardFactory factory, AlertDetail detail, RegimenSuggestions regimens,
                                        LabCards labs, FindingCards findings, MgOrderCards mgOrders, DrugCards drugs,
                                        Knowledge knowledge) {
        return new OrderCardRenderer(factory, detail, regimens, labs, findings, mgOrders, drugs, knowledge);
    }
}
