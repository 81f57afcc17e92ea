package id.kotacerdas.contracts;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.cfg.DateTimeFeature;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The one JSON form of events on the wire: ISO-8601 times, no nulls, unknown properties ignored
 * (so that additive changes within a major version never break a consumer).
 */
public final class EventJson {

    public static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private EventJson() {
    }

    public static String write(CityEvent event) {
        return MAPPER.writeValueAsString(event);
    }

    public static <E> E read(String json, Class<E> type) {
        return MAPPER.readValue(json, type);
    }
}
