package id.kotacerdas.routing.rule;

import id.kotacerdas.contracts.assignment.Priority;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** What an operator sets on a rule: lower positions are tried first. */
public record RuleDefinition(@NotNull @Min(0) @Max(1_000_000) Integer position,
                             @Valid RuleMatch match,
                             @NotBlank String agencyId,
                             @NotNull Priority priority) {
}
