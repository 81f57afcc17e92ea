package id.kotacerdas.routing.agency;

import id.kotacerdas.support.privacy.Masking;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A person or mailbox to notify. Personal data: never logged unmasked, never on public topics. */
public record Contact(@Size(max = 200) String name,
                      @Email @Size(max = 200) String email,
                      @Pattern(regexp = "\\+?[0-9]{8,15}", message = "must be a phone number like +6281234567890") String phone) {

    @Override
    public String toString() {
        return "Contact[" + Masking.email(email) + ", " + Masking.phone(phone) + "]";
    }
}
