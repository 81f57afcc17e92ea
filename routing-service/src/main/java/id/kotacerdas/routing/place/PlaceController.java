package id.kotacerdas.routing.place;

import id.kotacerdas.support.problem.NotFoundException;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Collection;
import java.util.List;

/** Public reads: the jurisdictions, their districts and villages (sample boundaries), and where a point lies. */
@RestController
@Validated
public class PlaceController {

    private final Jurisdictions jurisdictions;
    private final Boundaries boundaries;

    public PlaceController(Jurisdictions jurisdictions, Boundaries boundaries) {
        this.jurisdictions = jurisdictions;
        this.boundaries = boundaries;
    }

    public record JurisdictionView(String id, String name, String zone, String zoneLabel, String trackingPrefix) {
    }

    @GetMapping("/api/v1/jurisdictions")
    public Collection<JurisdictionView> jurisdictions() {
        return jurisdictions.all().stream()
                .map(j -> new JurisdictionView(j.id(), j.name(), j.zone().getId(), j.zoneLabel(), j.trackingPrefix()))
                .toList();
    }

    @GetMapping("/api/v1/jurisdictions/{jurisdictionId}/areas")
    public List<Area> areas(@PathVariable String jurisdictionId) {
        requireKnown(jurisdictionId);
        return boundaries.areas(jurisdictionId);
    }

    @GetMapping("/api/v1/jurisdictions/{jurisdictionId}/locate")
    public Location locate(@PathVariable String jurisdictionId,
                           @RequestParam @DecimalMin("-90") @DecimalMax("90") double lat,
                           @RequestParam @DecimalMin("-180") @DecimalMax("180") double lon) {
        requireKnown(jurisdictionId);
        return boundaries.locate(jurisdictionId, lat, lon)
                .orElseThrow(() -> new NotFoundException("The point is in no known district of " + jurisdictionId));
    }

    private void requireKnown(String jurisdictionId) {
        jurisdictions.find(jurisdictionId).orElseThrow(() -> new NotFoundException("No jurisdiction " + jurisdictionId));
    }
}
