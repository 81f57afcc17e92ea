package id.kotacerdas.intake.reporter;

/** The reporter's identity and how to reach them. Personal data: only ever stored sealed. */
public record Contact(String name, String phone, String email) {

    public boolean reachable() {
        return phone != null || email != null;
    }

    @Override
    public String toString() {
        return "Contact[masked]";
    }
}
