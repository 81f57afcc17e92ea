package id.kotacerdas.intake.photo;

/** A photo re-encoded from its pixels only: no EXIF, no GPS, no comments. */
public record CleanPhoto(String contentType, byte[] content) {
}
