package id.kotacerdas.contracts;

/**
 * An immutable fact published on a topic. The subject is the aggregate the event is about
 * (report id, election id, request id); it becomes the record key and {@code ce_subject}.
 */
public interface CityEvent {

    String subject();
}
