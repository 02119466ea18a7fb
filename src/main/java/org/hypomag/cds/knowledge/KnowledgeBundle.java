package org.hypomag.cds.knowledge;

import org.hypomag.cds.clinical.Knowledge;

/**
 * Every knowledge file, loaded through the one path: what the rules read ({@link Knowledge}) and what only
 * the cards read (their wording, {@link CardTexts}); both under the manifest's version.
 */
public record KnowledgeBundle(Knowledge knowledge, CardTexts cards) {
}
