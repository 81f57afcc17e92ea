package id.kotacerdas.routing.agency;

import id.kotacerdas.contracts.identity.Role;
import id.kotacerdas.support.identity.Caller;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The agency directory. Operators change it; agency staff may read it (to pick a target for disposisi). */
@RestController
@RequestMapping("/api/v1/agencies")
public class AgencyController {

    private final AgencyDirectory directory;

    public AgencyController(AgencyDirectory directory) {
        this.directory = directory;
    }

    @GetMapping
    public List<AgencyView> list(Caller caller, @RequestParam(required = false) String jurisdictionId) {
        caller.requireAny(Role.OPERATOR, Role.AGENCY_STAFF);
        return directory.list(jurisdictionId).stream().map(AgencyView::of).toList();
    }

    @GetMapping("/{agencyId}")
    public AgencyView get(Caller caller, @PathVariable String agencyId) {
        caller.requireAny(Role.OPERATOR, Role.AGENCY_STAFF);
        return AgencyView.of(directory.require(agencyId));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public AgencyView create(Caller caller, @Valid @RequestBody NewAgency request) {
        caller.requireAny(Role.OPERATOR);
        return AgencyView.of(directory.create(request, caller.clientId()));
    }

    @PutMapping("/{agencyId}")
    public AgencyView change(Caller caller, @PathVariable String agencyId, @Valid @RequestBody AgencyDetails details) {
        caller.requireAny(Role.OPERATOR);
        return AgencyView.of(directory.change(agencyId, details, caller.clientId()));
    }

    /** Retires the agency: no new reports are routed to it; its open assignments stay until transferred. */
    @DeleteMapping("/{agencyId}")
    public AgencyView retire(Caller caller, @PathVariable String agencyId) {
        caller.requireAny(Role.OPERATOR);
        return AgencyView.of(directory.retire(agencyId, caller.clientId()));
    }
}
