package id.kotacerdas.routing.assignment;

import id.kotacerdas.contracts.assignment.ReportRejected;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Bodies of the agency's actions. */
public final class AssignmentRequests {

    private AssignmentRequests() {
    }

    public record AddNote(@NotNull Note.Visibility visibility, @NotBlank @Size(max = 4000) String text) {
    }

    public record Resolve(@NotBlank @Size(max = 4000) String note,
                          @Size(max = 1000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String photoUrl) {
    }

    public record Reject(@NotNull ReportRejected.RejectionReason reason, @NotBlank @Size(max = 2000) String note) {
    }

    public record Transfer(@NotBlank String toAgencyId, @NotBlank @Size(max = 2000) String reason) {
    }
}
