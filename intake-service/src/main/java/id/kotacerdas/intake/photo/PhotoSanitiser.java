package id.kotacerdas.intake.photo;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Accepts JPEG and PNG recognised by their content (never by name or declared type), refuses images too
 * large to decode safely, and re-encodes the pixels so that no metadata (EXIF, GPS position) survives.
 */
@Component
public class PhotoSanitiser {

    private final long maxBytes;
    private final long maxPixels;

    public PhotoSanitiser(@Value("${kotacerdas.intake.photos.max-bytes:5242880}") long maxBytes,
                          @Value("${kotacerdas.intake.photos.max-pixels:24000000}") long maxPixels) {
        this.maxBytes = maxBytes;
        this.maxPixels = maxPixels;
    }

    /** @return the cleaned photo, or the reason it is refused */
    public Result sanitise(byte[] content) {
        if (content == null || content.length == 0) {
            return Result.refused("is empty");
        }
        if (content.length > maxBytes) {
            return Result.refused("is larger than " + maxBytes + " bytes");
        }
        Optional<String> format = formatOf(content);
        if (format.isEmpty()) {
            return Result.refused("is not a JPEG or PNG image");
        }
        try {
            BufferedImage image = decode(content, format.get());
            if (image == null) {
                return Result.refused("is not a readable image");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (format.get().equals("jpeg")) {
                ImageIO.write(withoutAlpha(image), "jpeg", out);
                return Result.clean(new CleanPhoto("image/jpeg", out.toByteArray()));
            }
            ImageIO.write(image, "png", out);
            return Result.clean(new CleanPhoto("image/png", out.toByteArray()));
        } catch (IOException | RuntimeException e) {
            return Result.refused("is not a readable image");
        }
    }

    private BufferedImage decode(byte[] content, String format) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > maxPixels) {
                    throw new IOException("image too large to decode: " + pixels + " pixels");
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        }
    }

    private static Optional<String> formatOf(byte[] content) {
        if (content.length > 3 && (content[0] & 0xff) == 0xff && (content[1] & 0xff) == 0xd8
                && (content[2] & 0xff) == 0xff) {
            return Optional.of("jpeg");
        }
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        if (content.length > png.length) {
            for (int i = 0; i < png.length; i++) {
                if (content[i] != png[i]) {
                    return Optional.empty();
                }
            }
            return Optional.of("png");
        }
        return Optional.empty();
    }

    private static BufferedImage withoutAlpha(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB || image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.createGraphics().drawImage(image, 0, 0, java.awt.Color.WHITE, null);
        return rgb;
    }

    public record Result(CleanPhoto photo, String refusal) {

        static Result clean(CleanPhoto photo) {
            return new Result(photo, null);
        }

        static Result refused(String reason) {
            return new Result(null, reason);
        }

        public boolean isClean() {
            return photo != null;
        }
    }
}
