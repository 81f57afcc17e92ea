package id.kotacerdas.routing.rule;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** A new version of a rule; {@code expectedVersion} guards against overwriting someone else's change. */
public record RuleChange(@NotNull @Min(1) Integer expectedVersion, @NotNull @Valid RuleDefinition definition) {
}
