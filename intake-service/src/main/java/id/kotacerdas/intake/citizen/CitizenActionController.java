package id.kotacerdas.intake.citizen;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import id.kotacerdas.intake.report.ReportView;

/** The reporter's follow-up actions; the {@value #TOKEN_HEADER} header proves authorship. */
@RestController
@RequestMapping("/api/v1/reports/{trackingNumber}")
class CitizenActionController {

    static final String TOKEN_HEADER = "X-Reporter-Token";

    private final CitizenActions actions;

    CitizenActionController(CitizenActions actions) {
        this.actions = actions;
    }

    record Information(String text) {
    }

    record Reason(String reason) {
    }

    record Rating(Integer rating, String comment) {
    }

    @PostMapping("/information")
    ReportView addInformation(@PathVariable String trackingNumber,
                              @RequestHeader(name = TOKEN_HEADER, required = false) String token,
                              @RequestBody Information body) {
        return ReportView.of(actions.addInformation(trackingNumber, token, body.text()), true);
    }

    @PostMapping("/withdrawal")
    ReportView withdraw(@PathVariable String trackingNumber,
                        @RequestHeader(name = TOKEN_HEADER, required = false) String token,
                        @RequestBody(required = false) Reason body) {
        return ReportView.of(actions.withdraw(trackingNumber, token, body == null ? null : body.reason()), true);
    }

    @PostMapping("/resolution/confirmation")
    ReportView confirm(@PathVariable String trackingNumber,
                       @RequestHeader(name = TOKEN_HEADER, required = false) String token) {
        return ReportView.of(actions.confirmResolution(trackingNumber, token), true);
    }

    @PostMapping("/resolution/dispute")
    ReportView dispute(@PathVariable String trackingNumber,
                       @RequestHeader(name = TOKEN_HEADER, required = false) String token,
                       @RequestBody Reason body) {
        return ReportView.of(actions.disputeResolution(trackingNumber, token, body.reason()), true);
    }

    @PostMapping("/rating")
    ReportView rate(@PathVariable String trackingNumber,
                    @RequestHeader(name = TOKEN_HEADER, required = false) String token,
                    @RequestBody Rating body) {
        return ReportView.of(actions.rate(trackingNumber, token, body.rating(), body.comment()), true);
    }
}
