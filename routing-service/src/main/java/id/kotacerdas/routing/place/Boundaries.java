package id.kotacerdas.routing.place;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * District and village boundaries per jurisdiction, read from {@code places/<jurisdiction>.geojson}, and
 * point-in-polygon with JTS so that a report with only coordinates gets its district and village.
 * The embedded store has no geo operators, so geometry lives in memory here.
 */
@Component
public class Boundaries {

    private static final Logger log = LoggerFactory.getLogger(Boundaries.class);
    private static final GeometryFactory GEOMETRY = new GeometryFactory(new PrecisionModel(), 4326);

    private final Map<String, List<Boundary>> byJurisdiction = new HashMap<>();

    public Boundaries(Jurisdictions jurisdictions) {
        JsonMapper json = JsonMapper.builder().build();
        for (Jurisdiction jurisdiction : jurisdictions.all()) {
            ClassPathResource resource = new ClassPathResource("places/" + jurisdiction.id() + ".geojson");
            if (!resource.exists()) {
                log.warn("No boundaries for jurisdiction {}: reports there keep the district they name", jurisdiction.id());
                continue;
            }
            try (InputStream in = resource.getInputStream()) {
                byJurisdiction.put(jurisdiction.id(), read(json.readTree(in)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public Optional<Location> locate(String jurisdictionId, double latitude, double longitude) {
        Point point = GEOMETRY.createPoint(new Coordinate(longitude, latitude));
        List<Boundary> boundaries = byJurisdiction.getOrDefault(jurisdictionId, List.of());
        Optional<Boundary> district = boundaries.stream()
                .filter(b -> b.area().kind().equals("district") && b.shape().covers(point)).findFirst();
        if (district.isEmpty()) {
            return Optional.empty();
        }
        String village = boundaries.stream()
                .filter(b -> b.area().kind().equals("village") && district.get().area().code().equals(b.area().districtCode())
                        && b.shape().covers(point))
                .map(b -> b.area().code()).findFirst().orElse(null);
        return Optional.of(new Location(district.get().area().code(), village));
    }

    public List<Area> areas(String jurisdictionId) {
        return byJurisdiction.getOrDefault(jurisdictionId, List.of()).stream().map(Boundary::area).toList();
    }

    public boolean isDistrict(String jurisdictionId, String code) {
        return areas(jurisdictionId).stream().anyMatch(a -> a.kind().equals("district") && a.code().equals(code));
    }

    private static List<Boundary> read(JsonNode collection) {
        List<Boundary> boundaries = new ArrayList<>();
        for (JsonNode feature : collection.get("features")) {
            JsonNode properties = feature.get("properties");
            Area area = new Area(properties.get("code").asString(), properties.get("name").asString(),
                    properties.get("kind").asString(),
                    properties.has("district") ? properties.get("district").asString() : properties.get("code").asString());
            boundaries.add(new Boundary(area, PreparedGeometryFactory.prepare(geometry(feature.get("geometry")))));
        }
        return boundaries;
    }

    private static Geometry geometry(JsonNode node) {
        String type = node.get("type").asString();
        JsonNode coordinates = node.get("coordinates");
        return switch (type) {
            case "Polygon" -> polygon(coordinates);
            case "MultiPolygon" -> {
                List<Polygon> polygons = new ArrayList<>();
                coordinates.forEach(p -> polygons.add(polygon(p)));
                yield GEOMETRY.createMultiPolygon(polygons.toArray(Polygon[]::new));
            }
            default -> throw new IllegalArgumentException("Unsupported boundary geometry " + type);
        };
    }

    private static Polygon polygon(JsonNode rings) {
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i));
        }
        return GEOMETRY.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode positions) {
        Coordinate[] coordinates = new Coordinate[positions.size()];
        for (int i = 0; i < positions.size(); i++) {
            coordinates[i] = new Coordinate(positions.get(i).get(0).asDouble(), positions.get(i).get(1).asDouble());
        }
        return GEOMETRY.createLinearRing(coordinates);
    }

    private record Boundary(Area area, PreparedGeometry shape) {
    }
}
