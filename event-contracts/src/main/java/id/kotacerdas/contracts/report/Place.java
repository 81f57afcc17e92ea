package id.kotacerdas.contracts.report;

/** Where the problem is: coordinates and/or an address, resolved to district and village where known. */
public record Place(Double latitude, Double longitude, String address, String districtCode, String villageCode) {
}
