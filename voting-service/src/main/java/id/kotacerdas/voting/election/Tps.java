package id.kotacerdas.voting.election;

/** A polling station (Tempat Pemungutan Suara); its id is unique within the election. */
public record Tps(String id, String name, String address) {
}
