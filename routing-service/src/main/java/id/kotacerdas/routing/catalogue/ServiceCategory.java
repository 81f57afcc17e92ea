package id.kotacerdas.routing.catalogue;

/** A service catalogue entry (Open311 service_code = report serviceCode = routing category) and its group. */
public record ServiceCategory(String code, String name, String group) {
}
