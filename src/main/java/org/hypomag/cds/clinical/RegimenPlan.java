package org.hypomag.cds.clinical;

import java.util.List;

/** The regimens for one situation plus the notes the card must carry (weight needed, dialysis ...). */
public record RegimenPlan(List<Regimen> regimens, List<Note> notes) {

    public RegimenPlan {
        regimens = List.copyOf(regimens);
        notes = List.copyOf(notes);
    }

    public boolean hasIv() {
        return regimens.stream().anyMatch(r -> r instanceof MgSulfateRegimen);
    }
}
