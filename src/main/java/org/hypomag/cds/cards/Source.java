package org.hypomag.cds.cards;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Card source: label required; url, icon and a static topic per card type. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Source(String label, String url, String icon, Coding topic) {

    public Source {
        Coding.requireText(label, "source.label");
    }
}
