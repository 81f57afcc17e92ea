package id.kotacerdas.contracts;

import id.kotacerdas.contracts.assignment.AssignmentEvents;
import id.kotacerdas.contracts.election.ElectionEvents;
import id.kotacerdas.contracts.notification.NotificationEvents;
import id.kotacerdas.contracts.report.ReportEvents;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Every event type the platform publishes, by CloudEvents type and by record class. */
public final class EventCatalog {

    private static final List<EventDescriptor<?>> ALL = Stream.of(
                    ReportEvents.ALL, AssignmentEvents.ALL, NotificationEvents.ALL, ElectionEvents.ALL)
            .flatMap(List::stream)
            .toList();

    private static final Map<String, EventDescriptor<?>> BY_TYPE = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(EventDescriptor::type, Function.identity()));

    private static final Map<Class<?>, EventDescriptor<?>> BY_CLASS = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(EventDescriptor::payloadType, Function.identity()));

    private EventCatalog() {
    }

    public static List<EventDescriptor<?>> all() {
        return ALL;
    }

    public static Optional<EventDescriptor<?>> forType(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    public static EventDescriptor<?> forEvent(CityEvent event) {
        EventDescriptor<?> descriptor = BY_CLASS.get(event.getClass());
        if (descriptor == null) {
            throw new IllegalArgumentException("Not a catalogued event: " + event.getClass().getSimpleName());
        }
        return descriptor;
    }
}
