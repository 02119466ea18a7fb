package org.hypomag.cds.clinical;

import org.hypomag.cds.knowledge.KnowledgeLoader;

/** The shipped knowledge, loaded once for the clinical tests. */
final class TestKnowledge {

    static final Knowledge K = KnowledgeLoader.loadDefault();

    private TestKnowledge() {
    }
}
