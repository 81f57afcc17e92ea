package id.kotacerdas.routing.place;

import id.kotacerdas.routing.config.RoutingProperties;
import id.kotacerdas.support.problem.InvalidInputException;
import org.springframework.stereotype.Component;

import java.time.ZoneId;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The configured jurisdictions ({@code kotacerdas.routing.jurisdictions.<id>}). */
@Component
public class Jurisdictions {

    private final Map<String, Jurisdiction> byId = new TreeMap<>();

    public Jurisdictions(RoutingProperties properties) {
        properties.jurisdictions().forEach((id, settings) -> byId.put(id, new Jurisdiction(id, settings.name(),
                ZoneId.of(settings.zone()), settings.trackingPrefix())));
    }

    public Optional<Jurisdiction> find(String id) {
        return Optional.ofNullable(id).map(byId::get);
    }

    /** @throws InvalidInputException naming {@code field} when the jurisdiction is unknown */
    public Jurisdiction require(String id, String field) {
        return find(id).orElseThrow(() -> new InvalidInputException(field, "is not a known jurisdiction"));
    }

    public Collection<Jurisdiction> all() {
        return byId.values();
    }
}
