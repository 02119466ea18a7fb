package org.hypomag.cds.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The metric result of a fetched key, from the fixed reasons the fetch layer gives (FetchSession, KeyFetch). */
class FetchOutcomeTest {

    @Test
    void eachFixedReason_givesItsResult() {
        Map<String, FetchOutcome> cases = Map.ofEntries(
                Map.entry("FHIR server did not answer within 800 ms", FetchOutcome.TIMEOUT),
                Map.entry("no answer within the 1200 ms deadline", FetchOutcome.TIMEOUT),
                Map.entry("no time left before the deadline", FetchOutcome.TIMEOUT),
                Map.entry("query cancelled at the deadline", FetchOutcome.TIMEOUT),
                Map.entry("FHIR server's answer was not valid FHIR JSON", FetchOutcome.UNUSABLE),
                Map.entry("FHIR server returned a Patient", FetchOutcome.UNUSABLE),
                Map.entry("FHIR server answered HTML or XML, not FHIR JSON", FetchOutcome.UNUSABLE),
                Map.entry(BoundedBody.tooLarge(10 << 20), FetchOutcome.UNUSABLE),
                Map.entry("FHIR server answered 500", FetchOutcome.ERROR),
                Map.entry("FHIR server reported an error", FetchOutcome.ERROR),
                Map.entry("could not connect to the FHIR server", FetchOutcome.ERROR),
                Map.entry("connection to the FHIR server failed", FetchOutcome.ERROR),
                Map.entry("the query left the FHIR server's base; not sent", FetchOutcome.ERROR));
        cases.forEach((reason, outcome) -> assertThat(FetchOutcome.of(
                new KeyResult.Unknown("magnesium: " + KeyFetch.NO_USABLE_ANSWER, "magnesium: " + reason)))
                .as(reason).isEqualTo(outcome));
    }

    @Test
    void presentIncompleteOrEmpty_isOk() {
        assertThat(FetchOutcome.of(new KeyResult.Empty())).isEqualTo(FetchOutcome.OK);
        assertThat(FetchOutcome.of(new KeyResult.Present(List.of(), "the deadline came while paging")))
                .isEqualTo(FetchOutcome.OK);
        assertThat(FetchOutcome.OK.label()).isEqualTo("ok");
    }
}
