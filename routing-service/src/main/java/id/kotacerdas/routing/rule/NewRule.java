package id.kotacerdas.routing.rule;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

public record NewRule(@NotBlank @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be lowercase words joined by dashes") String ruleId,
                      @NotBlank String jurisdictionId,
                      @NotNull @Valid RuleDefinition definition) {
}
