package id.kotacerdas.routing.agency;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** An operator's request to add an agency; its id is {@code <jurisdiction>-<short-name>}. */
public record NewAgency(
        @NotBlank @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)+", message = "must look like <jurisdiction>-<short-name>") String id,
        @NotBlank String jurisdictionId,
        @NotNull @Valid AgencyDetails details) {
}
