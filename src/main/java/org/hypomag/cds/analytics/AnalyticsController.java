package org.hypomag.cds.analytics;

import java.nio.charset.StandardCharsets;

import org.hypomag.cds.fhir.OperationOutcome;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /analytics/cards.json} and {@code /analytics/cards.csv}: the same figures, see {@link CardsReport}. */
@RestController
class AnalyticsController {

    private final AnalyticsQuery query;

    AnalyticsController(AnalyticsQuery query) {
        this.query = query;
    }

    @GetMapping(path = "/analytics/cards.json", produces = MediaType.APPLICATION_JSON_VALUE)
    CardsReport json(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                     @RequestParam(required = false) String service, @RequestParam(required = false) String cardType,
                     @RequestParam(required = false) String indicator) {
        return report(AnalyticsRequest.parse(from, to, service, cardType, indicator));
    }

    @GetMapping(path = "/analytics/cards.csv")
    ResponseEntity<String> csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                               @RequestParam(required = false) String service,
                               @RequestParam(required = false) String cardType,
                               @RequestParam(required = false) String indicator) {
        CardsReport report = report(AnalyticsRequest.parse(from, to, service, cardType, indicator));
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"cards-" + report.from() + "-" + report.to()
                        + ".csv\"")
                .body(CardsCsv.write(report));
    }

    private CardsReport report(AnalyticsRequest request) {
        CardFigures figures = new CardFigures();
        query.read(request, figures);
        return figures.report(request);
    }

    @ExceptionHandler(AnalyticsRequest.BadQuery.class)
    ResponseEntity<String> badQuery(AnalyticsRequest.BadQuery e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_JSON)
                .body(OperationOutcome.error("invalid", "bad-analytics-query", e.getMessage()).json());
    }

    /** The database is away or slow: the figures cannot be read now (503, never a stack trace). */
    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<String> storeUnavailable(DataAccessException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_JSON)
                .body(OperationOutcome.error("transient", "analytics-store-unavailable",
                        "the card store cannot be read now; try again later").json());
    }
}
