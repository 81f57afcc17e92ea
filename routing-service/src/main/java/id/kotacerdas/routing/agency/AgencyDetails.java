package id.kotacerdas.routing.agency;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** What an operator sets on an agency. */
public record AgencyDetails(
        @NotBlank @Size(max = 200) String name,
        @Valid Contact head,
        @Valid List<Contact> contacts,
        @Size(max = 200) String workingHours,
        List<@Pattern(regexp = "[a-z0-9-]{1,60}", message = "must be a service category code") String> categories,
        List<@Pattern(regexp = "[a-z0-9.-]{1,80}", message = "must be a district code") String> districtCodes,
        Boolean operatorDesk) {

    public boolean isOperatorDesk() {
        return Boolean.TRUE.equals(operatorDesk);
    }
}
