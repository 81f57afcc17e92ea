package id.kotacerdas.intake.duplicate;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import id.kotacerdas.contracts.identity.Role;
import id.kotacerdas.intake.report.ReportView;
import id.kotacerdas.support.identity.Caller;

@RestController
@RequestMapping("/api/v1/reports/{trackingNumber}")
class DuplicateController {

    private final Duplicates duplicates;

    DuplicateController(Duplicates duplicates) {
        this.duplicates = duplicates;
    }

    record MarkDuplicate(String duplicateOf) {
    }

    record Support(String supporterRef) {
    }

    /** Staff: this report repeats another (open) one. */
    @PostMapping("/duplicate-of")
    ReportView markDuplicate(@PathVariable String trackingNumber, @RequestBody MarkDuplicate body, Caller caller) {
        caller.requireAny(Role.OPERATOR, Role.AGENCY_STAFF);
        return ReportView.of(duplicates.markDuplicate(trackingNumber, body.duplicateOf()), true);
    }

    /** A citizen (through an app) supports an existing report instead of filing the same one again. */
    @PostMapping("/supporters")
    ReportView support(@PathVariable String trackingNumber, @RequestBody(required = false) Support body,
                       Caller caller) {
        caller.requireAny(Role.CITIZEN_APP, Role.OPERATOR);
        return ReportView.of(duplicates.support(trackingNumber, caller.clientId(),
                body == null ? null : body.supporterRef()), false);
    }
}
