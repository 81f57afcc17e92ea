package id.kotacerdas.localstack.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppCdsTest {

    @TempDir
    Path dir;

    @Test
    void aJarThatCannotBeExtractedRunsAsItIsWithoutClassDataSharing() throws Exception {
        Path notBootJar = Files.writeString(dir.resolve("routing-service-0.1.0-SNAPSHOT-exec.jar"), "not a jar");

        AppCds.Launch launch = AppCds.prepare(notBootJar, dir.resolve("cds").resolve("routing-service"));

        assertThat(launch.jar()).isEqualTo(notBootJar);
        assertThat(launch.jvmOptions()).isEmpty();
        assertThat(launch.recordsArchive()).isFalse();
        assertThat(launch.note()).contains("class data sharing off");
    }

    @Test
    void anExtractedJarRecordsAnArchiveFirstAndUsesItOnceItExists() throws Exception {
        Path jar = Files.writeString(dir.resolve("gateway-0.1.0-SNAPSHOT-exec.jar"), "stand-in for the executable jar");
        Path work = Files.createDirectories(dir.resolve("cds").resolve("gateway"));
        // as left by an earlier extraction of this very jar
        Files.writeString(work.resolve(jar.getFileName()), "extracted application jar");
        Files.writeString(work.resolve("extracted-from.txt"), jar.toAbsolutePath() + " " + Files.size(jar) + " "
                + Files.getLastModifiedTime(jar).toMillis());

        AppCds.Launch first = AppCds.prepare(jar, work);
        assertThat(first.jar()).isEqualTo(work.resolve(jar.getFileName()));
        assertThat(first.recordsArchive()).isTrue();
        assertThat(first.jvmOptions()).contains("-XX:ArchiveClassesAtExit=" + work.resolve("app.jsa"));

        Files.writeString(work.resolve("app.jsa"), "archive written at exit");
        AppCds.Launch next = AppCds.prepare(jar, work);
        assertThat(next.recordsArchive()).isFalse();
        assertThat(next.jvmOptions()).contains("-XX:SharedArchiveFile=" + work.resolve("app.jsa"));
    }
}
