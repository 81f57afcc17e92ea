package id.kotacerdas.routing.rule;

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

/** Operators manage routing rules; every change is a new version recorded with who and when. */
@RestController
@RequestMapping("/api/v1/routing-rules")
public class RoutingRuleController {

    private final RoutingRules rules;

    public RoutingRuleController(RoutingRules rules) {
        this.rules = rules;
    }

    @GetMapping
    public List<RoutingRule> list(Caller caller, @RequestParam(required = false) String jurisdictionId) {
        caller.requireAny(Role.OPERATOR);
        return rules.list(jurisdictionId);
    }

    @GetMapping("/{ruleId}")
    public RoutingRule get(Caller caller, @PathVariable String ruleId) {
        caller.requireAny(Role.OPERATOR);
        return rules.current(ruleId);
    }

    /** Every version, oldest first: the audit trail of the rule. */
    @GetMapping("/{ruleId}/versions")
    public List<RoutingRule> versions(Caller caller, @PathVariable String ruleId) {
        caller.requireAny(Role.OPERATOR);
        rules.current(ruleId);
        return rules.history(ruleId);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public RoutingRule create(Caller caller, @Valid @RequestBody NewRule request) {
        caller.requireAny(Role.OPERATOR);
        return rules.create(request, caller.clientId());
    }

    @PutMapping("/{ruleId}")
    public RoutingRule change(Caller caller, @PathVariable String ruleId, @Valid @RequestBody RuleChange change) {
        caller.requireAny(Role.OPERATOR);
        return rules.change(ruleId, change, caller.clientId());
    }

    @DeleteMapping("/{ruleId}")
    public RoutingRule retire(Caller caller, @PathVariable String ruleId, @RequestParam int expectedVersion) {
        caller.requireAny(Role.OPERATOR);
        return rules.retire(ruleId, expectedVersion, caller.clientId());
    }
}
