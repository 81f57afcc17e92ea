package id.kotacerdas.contracts.notification;

/** Who to tell. Personal data: only ever on the restricted request topic. */
public record Recipient(String name, String phone, String email) {

    @Override
    public String toString() {
        return "Recipient[masked]";
    }
}
