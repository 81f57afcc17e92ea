package id.kotacerdas.intake.photo;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import id.kotacerdas.intake.IntakeServiceTest;
import tools.jackson.databind.JsonNode;

class PhotoUploadTest extends IntakeServiceTest {

    private static final String GPS_MARKER = "GPSLatitude -4.5467 GPSLongitude 136.8837";

    @Test
    void photoMetadataIsStrippedBeforeStoringAndThePhotoIsServedByUrl() throws IOException {
        byte[] withExif = jpegWithExif();
        assertThat(contains(withExif, "Exif")).isTrue();

        Answer answer = postMultipart("/api/v1/reports", report("Foto jalan rusak"), List.of(withExif, png()), as(APP));

        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        String trackingNumber = answer.json().get("trackingNumber").asString();
        JsonNode shown = get("/api/v1/reports/" + trackingNumber).json();
        assertThat(shown.get("photoUrls")).hasSize(2);
        Answer first = get(shown.get("photoUrls").get(0).asString());
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("Content-Type")).isEqualTo("image/jpeg");
        assertThat(contains(first.bytes(), "Exif")).isFalse();
        assertThat(contains(first.bytes(), "GPSLatitude")).isFalse();
        BufferedImage served = ImageIO.read(new ByteArrayInputStream(first.bytes()));
        assertThat(served.getWidth()).isEqualTo(64);
        Answer second = get(shown.get("photoUrls").get(1).asString());
        assertThat(second.header("Content-Type")).isEqualTo("image/png");
        topics.awaitType("city.report.submitted.v1",
                json -> json.contains(trackingNumber) && json.contains("\"photoCount\":2"), WAIT);
    }

    @Test
    void aFileThatIsNotAnImageIsRefusedByContentAndNothingIsStored() {
        String description = "Bukan foto " + UUID.randomUUID();
        byte[] script = "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8);

        Answer answer = postMultipart("/api/v1/reports", report(description), List.of(script), as(APP));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo("photos[0]");
        assertThat(mongo.getCollection("reports").countDocuments(new Document("description", description))).isZero();
    }

    @Test
    void moreThanThreePhotosAreRefused() throws IOException {
        byte[] photo = png();
        Answer answer = postMultipart("/api/v1/reports", report("Empat foto"), List.of(photo, photo, photo, photo),
                as(APP));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo("photos");
    }

    @Test
    void aPhotoLargerThan5MegabytesIsRefusedWith413() {
        byte[] huge = new byte[5 * 1024 * 1024 + 1];
        huge[0] = (byte) 0xff;
        huge[1] = (byte) 0xd8;
        huge[2] = (byte) 0xff;
        Answer answer = postMultipart("/api/v1/reports", report("Foto besar"), List.of(huge), as(APP));
        assertThat(answer.status()).isEqualTo(413);
    }

    private static String report(String description) {
        double[] spot = freshSpotInMimika();
        return reportJson(description, spot[0], spot[1], "null");
    }

    private static byte[] jpegWithExif() throws IOException {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        image.getGraphics().setColor(Color.ORANGE);
        image.getGraphics().fillRect(0, 0, 32, 24);
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", jpeg);
        byte[] plain = jpeg.toByteArray();
        // an APP1 "Exif" segment right after the JFIF APP0 segment, as a phone camera writes it
        int app0End = 4 + (((plain[4] & 0xff) << 8) | (plain[5] & 0xff));
        byte[] payload = ("Exif\0\0MM\0*" + GPS_MARKER).getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, app0End);
        out.write(0xff);
        out.write(0xe1);
        int length = payload.length + 2;
        out.write(length >> 8);
        out.write(length & 0xff);
        out.writeBytes(payload);
        out.write(plain, app0End, plain.length - app0End);
        return out.toByteArray();
    }

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(20, 20, BufferedImage.TYPE_INT_ARGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static boolean contains(byte[] haystack, String needle) {
        byte[] n = needle.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i + n.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + n.length, n, 0, n.length)) {
                return true;
            }
        }
        return false;
    }
}
